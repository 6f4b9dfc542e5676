"""The portal's hooks this plugin implements (see the portal's docs/plugins.md)."""

from datetime import timedelta

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from musenor.plugins import (
    DashboardPanel,
    MenuItem,
    NotificationType,
    PagePanel,
    PeriodicTask,
    hookimpl,
)

# Stored in page content: never rename it.
LATEST_NOTES_BLOCK = "example_latest_notes"

DEMO_NOTES = [
    ("Astrolabe de Dunkerque", "Un astrolabe nautique du XVIIe siècle, restauré en 2019."),
    ("Herbier de Lille", "Deux mille planches d'un herbier du XIXe siècle, numérisées."),
    ("Maquette de Calais", "La maquette du port de Calais avant 1914, à l'échelle 1/500."),
]


@hookimpl
def register_public_urls():
    # The notes themselves are under the plugin's url_prefix (apps.py); the
    # hook is for addresses outside it: here, an old address kept working.
    return [
        path(
            "notes-exemple/",
            RedirectView.as_view(pattern_name="musenor_example:index"),
            name="example_old_notes",
        )
    ]


@hookimpl
def menu_items(request):
    return [MenuItem(label=_("Example notes"), url=reverse("musenor_example:index"), order=150)]


@hookimpl
def search_providers():
    from .search import ExampleNoteSearchProvider

    return [ExampleNoteSearchProvider()]


@hookimpl
def sitemaps():
    from .sitemaps import ExampleNoteSitemap

    return {"example-notes": ExampleNoteSitemap}


@hookimpl
def page_panels(page, request):
    # A core page type named by its label: the plugin imports no page model.
    if page._meta.label != "musenor_home.HomePage":
        return []
    from .models import ExampleNote

    note = ExampleNote.objects.only("pk", "title").first()
    if note is None:
        return []
    return [
        PagePanel(
            title=_("The latest example note"),
            template="musenor_example/panels/latest_note.html",
            context={"note": note},
        )
    ]


@hookimpl
def embeddable_blocks():
    from .blocks import LatestNotesBlock

    return [(LATEST_NOTES_BLOCK, LatestNotesBlock())]


@hookimpl
def member_dashboard_panels(request):
    if not request.user.is_authenticated:
        return []
    from .models import ExampleNote

    return [
        DashboardPanel(
            title=_("Example notes"),
            template="musenor_example/panels/notes.html",
            context={"note_count": ExampleNote.objects.count()},
            order=200,
        )
    ]


@hookimpl
def member_menu_items(request):
    return [
        MenuItem(label=_("My notes"), url=reverse("musenor_example:index"), order=50),
        # Shown only to members who may edit notes (moderators, through setup_roles).
        MenuItem(
            label=_("Edit the notes"),
            url="/admin/snippets/musenor_example/examplenote/",
            order=60,
            permission="musenor_example.change_examplenote",
        ),
    ]


@hookimpl
def notification_types():
    from .tasks import NOTES_SUMMARY

    return [
        NotificationType(
            key=NOTES_SUMMARY,
            label=_("Summary of the example notes"),
            description=_("The latest notes, once a week."),
            default="digest",
        )
    ]


@hookimpl
def periodic_tasks():
    from .tasks import send_notes_summary

    return [PeriodicTask("example.notes_summary", send_notes_summary, timedelta(weeks=1))]


@hookimpl
def role_permissions():
    return {
        "member": ["musenor_example.view_examplenote"],
        "museum_editor": ["musenor_example.add_examplenote"],
        "moderator": ["musenor_example.change_examplenote", "musenor_example.delete_examplenote"],
        "staff": [
            "musenor_example.add_examplenote",
            "musenor_example.change_examplenote",
            "musenor_example.delete_examplenote",
        ],
    }


# An implementation may take fewer arguments than its spec: this one needs
# neither the site nor the seed.
@hookimpl
def load_demo_data(stdout):
    from .models import ExampleNote

    created = 0
    for title, body in DEMO_NOTES:
        created += ExampleNote.objects.get_or_create(title=title, defaults={"body": body})[1]
    stdout.write(f"Example notes: {created} created.\n")
