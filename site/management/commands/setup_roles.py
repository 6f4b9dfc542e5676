"""Create the role groups and give them the permissions the core and the plugins declare.

Safe to run again: groups are found by name and permissions only added, so a
second run changes nothing. Run it after installing or upgrading a plugin.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from musenor.plugins.roles import RoleError
from musenor.site.roles import setup_site_roles


class Command(BaseCommand):
    help = (
        "Create the groups of the roles (members, moderators, the association's staff) and "
        "give them, and every museum's editors' group, the permissions of their role."
    )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                report = setup_site_roles()
        except RoleError as error:
            raise CommandError(str(error)) from error
        created = ", ".join(report["created"]) or "none"
        self.stdout.write(f"Groups created: {created}.")
        for name, added in report["added"].items():
            self.stdout.write(f"{name}: {added} permission(s) added.")
        self.stdout.write(
            f"Moderation tasks the moderators' group joined: {report['approval_tasks_joined']}."
        )
        self.stdout.write(self.style.SUCCESS("Done."))
