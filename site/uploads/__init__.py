"""The portal's one upload facility: every file users upload goes through it.

Plugin authors, in short (``docs/security.md`` has the whole story):

- **Kinds.** An upload is of a *kind*: ``"image"``, ``"document"``,
  ``"audio"``, ``"video"``, or one a plugin registers. A kind is an allow-list
  of :class:`FileType` (the type read from the content, and the extensions it
  may carry) and a size limit::

      from musenor.site import uploads

      ATTACHMENT = uploads.UploadKind(
          "forum_attachment", _("attachment"),
          types=(*uploads.IMAGE_TYPES, uploads.PDF, uploads.PLAIN_TEXT),
          max_size=5 * uploads.MB,
      )

      class ForumConfig(PluginConfig):
          def ready(self):
              uploads.register_kind(ATTACHMENT)

  The operator overrides any limit with ``MUSENOR_UPLOAD_MAX_SIZES[name]``.
  A type a browser would render as a page (HTML, SVG, XML, script) cannot be
  declared: ``FileType`` refuses it.
- **Model fields.** ``uploads.UploadField(kind="forum_attachment", upload_to=...)``
  is a ``FileField`` that checks new files when the model is validated, gives
  model forms an :class:`UploadFormField` and stores clean names.
- **Forms.** ``uploads.UploadFormField(kind=...)`` for a plain form;
  ``uploads.forms.CheckedUploadsMixin`` (``upload_kinds = {"field": "kind"}``)
  for a model form whose model you do not own.
- **Anything else** (a wrapped library's upload view): call
  ``uploads.check_upload(file, kind)``; it raises ``ValidationError`` with a
  message for the user, or returns a :class:`CheckedUpload` whose ``name`` is
  the name to store.
- **Serving.** A view that serves users' files is decorated with
  ``musenor.site.uploads.serving.protect_user_files``.

Dependencies go one way: ``kinds`` ← ``validation`` ← ``fields``; ``forms``,
``serving`` and ``urls`` (which import Wagtail's models and views) are imported
by their dotted paths only, so that this package can be imported anywhere.
"""

from .fields import UploadField, UploadFormField
from .kinds import (
    AUDIO_TYPES,
    CSV,
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    MB,
    OFFICE_TYPES,
    PDF,
    PLAIN_TEXT,
    VIDEO_TYPES,
    XLSX,
    ZIP,
    FileType,
    UploadKind,
    get_kind,
    register_kind,
    registered_kinds,
)
from .validation import CheckedUpload, UploadValidator, check_upload, clean_filename

__all__ = [
    "AUDIO_TYPES",
    "CSV",
    "DOCUMENT_TYPES",
    "IMAGE_TYPES",
    "MB",
    "OFFICE_TYPES",
    "PDF",
    "PLAIN_TEXT",
    "VIDEO_TYPES",
    "XLSX",
    "ZIP",
    "CheckedUpload",
    "FileType",
    "UploadField",
    "UploadFormField",
    "UploadKind",
    "UploadValidator",
    "check_upload",
    "clean_filename",
    "get_kind",
    "register_kind",
    "registered_kinds",
]
