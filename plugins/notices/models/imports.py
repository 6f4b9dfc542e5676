"""Imports started from the Wagtail admin, and the column mapping each museum keeps.

An :class:`ImportRun` is one run of the import engine (``importer``) on an
uploaded file, as a background task: its options, its progress while it runs,
and its report once done (the summary, the first rows, the corrections as a
CSV file). A dry run and the run that confirms it share the uploaded file.
The files hold unpublished inventory data, so they live in a storage that is
never served (:func:`import_storage`), and are read through views that check
the museum's rights.
"""

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, InvalidStorageError, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: The ``STORAGES`` alias an operator sets to keep import files elsewhere (a bucket).
STORAGE_ALIAS = "musenor_notices_imports"
#: A run without progress for this long is shown as stopped, to be started again.
STALLED_AFTER = timedelta(minutes=10)


def import_storage():
    """``STORAGES["musenor_notices_imports"]`` when set, else a folder beside the media
    folder that no URL serves (``var/media-private/notices-imports`` beside ``var/media``)."""
    try:
        return storages[STORAGE_ALIAS]
    except InvalidStorageError:
        media = Path(settings.MEDIA_ROOT)
        return FileSystemStorage(
            location=media.with_name(f"{media.name}-private") / "notices-imports", base_url=None
        )


class ImportMapping(models.Model):
    """A museum's column headers → Joconde codes, for exports whose headers are not codes."""

    museum = models.OneToOneField(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    mapping = models.JSONField(_("mapping"), default=dict, blank=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("import column mapping")
        verbose_name_plural = _("import column mappings")

    def __str__(self):
        return str(self.museum)


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to start")
        RUNNING = "running", _("running")
        DONE = "done", _("finished")
        FAILED = "failed", _("failed")

    museum = models.ForeignKey(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started on"), auto_now_add=True)
    file_name = models.CharField(_("file"), max_length=255)
    file = models.FileField(_("file"), storage=import_storage, upload_to="files/%Y/%m/")
    photos = models.FileField(
        _("photographs (ZIP)"), storage=import_storage, upload_to="photos/%Y/%m/", blank=True
    )
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    delimiter = models.CharField(_("delimiter"), max_length=1, blank=True)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    clear_for_publication = models.BooleanField(_("clear created records for publication"))
    email_report = models.BooleanField(_("e-mail the report to the museum"), default=False)
    dry_run = models.BooleanField(_("dry run"), default=True)
    checked_by = models.ForeignKey(
        "self",
        verbose_name=_("dry run"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="confirmations",
        help_text=_("The dry run this import confirms."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    size = models.BigIntegerField(_("size in bytes"), default=0)
    position = models.BigIntegerField(_("bytes read"), default=0)
    rows = models.PositiveIntegerField(_("rows read"), default=0)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    corrections = models.FileField(
        _("rows to correct"), storage=import_storage, upload_to="reports/%Y/%m/", blank=True
    )
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("running since"), null=True, blank=True)
    heartbeat = models.DateTimeField(_("last progress"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished on"), null=True, blank=True)

    class Meta:
        verbose_name = _("records import")
        verbose_name_plural = _("records imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} → {self.museum}"

    @property
    def is_active(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def is_stalled(self):
        """Running, but without progress for ``STALLED_AFTER``: its worker stopped."""
        return (
            self.status == self.Status.RUNNING
            and self.heartbeat is not None
            and timezone.now() - self.heartbeat > STALLED_AFTER
        )

    @property
    def percent(self):
        if self.status == self.Status.DONE:
            return 100
        return min(99, int(100 * self.position / self.size)) if self.size else 0

    @property
    def counts(self):
        return (self.summary or {}).get("counts", {})

    @property
    def can_confirm(self):
        """A finished dry run whose file could be read, not yet confirmed."""
        return (
            self.dry_run
            and self.status == self.Status.DONE
            and not self.counts.get("file_errors")
            and not self.confirmations.exists()
        )
