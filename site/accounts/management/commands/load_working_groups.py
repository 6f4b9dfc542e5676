"""Create or update the association's working groups from ``site/data/groups.csv``."""

from django.core.management.base import BaseCommand

from musenor.site.accounts.models import WorkingGroup


class Command(BaseCommand):
    help = "Create or update the association's working groups (site/data/groups.csv); idempotent."

    def handle(self, *args, **options):
        created = WorkingGroup.objects.load_defaults()
        total = WorkingGroup.objects.count()
        self.stdout.write(f"Working groups: {created} created, {total} in all.")
