"""Bring museum editors' rights and the moderation workflow in line with MUSENOR_MODERATION.

New museums, exhibition indexes and exhibitions are set up as they are created
(``musenor.site.workflow``); this command does the same for what already exists,
after the setting changed. Safe to run again.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from musenor.site.workflow import MODERATION_WORKFLOW, setup_moderation


class Command(BaseCommand):
    help = (
        "Apply MUSENOR_MODERATION to existing museums: museum editors' publish rights, "
        "their rights on exhibitions, and the moderation workflow of the museum directory "
        "and the exhibition indexes."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            report = setup_moderation()
        state = "on" if report["moderation"] else "off"
        self.stdout.write(f"Moderation is {state} (MUSENOR_MODERATION).")
        verb = "taken from" if report["moderation"] else "given to"
        self.stdout.write(
            f"Museum editors' groups: {report['groups']}; publish rights {verb} them: "
            f"{report['publish_rights_changed']}."
        )
        self.stdout.write(
            f"Exhibition index rights granted: {report['index_rights_granted']}; "
            f"exhibitions whose rights were brought in line: {report['exhibitions']}."
        )
        if report["moderation"]:
            self.stdout.write(
                f"Sections newly under the “{MODERATION_WORKFLOW}” workflow: "
                f"{report['sections_moderated']}."
            )
        else:
            self.stdout.write(
                f"Sections taken off the “{MODERATION_WORKFLOW}” workflow: "
                f"{report['sections_unmoderated']}."
            )
        self.stdout.write(self.style.SUCCESS("Done."))
