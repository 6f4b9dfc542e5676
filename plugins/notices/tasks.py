"""The plugin's background tasks (Django's task framework, as Wagtail uses it)."""

from django.apps import apps
from django_tasks import task


@task()
def run_import_task(run_id):
    """Run an import started from the admin (``importer.runs.execute``)."""
    from .importer.runs import execute

    return execute(run_id).status


@task()
def prune_import_runs():
    """Delete the admin's imports older than ``IMPORT_RETENTION_DAYS`` (``importer.runs.prune``);
    run daily by ``run_periodic_tasks``. Returns the number deleted."""
    from .importer.runs import prune

    return prune(apps.get_app_config("musenor_notices").get_setting("IMPORT_RETENTION_DAYS"))
