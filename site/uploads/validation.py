"""Checking an upload: its name, its size and, above all, its content.

The extension a browser sent and the Content-Type it claimed are never
trusted: the content is read (``filetype`` for binary formats, a text check
for CSV, plain text and WebVTT) and must be one of the kind's types, and the
extension must be one that type may carry.
"""

import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from .kinds import TEXT, FileType, UploadKind, get_kind

# filetype reads at most 8 KiB; the text check looks a little further.
HEAD_BYTES = 64 * 1024

# The patterns that make a browser take unlabelled bytes for HTML or XML (WHATWG
# MIME Sniffing, "rules for identifying an unknown MIME type"), plus SVG.
MARKUP_START = re.compile(
    rb"^\s*<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b"
    rb"|body|br|p|!--|\?xml|svg)(?=[\s/>]|$)",
    re.IGNORECASE,
)
# Elements that have no business in a CSV or a text file, wherever they are.
MARKUP_ANYWHERE = re.compile(
    rb"<(?:html|script|iframe|svg|object|embed|meta|base|form)(?=[\s/>]|$)", re.IGNORECASE
)
# C0 controls other than tab, line feed, form feed and carriage return (and NUL):
# binary data, or text in UTF-16/32, which the portal does not take.
BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class CheckedUpload:
    """What :func:`check_upload` found: the clean name and the type of the content."""

    name: str
    extension: str
    file_type: FileType
    content_type: str
    kind: UploadKind


def clean_filename(name, max_length=80):
    """A file name safe to store and to show: the last path part, no control
    character, NFKC-normalised, one extension only (``a.html.jpg`` becomes
    ``a-html.jpg``), lower-case extension, at most ``max_length`` characters.
    """
    name = unicodedata.normalize("NFKC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    # Controls, format characters (bidi overrides, zero-width), line separators.
    name = "".join(
        char
        for char in name
        if unicodedata.category(char)[0] != "C" and unicodedata.category(char) not in ("Zl", "Zp")
    )
    name = re.sub(r"\s+", " ", name).strip()
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    stem = re.sub(r"[^\w\- ]+", "-", stem.replace(".", "-"))
    stem = re.sub(r"-{2,}", "-", stem).strip(" -_") or "file"
    stem = stem[: max(1, max_length - len(extension) - 1)].rstrip(" -_") or "file"
    return f"{stem}.{extension}" if extension else stem


def _extension(name):
    return name.rpartition(".")[2].lower() if "." in name else ""


def _read_head(upload):
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head if isinstance(head, bytes) else head.encode()


def _accepted(kind):
    return ", ".join(f".{extension}" for extension in kind.extensions)


def _check_text(head, file_type):
    text = head.removeprefix(UTF8_BOM)
    if BINARY_BYTES.search(text):
        raise ValidationError(
            _("The content of the file is not text, as a .%(extension)s file must be."),
            code="not_text",
            params={"extension": file_type.extensions[0]},
        )
    if MARKUP_START.search(text) or MARKUP_ANYWHERE.search(text):
        raise ValidationError(
            _("The file contains HTML, SVG or XML markup, which is not accepted."),
            code="markup",
        )
    if "vtt" in file_type.extensions and not re.match(rb"WEBVTT(?:[ \t\r\n]|$)", text):
        raise ValidationError(
            _("A WebVTT captions file must begin with the line “WEBVTT”."), code="not_webvtt"
        )


def check_upload(upload, kind):
    """Check ``upload`` (an uploaded file, or any file object with ``name`` and
    ``size``) against ``kind`` (an :class:`UploadKind` or a registered name).

    Returns a :class:`CheckedUpload` whose ``name`` is the cleaned file name;
    raises ``django.core.exceptions.ValidationError`` with a message for the
    user otherwise. The file is left at position 0.
    """
    kind = get_kind(kind)
    name = clean_filename(getattr(upload, "name", ""), kind.max_name_length)
    extension = _extension(name)
    size = upload.size
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > kind.limit:
        raise ValidationError(
            _("The file is too large (%(size)s): the limit for %(kind)s is %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(size),
                "kind": kind.label,
                "limit": filesizeformat(kind.limit),
            },
        )
    candidates = kind.types_for_extension(extension)
    if not candidates:
        raise ValidationError(
            _("Files ending in “.%(extension)s” are not accepted here. Accepted: %(accepted)s."),
            code="extension",
            params={"extension": extension, "accepted": _accepted(kind)},
        )
    head = _read_head(upload)
    detected = filetype.guess(head)
    if detected is None:
        text_types = [file_type for file_type in candidates if file_type.mime_type == TEXT]
        if not text_types:
            raise ValidationError(
                _(
                    "The content of the file is not a .%(extension)s file "
                    "(nor any type accepted here: %(accepted)s)."
                ),
                code="content",
                params={"extension": extension, "accepted": _accepted(kind)},
            )
        _check_text(head, text_types[0])
        return CheckedUpload(name, extension, text_types[0], text_types[0].served_as, kind)
    matching = [file_type for file_type in candidates if file_type.mime_type == detected.mime]
    if not matching:
        raise ValidationError(
            _(
                "The file’s name ends in “.%(extension)s” but its content is a "
                "%(detected)s file. Give it its right extension, or upload the right file."
            ),
            code="mismatch",
            params={"extension": extension, "detected": detected.extension.upper()},
        )
    return CheckedUpload(name, extension, matching[0], detected.mime, kind)


@deconstructible
class UploadValidator:
    """A field validator that checks new uploads against a kind.

    Files already stored are not read again: only an upload that has not been
    saved yet is checked.
    """

    def __init__(self, kind):
        self.kind = kind

    def __call__(self, value):
        if value and not getattr(value, "_committed", False):
            check_upload(value, self.kind)

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and other.kind == self.kind
