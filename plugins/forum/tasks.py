"""The background task that mails subscribers about new posts, in batches."""

from django.apps import apps
from django_tasks import task

from .notifications import notify_batch


@task()
def send_post_notifications():
    """Work through the outbox: each pending post's recipients, a batch at a time.

    Enqueued when a post is approved (after its transaction commits) and every
    few minutes by ``run_periodic_tasks``, which picks up what an interrupted
    run left. A run handles at most ``NOTIFICATION_BATCH_SIZE`` recipients per
    post, then enqueues itself again while posts remain. Returns the number of
    recipients looked at.
    """
    from .models import PostNotification

    config = apps.get_app_config("musenor_forum")
    batch_size = config.get_setting("NOTIFICATION_BATCH_SIZE")
    handled = 0
    remaining = False
    for notification in PostNotification.objects.filter(sent_at=None).select_related(
        "post__topic__forum"
    ):
        handled += notify_batch(notification, batch_size)
        notification.refresh_from_db(fields=["sent_at"])
        remaining = remaining or notification.sent_at is None
    if remaining:
        send_post_notifications.enqueue()
    return handled
