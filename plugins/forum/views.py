"""The plugin's own pages: subscriptions to forums, and ending a subscription from a mail."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .models import ForumSubscription
from .notifications import read_subscription_token
from .permissions import can_read, readable_forum_ids


@login_required
def subscriptions(request):
    """The forums and topics the member follows, with a button to stop each."""
    from machina.apps.forum.models import Forum

    readable = readable_forum_ids(request.user)
    followed = set(
        ForumSubscription.objects.filter(user=request.user).values_list("forum_id", flat=True)
    )
    forums = [
        {"forum": forum, "subscribed": forum.pk in followed}
        for forum in Forum.objects.filter(pk__in=readable, type=Forum.FORUM_POST).order_by("name")
    ]
    topics = request.user.topic_subscriptions.filter(forum_id__in=readable).select_related("forum")
    return TemplateResponse(
        request,
        "musenor_forum/subscriptions.html",
        {"forums": forums, "topics": topics.order_by("-last_post_on")},
    )


@login_required
@require_POST
def toggle_forum_subscription(request, pk):
    """Follow the forum ``pk``, or stop following it (``action=stop``)."""
    from machina.apps.forum.models import Forum

    forum = get_object_or_404(Forum, pk=pk)
    if not can_read(request.user, forum):
        raise Http404
    if request.POST.get("action") == "stop":
        ForumSubscription.objects.filter(user=request.user, forum=forum).delete()
        messages.success(
            request, _("You no longer follow the forum “%(forum)s”.") % {"forum": forum.name}
        )
    else:
        ForumSubscription.objects.get_or_create(user=request.user, forum=forum)
        messages.success(
            request,
            _("You follow the forum “%(forum)s”: you will be told of each new post.")
            % {"forum": forum.name},
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = ""
    return redirect(next_url or "musenor_forum:subscriptions")


# A one-click link from a mail: no session, no CSRF token; the signature is the proof.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def stop_subscription(request, token):
    """GET asks to confirm (mail scanners follow links); POST ends the subscription."""
    from machina.apps.forum.models import Forum
    from machina.apps.forum_conversation.models import Topic

    try:
        user_pk, kind, object_id = read_subscription_token(token)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Http404(_("This link is not valid.")) from None
    user = get_user_model().objects.filter(pk=user_pk).first()
    model = {"forum": Forum, "topic": Topic}.get(kind)
    target = model.objects.filter(pk=object_id).first() if model and user else None
    if target is None:
        raise Http404(_("This link is not valid."))
    done = request.method == "POST"
    if done:
        if kind == "forum":
            ForumSubscription.objects.filter(user=user, forum=target).delete()
        else:
            target.subscribers.remove(user)
    return TemplateResponse(
        request,
        "musenor_forum/stop_subscription.html",
        {"done": done, "kind": kind, "target": target, "email": user.email},
    )
