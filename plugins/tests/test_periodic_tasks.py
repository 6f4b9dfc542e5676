"""Periodic tasks: declared by plugins, enqueued when due by ``manage.py run_periodic_tasks``."""

from datetime import timedelta
from io import StringIO
from types import ModuleType

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django_tasks import task

from musenor.plugins import PeriodicTask, hookimpl, notify
from musenor.plugins.manager import registered
from musenor.plugins.models import PeriodicTaskRun
from musenor.plugins.notifications import set_preference
from musenor.plugins.periodic import all_periodic_tasks, run_due_tasks

pytestmark = pytest.mark.django_db

RUNS = []


@task()
def count_birds():
    RUNS.append("count_birds")


@pytest.fixture
def counting_plugin():
    RUNS.clear()
    plugin = ModuleType("birdcount")
    plugin.periodic_tasks = hookimpl(
        lambda: [PeriodicTask("birdcount.count", count_birds, timedelta(hours=1))]
    )
    with registered(plugin, name="birdcount"):
        yield plugin


def run_command():
    out = StringIO()
    call_command("run_periodic_tasks", stdout=out)
    return out.getvalue()


def test_a_due_task_is_enqueued_once_then_not_until_its_interval_passed(counting_plugin):
    assert [periodic.name for periodic in all_periodic_tasks()] == [
        "core.notification_digest",
        "birdcount.count",
    ]
    output = run_command()
    assert "Enqueued: birdcount.count" in output
    assert "2 periodic task(s) enqueued." in output
    # The immediate backend of the test settings ran it at once.
    assert RUNS == ["count_birds"]
    first_run = PeriodicTaskRun.objects.get(name="birdcount.count").last_run_at

    # Straight after: nothing is due.
    assert "0 periodic task(s) enqueued." in run_command()
    assert RUNS == ["count_birds"]

    # The interval counts from the last run.
    assert run_due_tasks(now=first_run + timedelta(minutes=59)) == ([], [])
    later = first_run + timedelta(hours=1)
    assert run_due_tasks(now=later) == (["birdcount.count"], [])
    assert RUNS == ["count_birds", "count_birds"]
    assert PeriodicTaskRun.objects.get(name="birdcount.count").last_run_at == later
    # The daily digest was not due yet.
    assert PeriodicTaskRun.objects.get(name="core.notification_digest").last_run_at < later


def test_a_task_that_cannot_be_enqueued_is_reported_and_tried_again(settings, counting_plugin):
    # The backend refuses the tasks' queue: enqueue() raises.
    immediate = settings.TASKS["default"]["BACKEND"]
    settings.TASKS = {"default": {"BACKEND": immediate, "QUEUES": ["elsewhere"]}}
    with pytest.raises(CommandError, match="core.notification_digest, birdcount.count"):
        run_command()
    assert RUNS == []
    assert not PeriodicTaskRun.objects.exists()
    settings.TASKS = {"default": {"BACKEND": immediate}}
    assert "2 periodic task(s) enqueued." in run_command()
    assert RUNS == ["count_birds"]


def test_a_periodic_task_is_checked_when_declared():
    with pytest.raises(ImproperlyConfigured, match="at least one minute"):
        PeriodicTask("birdcount.fast", count_birds, timedelta(seconds=10))
    with pytest.raises(ImproperlyConfigured, match="at least one minute"):
        PeriodicTask("birdcount.cron", count_birds, "*/5 * * * *")
    with pytest.raises(ImproperlyConfigured, match="django_tasks.task"):
        PeriodicTask("birdcount.plain", count_birds.func, timedelta(hours=1))


def test_two_tasks_with_one_name_are_refused(counting_plugin):
    twin = ModuleType("twin")
    twin.periodic_tasks = hookimpl(
        lambda: [PeriodicTask("birdcount.count", count_birds, timedelta(days=1))]
    )
    with registered(twin, name="twin"), pytest.raises(ImproperlyConfigured, match="birdcount"):
        run_due_tasks()
    assert not PeriodicTaskRun.objects.exists()


def test_the_database_backend_keeps_tasks_for_db_worker(
    settings, birdwatch, english_member, counting_plugin, monkeypatch
):
    """Production's path: the command only enqueues; ``db_worker`` runs the tasks."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes stale connections as it wakes; on PostgreSQL that would
    # close the connection holding this test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    set_preference(english_member, "birdwatch.sighting", "digest")
    notify(
        [english_member],
        "birdwatch.sighting",
        "A heron",
        "birdwatch/mail/sighting",
        {"bird": "Heron"},
    )

    run_command()
    assert RUNS == []
    assert mail.outbox == []
    assert sorted(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "musenor.plugins.tasks.send_notification_digests",
        "plugins.tests.test_periodic_tasks.count_birds",
    ]
    call_command("db_worker", batch=True, startup_delay=False, stdout=StringIO(), stderr=StringIO())
    assert RUNS == ["count_birds"]
    [digest] = mail.outbox
    assert digest.to == ["anna@museum.be"]
    assert "A heron" in digest.body
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
