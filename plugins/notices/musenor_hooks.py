"""The portal hooks of the notices plugin (docs/plugins.md lists them all)."""

from datetime import timedelta

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from musenor.plugins import PagePanel, PeriodicTask, hookimpl, runs_after

RECORD_PERMISSIONS = [
    "musenor_notices.add_record",
    "musenor_notices.change_record",
    "musenor_notices.delete_record",
    "musenor_notices.view_record",
    "musenor_notices.publish_record",
    "musenor_notices.lock_record",
    "musenor_notices.unlock_record",
]
VOCABULARY_MODELS = [
    "domain",
    "denomination",
    "author",
    "period",
    "school",
    "technique",
    "subject",
    "place",
    "legalstatus",
]


@hookimpl
def role_permissions():
    vocabularies = [
        f"musenor_notices.{action}_{model}"
        for model in VOCABULARY_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    return {
        # Narrowed to their own museum by the plugin's permission policy.
        "museum_editor": [*RECORD_PERMISSIONS, *(p for p in vocabularies if "view_" in p)],
        "staff": [
            *RECORD_PERMISSIONS,
            "musenor_notices.edit_every_museum",
            *vocabularies,
            *(f"musenor_notices.{a}_recordselection" for a in ("add", "change", "delete", "view")),
        ],
    }


@hookimpl
def page_panels(page, request):
    if page._meta.label != "musenor_museums.MuseumPage":
        return []
    from .views import museum_selection

    limit = apps.get_app_config("musenor_notices").get_setting("RECORDS_PER_MUSEUM_PANEL")
    records = museum_selection(page, limit)
    if not records:
        return []
    return [
        PagePanel(
            title=_("From the collections"),
            template="musenor_notices/record_panel.html",
            context={"records": records, "museum": page},
            order=50,
        )
    ]


@hookimpl
def search_providers():
    from .search.providers import RecordSearchProvider

    return [RecordSearchProvider()]


@hookimpl
@runs_after("musenor_museums")
def load_demo_data(site, seed, stdout):
    from django.db import transaction

    from .demo import load

    # The plugin's setting DEMO_RECORDS (environment MUSENOR_NOTICES_DEMO_RECORDS).
    total = apps.get_app_config("musenor_notices").get_setting("DEMO_RECORDS")
    with transaction.atomic():
        load(site, seed, stdout, total=total)


@hookimpl
def embeddable_blocks():
    # One choice per selection of records staff made in the admin.
    from .search.blocks import embeddable_blocks as selection_blocks

    return selection_blocks()


@hookimpl
def periodic_tasks():
    from .tasks import prune_import_runs

    # The admin's imports hold unpublished inventory data: kept IMPORT_RETENTION_DAYS.
    return [PeriodicTask("notices.prune_import_runs", prune_import_runs, timedelta(days=1))]
