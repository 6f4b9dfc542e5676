"""An import started from the admin, run as a background task (``tasks.run_import_task``).

:func:`execute` runs the engine on an :class:`~..models.ImportRun`'s files, keeps
its progress up to date while it reads (at most once a second), then its
report: the summary and the first rows in the run, the rows to correct as a
CSV file in the imports' storage. An import that stops half-way (the worker
killed) is started again from its page: matching, not the run, decides what
is written, so nothing is written twice.
"""

import contextlib
import logging
import os
import shutil
import tempfile
import time
from dataclasses import asdict

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation

from .access import email_report
from .engine import ImportOptions, run_import
from .report import Report

__all__ = ["enqueue", "execute", "prune"]

logger = logging.getLogger(__name__)

#: Seconds between two writes of the progress.
PROGRESS_EVERY = 1.0


@contextlib.contextmanager
def local_file(field_file, folder):
    """A path on this machine for a stored file: the file itself on a local disk,
    else a copy in ``folder``."""
    try:
        path = field_file.path
    except NotImplementedError:  # a storage without local paths (a bucket)
        path = None
    if path is not None:
        yield path
        return
    target = os.path.join(folder, os.path.basename(field_file.name))
    with field_file.open("rb") as source, open(target, "wb") as copy:
        shutil.copyfileobj(source, copy)
    yield target


def enqueue(run):
    """Start ``run`` in the background once the transaction that created it commits."""
    from ..tasks import run_import_task

    transaction.on_commit(lambda: run_import_task.enqueue(run.pk))


def execute(run_id):
    """Run the import ``run_id``; returns the run (its status says how it ended).

    The report is written in the site's language (French), as the museums
    read it, whatever language the worker or the request had.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _execute(run_id)


def _execute(run_id):
    from ..models import ImportRun

    run = ImportRun.objects.select_related("museum", "user").get(pk=run_id)
    if run.status == ImportRun.Status.DONE:
        return run
    run.status, run.error = ImportRun.Status.RUNNING, ""
    run.started_at = run.heartbeat = timezone.now()
    run.save(update_fields=["status", "started_at", "heartbeat", "error"])
    last = [0.0]

    def progress(rows, position):
        now = time.monotonic()
        if now - last[0] < PROGRESS_EVERY:
            return
        last[0] = now
        ImportRun.objects.filter(pk=run.pk).update(
            rows=rows, position=position or 0, heartbeat=timezone.now()
        )

    options = ImportOptions(
        encoding=run.encoding or None,
        delimiter=run.delimiter or None,
        mapping=run.mapping or {},
        dry_run=run.dry_run,
        clear_for_publication=run.clear_for_publication,
    )
    try:
        with (
            tempfile.TemporaryDirectory(prefix="notices-run-") as folder,
            contextlib.ExitStack() as files,
        ):
            path = files.enter_context(local_file(run.file, folder))
            ImportRun.objects.filter(pk=run.pk).update(size=os.path.getsize(path))
            if run.photos:
                options.photos = files.enter_context(local_file(run.photos, folder))
            report = Report(path=os.path.join(folder, "report.jsonl"))
            try:
                run_import(
                    run.museum, path, options, user=run.user, report=report, progress=progress
                )
                _keep(run, report, folder)
                if run.email_report:
                    email_report(report, run.museum, run.file_name)
            finally:
                report.close()
    except Exception as error:
        logger.exception("Import %s failed.", run.pk)
        run.status, run.error = ImportRun.Status.FAILED, f"{type(error).__name__}: {error}"
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "error", "finished_at"])
        return run
    return run


def _keep(run, report, folder):
    from ..models import ImportRun

    summary = report.summary()
    summary["entries"] = [asdict(entry) for entry in report.entries]
    # Every row to correct, streamed from the report's file (not held in memory).
    path = os.path.join(folder, "corrections.csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        report.corrections_csv(handle)
    with open(path, "rb") as handle:
        run.corrections.save(f"corrections-{run.pk}.csv", File(handle), save=False)
    run.summary = summary
    run.rows = sum(
        summary["counts"].get(key, 0) for key in ("created", "updated", "unchanged", "rejected")
    )
    run.position = run.size
    run.status, run.finished_at = ImportRun.Status.DONE, timezone.now()
    run.save()


def prune(days):
    """Delete the finished or failed runs started more than ``days`` ago, and the files
    no remaining run uses (a check and its import share the export); the count deleted.

    The exports hold unpublished inventory data: they are not kept for ever.
    Runs still waiting or running are left alone.
    """
    from datetime import timedelta

    from ..models import ImportRun

    old = ImportRun.objects.filter(
        created_at__lt=timezone.now() - timedelta(days=days),
        status__in=[ImportRun.Status.DONE, ImportRun.Status.FAILED],
    )
    runs = list(old)
    if not runs:
        return 0
    ImportRun.objects.filter(pk__in=[run.pk for run in runs]).delete()
    kept = set()
    for file, photos in ImportRun.objects.values_list("file", "photos"):
        kept.update((file, photos))
    for run in runs:
        for stored in (run.file, run.photos, run.corrections):
            if stored and stored.name not in kept:
                stored.storage.delete(stored.name)
    return len(runs)
