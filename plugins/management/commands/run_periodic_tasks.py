"""Enqueue the periodic tasks that are due; run it every few minutes from cron or a timer."""

from django.core.management.base import BaseCommand, CommandError

from musenor.plugins.periodic import run_due_tasks


class Command(BaseCommand):
    help = (
        "Enqueue each periodic task (the core's and the plugins' periodic_tasks hook) whose "
        "interval has passed since its last run. Running it twice in a row enqueues nothing "
        "the second time."
    )

    def handle(self, *args, **options):
        enqueued, failed = run_due_tasks()
        for name in enqueued:
            self.stdout.write(f"Enqueued: {name}")
        self.stdout.write(f"{len(enqueued)} periodic task(s) enqueued.")
        if failed:
            # A non-zero exit, so that cron or the timer reports it.
            raise CommandError(
                f"Could not enqueue (see the log; tried again next time): {', '.join(failed)}."
            )
