"""Periodic tasks: what plugins declare, and what ``manage.py run_periodic_tasks`` enqueues.

A plugin returns :class:`PeriodicTask` objects from its ``periodic_tasks()``
hook. The command runs from cron or a systemd timer every few minutes: it
enqueues, through Django's task framework, each task whose interval has passed
since its last run, and records the run (``PeriodicTaskRun``), so that a second
run straight after the first enqueues nothing. The worker (``db_worker`` in
production) then runs the task. Importable at settings time: no model here.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicTask:
    """A task to enqueue every ``schedule``.

    ``name`` is stable and unique (prefix it with the plugin's name): the last
    run is remembered under it. ``task`` is a task of Django's task framework
    (a module-level function decorated with ``django_tasks.task``) that takes
    no argument. ``schedule`` is the minimum interval between two runs, a
    :class:`datetime.timedelta` of at least one minute; the real interval is
    rounded up to the next run of the command.
    """

    name: str
    task: object
    schedule: timedelta

    def __post_init__(self):
        if not isinstance(self.schedule, timedelta) or self.schedule < timedelta(minutes=1):
            raise ImproperlyConfigured(
                f"The periodic task {self.name!r} needs a schedule of at least one minute "
                f"(a datetime.timedelta), not {self.schedule!r}."
            )
        if not callable(getattr(self.task, "enqueue", None)):
            raise ImproperlyConfigured(
                f"The periodic task {self.name!r} must be a task of Django's task framework "
                "(decorated with django_tasks.task), not a plain function."
            )


def core_periodic_tasks():
    """The core's own periodic tasks, declared as a plugin would."""
    from .tasks import DIGEST_TASK

    return [DIGEST_TASK]


def all_periodic_tasks():
    """The core's periodic tasks and every enabled plugin's, checked for duplicate names."""
    from .manager import call

    tasks = [*core_periodic_tasks(), *call("periodic_tasks")]
    seen = set()
    for periodic in tasks:
        if periodic.name in seen:
            raise ImproperlyConfigured(
                f"Two periodic tasks are named {periodic.name!r}: names must be unique."
            )
        seen.add(periodic.name)
    return tasks


def run_due_tasks(now=None, tasks=None):
    """Enqueue every periodic task that is due at ``now``.

    A task is due when it has never run or its ``schedule`` has passed since
    its last run. The run is recorded in the same transaction as the enqueuing
    (with the database backend, the queued task is a row of that transaction
    too), and the row is locked, so two overlapping runs do not both enqueue.
    A task that cannot be enqueued is logged, not recorded (it is tried again
    next time), and does not stop the others.

    Returns ``(enqueued, failed)``: two lists of task names.
    """
    from .models import PeriodicTaskRun

    now = now or timezone.now()
    tasks = all_periodic_tasks() if tasks is None else tasks
    enqueued, failed = [], []
    for periodic in tasks:
        try:
            with transaction.atomic():
                run, created = PeriodicTaskRun.objects.select_for_update().get_or_create(
                    name=periodic.name, defaults={"last_run_at": now}
                )
                if not created and now - run.last_run_at < periodic.schedule:
                    continue
                if not created:
                    run.last_run_at = now
                    run.save(update_fields=["last_run_at"])
                periodic.task.enqueue()
        except Exception:
            logger.exception("The periodic task %s could not be enqueued.", periodic.name)
            failed.append(periodic.name)
            continue
        logger.info("Periodic task %s enqueued.", periodic.name)
        enqueued.append(periodic.name)
    return enqueued, failed
