"""The plugin's background tasks (Django's task framework, as Wagtail uses it)."""

from django_tasks import task


@task()
def run_import_task(run_id):
    """Run an import started from the admin (``importer.runs.execute``)."""
    from .importer.runs import execute

    return execute(run_id).status
