"""The forum is the members': anonymous visitors are sent to the sign-in page."""

from django.contrib.auth.views import redirect_to_login
from machina.core.loading import get_class

PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")

MACHINA_NAMESPACES = {
    "forum",
    "forum_conversation",
    "forum_member",
    "forum_moderation",
    "forum_tracking",
}
# Reached from a mail without a session: the signed token is the proof.
PUBLIC_VIEWS = {"musenor_forum:stop_subscription"}


class MembersOnlyMiddleware:
    """Redirect anonymous visitors of every forum screen to the sign-in page.

    machina shows an anonymous visitor an empty forum index (nothing is granted
    to anonymous users) or a 403; the members' space answers with a redirect to
    sign-in, then back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or request.user.is_authenticated:
            return None
        namespaces = set(match.namespaces)
        ours = "musenor_forum" in namespaces and match.view_name not in PUBLIC_VIEWS
        if ours or namespaces & MACHINA_NAMESPACES:
            return redirect_to_login(request.get_full_path())
        return None


class ForumPermissionMiddleware:
    """machina's permission middleware, without a session for every anonymous visitor.

    machina's own stores a random key in the session of each anonymous visitor
    of any page (for anonymous polls and posts): a session row written for every
    new visitor of the public site, and a cookie that makes pages uncacheable.
    Anonymous visitors never reach a forum screen here (MembersOnlyMiddleware),
    so they get no key; signed-in members need none.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.forum_permission_handler = PermissionHandler()
        return self.get_response(request)
