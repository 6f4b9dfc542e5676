"""Who is told about a new post, and the mail they get (through the core's ``notify``).

The recipients of a post are the subscribers of its topic (machina's own topic
subscriptions) and of its forum (``ForumSubscription``), less its author and
anyone who may not read the forum now. Each gets it as they chose for the
type ``forum.new_post`` on the notification preferences page: at once, in
the daily digest, or not at all. The core's unsubscribe link switches the
type off; the mail also links to a one-click page that ends the subscription
to that topic or forum only.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from musenor.plugins import notify

NEW_POST = "forum.new_post"
MAIL_TEMPLATE = "musenor_forum/mail/new_post"
UNSUBSCRIBE_SALT = "musenor.forum.subscription"


def subscription_token(user, kind, object_id):
    """A signed token that ends ``user``'s subscription to a topic or a forum (never expires)."""
    return signing.dumps({"u": user.pk, "k": kind, "o": object_id}, salt=UNSUBSCRIBE_SALT)


def read_subscription_token(token):
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return data["u"], data["k"], data["o"]


def candidates(post, after_user_id=0):
    """Subscribers of the post's topic or forum, by user id, who are not its author."""
    topic = post.topic
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(topic_subscriptions=topic) | Q(forum_subscriptions__forum_id=topic.forum_id))
        .filter(pk__gt=after_user_id)
        .distinct()
        .order_by("pk")
    )
    if post.poster_id:
        users = users.exclude(pk=post.poster_id)
    return users


def notify_batch(notification, batch_size):
    """Tell the next ``batch_size`` recipients of ``notification``; return how many were looked at.

    Marks the notification sent when no recipient is left.
    """
    from .permissions import can_read

    post = notification.post
    topic = post.topic
    batch = list(candidates(post, notification.last_user_id)[:batch_size])
    if not batch:
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
        return 0
    forum_subscribers = set(
        apps.get_model("musenor_forum", "ForumSubscription")
        .objects.filter(forum_id=topic.forum_id, user__in=batch)
        .values_list("user_id", flat=True)
    )
    readers = [user for user in batch if can_read(user, topic.forum)]
    for user in readers:
        # One call per reader: each mail carries their own unsubscribe link.
        if user.pk in forum_subscribers:
            kind, object_id = "forum", topic.forum_id
        else:
            kind, object_id = "topic", topic.pk
        token = subscription_token(user, kind, object_id)
        notify(
            [user],
            NEW_POST,
            format_lazy(_("[Forum] {subject}"), subject=post.subject),
            MAIL_TEMPLATE,
            {
                "post": post,
                "topic": topic,
                "forum": topic.forum,
                "subscription_kind": kind,
                "stop_token": token,
            },
        )
    notification.last_user_id = batch[-1].pk
    notification.save(update_fields=["last_user_id"])
    return len(batch)
