"""The plugin's background work, on Django's task framework (run by the portal's worker)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from musenor.plugins import notify

NOTES_SUMMARY = "example.notes_summary"


@task()
def send_notes_summary():
    """Tell the members how many notes there are, as each chose for "example.notes_summary"."""
    from .models import ExampleNote

    members = get_user_model().objects.filter(is_active=True)
    counts = notify(
        members,
        NOTES_SUMMARY,
        _("The example notes"),
        "musenor_example/mail/notes_summary",
        {"notes": list(ExampleNote.objects.all()[:10]), "note_count": ExampleNote.objects.count()},
    )
    return counts
