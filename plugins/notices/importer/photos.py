"""Photographs travelling beside the file in a ZIP, matched on the REFIM file names.

The archive's index is read once (names only); each image is read when its
record is written, checked as any upload of the kind ``image`` is
(``musenor.site.uploads``), and stored as a Wagtail image. An image already
attached to the record with the same content (Wagtail's ``file_hash``) is left
as it is, so a second import of the same ZIP adds nothing.
"""

import hashlib
import posixpath
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

__all__ = ["PhotoArchive", "image_names"]


def image_names(refim: str) -> list[str]:
    """The file names of a REFIM cell: entries split on ``;``, the first ``,`` part of each."""
    names = []
    for entry in (refim or "").split(";"):
        name = entry.split(",")[0].strip()
        if name and name not in names:
            names.append(name)
    return names


class PhotoArchive:
    """A ZIP of photographs, looked up by file name (case and folders ignored)."""

    def __init__(self, path):
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as error:
            raise ValidationError(
                _("The photographs' archive is not a readable ZIP file (%(error)s).")
                % {"error": error}
            ) from error
        self.index = {}
        for info in self.zip.infolist():
            if info.is_dir():
                continue
            self.index.setdefault(posixpath.basename(info.filename).casefold(), info)

    def close(self):
        self.zip.close()

    def find(self, name):
        return self.index.get(posixpath.basename(name.replace("\\", "/")).casefold())

    def read(self, name, max_size):
        """The checked image file for ``name``, with its SHA-1; raises ``ValidationError``."""
        from musenor.site import uploads

        info = self.find(name)
        if info is None:
            raise ValidationError(
                _("%(name)s is not in the photographs' archive.") % {"name": name}
            )
        if info.file_size > max_size:
            raise ValidationError(
                _("%(name)s is larger than %(size)d MB.")
                % {"name": name, "size": max_size // 2**20}
            )
        try:
            data = self.zip.read(info)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise ValidationError(
                _("%(name)s cannot be read from the archive (%(error)s).")
                % {"name": name, "error": error}
            ) from error
        upload = ContentFile(data, name=posixpath.basename(info.filename))
        try:
            checked = uploads.check_upload(upload, "image")
        except ValidationError as error:
            raise ValidationError(
                _("%(name)s: %(error)s") % {"name": name, "error": " ".join(error.messages)}
            ) from error
        upload.name = checked.name
        return upload, hashlib.sha1(data, usedforsecurity=False).hexdigest()
