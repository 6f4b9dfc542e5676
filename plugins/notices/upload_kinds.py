"""The plugin's kinds of upload (``musenor.site.uploads``): the export and its photographs."""

from django.utils.translation import gettext_lazy as _

from musenor.site import uploads

IMPORT_FILE = uploads.UploadKind(
    "notices_import",
    _("records export"),
    types=(uploads.CSV, uploads.PLAIN_TEXT, uploads.XLSX),
    max_size=300 * uploads.MB,
)
IMPORT_PHOTOS = uploads.UploadKind(
    "notices_photos", _("ZIP of photographs"), types=(uploads.ZIP,), max_size=2048 * uploads.MB
)
