"""The core's background tasks (Django's task framework); imported once apps are ready."""

from datetime import timedelta

from django_tasks import task

from .periodic import PeriodicTask


@task()
def send_notification_digests():
    from .notifications import send_digests

    return send_digests()


DIGEST_TASK = PeriodicTask(
    name="core.notification_digest", task=send_notification_digests, schedule=timedelta(days=1)
)
