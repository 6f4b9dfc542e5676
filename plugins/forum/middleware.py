"""The forum is the members': anonymous visitors are sent to the sign-in page."""

from django.contrib.auth.views import redirect_to_login

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
