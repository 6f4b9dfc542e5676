"""The Wagtail admin's upload forms, checked by kind.

Set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``, ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and
``WAGTAILMEDIA["MEDIA_FORM_BASE"]``: every screen that uploads a document, an
image or a media item (add, edit, multiple upload, choosers) uses them.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm

from .kinds import AUDIO, VIDEO
from .validation import check_upload, clean_filename


class CheckedUploadsMixin:
    """For model forms: check the file fields named in ``upload_kinds`` against their kind.

    ``upload_kinds`` maps a field name to a kind name. A new file that fails
    gets the check's message on its field; one that passes is renamed to its
    clean name before the model sees it.
    """

    upload_kinds: dict[str, str] = {}

    def get_upload_kind(self, field_name, upload):
        return self.upload_kinds[field_name]

    def clean(self):
        cleaned_data = super().clean()
        self.checked_uploads = {}
        for field_name in self.upload_kinds:
            upload = cleaned_data.get(field_name)
            if not isinstance(upload, UploadedFile):
                continue
            try:
                checked = check_upload(upload, self.get_upload_kind(field_name, upload))
            except ValidationError as error:
                self.add_error(field_name, error)
                continue
            upload.name = checked.name
            self.checked_uploads[field_name] = checked
        return cleaned_data


class DocumentForm(CheckedUploadsMixin, BaseDocumentForm):
    upload_kinds = {"file": "document"}


class ImageForm(CheckedUploadsMixin, BaseImageForm):
    upload_kinds = {"file": "image"}


class MediaForm(CheckedUploadsMixin, BaseMediaForm):
    """wagtailmedia's form: audio or video by the item's type, thumbnails as images.

    wagtailmedia's generic "media" type checks no extension at all: there the
    extension chooses between audio and video, and the item takes that type.
    """

    upload_kinds = {"file": None, "thumbnail": "image"}

    def get_upload_kind(self, field_name, upload):
        if field_name != "file":
            return super().get_upload_kind(field_name, upload)
        if self.instance.type in (AUDIO.name, VIDEO.name):
            return self.instance.type
        extension = clean_filename(upload.name).rpartition(".")[2]
        for kind in (AUDIO, VIDEO):
            if extension in kind.extensions:
                self.instance.type = kind.name
                return kind
        raise ValidationError(
            _("Files ending in “.%(extension)s” are not accepted here. Accepted: %(accepted)s."),
            code="extension",
            params={
                "extension": extension,
                "accepted": ", ".join(f".{ext}" for ext in AUDIO.extensions + VIDEO.extensions),
            },
        )
