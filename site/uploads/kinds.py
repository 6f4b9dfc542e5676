"""Upload kinds: which file types a kind of upload accepts, and how large.

A kind is an allow-list. Each :class:`FileType` pairs the MIME type that
``filetype`` reads from a file's first bytes with the extensions such a file
may carry. Text types (CSV, plain text, WebVTT) have no magic bytes: they are
recognised as text by :mod:`musenor.site.uploads.validation` instead.

Nothing a browser would render as a page may enter a kind: registering one
with HTML, SVG, XML, XHTML or script raises ``ImproperlyConfigured``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

MB = 2**20

# Text formats have no magic number: this marks a type recognised as text.
TEXT = "text"

# What browsers render as a document of the site's origin (or run as script),
# by extension and by MIME type. No kind may accept them.
BROWSER_RENDERED_EXTENSIONS = frozenset(
    "htm html shtml xht xhtml mht mhtml svg svgz xml xsl xslt js mjs cjs css "  # noqa: SIM905
    "swf php asp aspx jsp rdf atom rss wasm".split()
)
BROWSER_RENDERED_MIME_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "image/svg+xml",
        "text/xml",
        "application/xml",
        "text/javascript",
        "application/javascript",
        "application/x-shockwave-flash",
        "text/css",
    }
)


@dataclass(frozen=True)
class FileType:
    """One accepted type: what the content is and which extensions it may carry.

    ``mime_type`` is the type read from the content (``filetype``'s name for
    it), or ``TEXT`` for text formats. ``served_as`` is the Content-Type to
    serve it with when it differs (text formats: ``text/csv``...).
    """

    mime_type: str
    extensions: tuple[str, ...]
    label: str
    served_as: str = ""

    def __post_init__(self):
        dangerous = set(self.extensions) & BROWSER_RENDERED_EXTENSIONS
        if dangerous or self.mime_type in BROWSER_RENDERED_MIME_TYPES:
            raise ImproperlyConfigured(
                f"Upload type {self.label!r} would let browsers render a page "
                f"({', '.join(sorted(dangerous)) or self.mime_type}); it cannot be accepted."
            )


# --- The core's types, for plugins to combine into their own kinds ------------

JPEG = FileType("image/jpeg", ("jpg", "jpeg"), "JPEG")
PNG = FileType("image/png", ("png",), "PNG")
GIF = FileType("image/gif", ("gif",), "GIF")
WEBP = FileType("image/webp", ("webp",), "WebP")
AVIF = FileType("image/avif", ("avif",), "AVIF")
IMAGE_TYPES = (JPEG, PNG, GIF, WEBP, AVIF)

PDF = FileType("application/pdf", ("pdf",), "PDF")
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",), "Word"
)
XLSX = FileType(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",), "Excel"
)
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ("pptx",),
    "PowerPoint",
)
ODT = FileType("application/vnd.oasis.opendocument.text", ("odt",), "OpenDocument text")
ODS = FileType(
    "application/vnd.oasis.opendocument.spreadsheet", ("ods",), "OpenDocument spreadsheet"
)
ODP = FileType(
    "application/vnd.oasis.opendocument.presentation", ("odp",), "OpenDocument presentation"
)
RTF = FileType("application/rtf", ("rtf",), "RTF")
ZIP = FileType("application/zip", ("zip",), "ZIP")
CSV = FileType(TEXT, ("csv",), "CSV", served_as="text/csv")
PLAIN_TEXT = FileType(TEXT, ("txt",), "text", served_as="text/plain")
WEBVTT = FileType(TEXT, ("vtt",), "WebVTT", served_as="text/vtt")
OFFICE_TYPES = (PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, RTF)
DOCUMENT_TYPES = (*OFFICE_TYPES, ZIP, CSV, PLAIN_TEXT, WEBVTT)

MP3 = FileType("audio/mpeg", ("mp3",), "MP3")
M4A = FileType("audio/mp4", ("m4a",), "AAC (M4A)")
AAC = FileType("audio/aac", ("aac",), "AAC")
OGG_AUDIO = FileType("audio/ogg", ("ogg", "oga", "opus"), "Ogg")
FLAC = FileType("audio/x-flac", ("flac",), "FLAC")
WAV = FileType("audio/x-wav", ("wav",), "WAV")
AUDIO_TYPES = (MP3, M4A, AAC, OGG_AUDIO, FLAC, WAV)

MP4 = FileType("video/mp4", ("mp4", "m4v"), "MP4")
M4V = FileType("video/x-m4v", ("m4v", "mp4"), "MP4")
WEBM = FileType("video/webm", ("webm",), "WebM")
QUICKTIME = FileType("video/quicktime", ("mov",), "QuickTime")
# filetype names every Ogg container audio/ogg; the extension says it is a video.
OGG_VIDEO = FileType("audio/ogg", ("ogv",), "Ogg video")
VIDEO_TYPES = (MP4, M4V, WEBM, QUICKTIME, OGG_VIDEO)


@dataclass(frozen=True)
class UploadKind:
    """A kind of upload: a name, a label for messages, its types and its size limit.

    ``max_size`` (bytes) is the default; the setting ``MUSENOR_UPLOAD_MAX_SIZES``
    (a dict keyed by kind name) overrides it.
    """

    name: str
    label: str
    types: tuple[FileType, ...]
    max_size: int
    max_name_length: int = 80

    @property
    def limit(self):
        """The size limit in bytes, after the settings' override."""
        return getattr(settings, "MUSENOR_UPLOAD_MAX_SIZES", {}).get(self.name, self.max_size)

    @property
    def extensions(self):
        """Every accepted extension, in the order of the types."""
        return list(dict.fromkeys(ext for file_type in self.types for ext in file_type.extensions))

    def types_for_extension(self, extension):
        return [file_type for file_type in self.types if extension in file_type.extensions]


_registry: dict[str, UploadKind] = {}


def register_kind(kind):
    """Make ``kind`` available by name; call it from your AppConfig's ``ready()``.

    Registering the same name again with another definition is an error, so
    that two plugins cannot silently share one name.
    """
    if not isinstance(kind, UploadKind):
        raise TypeError("register_kind() takes an UploadKind.")
    existing = _registry.get(kind.name)
    if existing is not None and existing != kind:
        raise ImproperlyConfigured(f"The upload kind {kind.name!r} is already registered.")
    _registry[kind.name] = kind
    return kind


def get_kind(kind):
    """The registered :class:`UploadKind` named ``kind`` (an UploadKind is returned as is)."""
    if isinstance(kind, UploadKind):
        return kind
    try:
        return _registry[kind]
    except KeyError:
        raise ImproperlyConfigured(
            f"No upload kind {kind!r}; registered: {', '.join(sorted(_registry))}."
        ) from None


def registered_kinds():
    return dict(_registry)


IMAGE = register_kind(UploadKind("image", _("image"), IMAGE_TYPES, 20 * MB))
DOCUMENT = register_kind(UploadKind("document", _("document"), DOCUMENT_TYPES, 20 * MB))
AUDIO = register_kind(UploadKind("audio", _("audio file"), AUDIO_TYPES, 50 * MB))
VIDEO = register_kind(UploadKind("video", _("video file"), VIDEO_TYPES, 200 * MB))
