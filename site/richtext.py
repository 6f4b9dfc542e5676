"""Rich text that cannot take the site down: checked when saved, rendered defensively.

Wagtail stores rich text with placeholders for what it links to and embeds:
``<a linktype="page" id="3">``, ``<embed embedtype="image" id="5" format="left" …/>``.
Wagtail renders them with handlers that trust those attributes: an id that is
not a number, a missing id or format, or a media embed without its address
raised at render time, so one crafted value (the editor posts Draftail's JSON,
whose entity data it takes as given) published a page that answered 500 to
every visitor.

Three defences:

- **At save**: :func:`validate_rich_text` refuses such a value. The site app
  adds it (``SiteConfig.ready()``) to every ``RichTextField`` of every model,
  and :class:`StreamRichTextValidator` to every ``StreamField``, where it
  checks each rich text block however deep. Model forms (the page editor,
  snippets) run them, so the value is never stored, neither as a draft nor
  published.
- **In the editor**: :class:`DraftailRichTextArea` opens such a value (one
  just refused, or one stored earlier) with the unusable links made plain and
  the unusable embeds left out, where Wagtail's own conversion raised.
- **At render**: the handlers of ``page`` and ``document`` links and of
  ``image`` and ``media`` embeds are replaced (``wagtail_hooks.py``) by
  subclasses that ignore unusable attributes (rendering an empty link, as
  Wagtail does for a deleted page) and, should anything else raise, log the
  error and render an empty link or nothing. Content stored before the check,
  or by other means (imports, the shell), never gives a 500.
"""

import logging
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.rich_text.editors import draftail
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.embeds.rich_text import MediaEmbedHandler
from wagtail.images.formats import get_image_formats
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text import RichText, features
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs

logger = logging.getLogger(__name__)

# Ids of Wagtail's pages, documents and images: positive, within PostgreSQL's integer.
ID = re.compile(r"[0-9]{1,10}")
MAX_ID = 2**31 - 1
# Link types Wagtail leaves as they are when no handler is registered for them.
PLAIN_LINK_TYPES = {"external", "email", "anchor"}
ID_LINK_TYPES = {"page", "document"}

MESSAGES = {
    "link_target": _("A link to a page or a document has lost its target: choose it again."),
    "link_type": _("A link is of an unknown type (“%(type)s”): remove it and add it again."),
    "image": _("An image in the text has lost its image or its format: choose it again."),
    "media": _("A media item in the text has no address: add it again."),
    "embed_type": _("An item embedded in the text is of an unknown type (“%(type)s”): remove it."),
}


def clean_id(value):
    """``value`` as a usable object id (a string of digits), or None."""
    value = str(value).strip() if value is not None else ""
    if ID.fullmatch(value) and 0 < int(value) <= MAX_ID:
        return value
    return None


def _image_format_names():
    return {image_format.name for image_format in get_image_formats()}


def _media_url(attrs):
    url = (attrs.get("url") or "").strip()
    return url if url.startswith(("http://", "https://")) else None


def _link_problem(attrs):
    """What makes a stored ``<a>`` unusable (a ``MESSAGES`` key and params), or None."""
    if "linktype" not in attrs:
        return None
    linktype = attrs["linktype"]
    if linktype in ID_LINK_TYPES:
        return ("link_target", {}) if clean_id(attrs.get("id")) is None else None
    if linktype not in features.get_link_types() and linktype not in PLAIN_LINK_TYPES:
        return ("link_type", {"type": linktype[:40]})
    return None


def _embed_problem(attrs):
    """What makes a stored ``<embed/>`` unusable, or None."""
    embedtype = attrs.get("embedtype", "")
    if embedtype == "image":
        usable = clean_id(attrs.get("id")) is not None
        return None if usable and attrs.get("format") in _image_format_names() else ("image", {})
    if embedtype == "media":
        return ("media", {}) if _media_url(attrs) is None else None
    if embedtype not in features.get_embed_types():
        return ("embed_type", {"type": embedtype[:40]})
    return None


def rich_text_problems(html):
    """The problems of stored rich text ``html``, as ``(code, params)`` pairs, each once."""
    problems = [_link_problem(extract_attrs(m.group(1))) for m in FIND_A_TAG.finditer(html)]
    problems += [_embed_problem(extract_attrs(m.group(1))) for m in FIND_EMBED_TAG.finditer(html)]
    return list(
        dict.fromkeys((code, tuple(params.items())) for code, params in filter(None, problems))
    )


def sanitize_rich_text(html):
    """``html`` with its unusable links made plain (``<a>``) and its unusable embeds removed."""
    html = FIND_A_TAG.sub(
        lambda m: "<a>" if _link_problem(extract_attrs(m.group(1))) else m.group(0), html
    )
    return FIND_EMBED_TAG.sub(
        lambda m: "" if _embed_problem(extract_attrs(m.group(1))) else m.group(0), html
    )


def _errors(html):
    return [
        ValidationError(MESSAGES[code], code=f"rich_text_{code}", params=dict(params))
        for code, params in rich_text_problems(html)
    ]


def validate_rich_text(value):
    """Validator of stored rich text (a string or a ``RichText``)."""
    html = value.source if isinstance(value, RichText) else (value or "")
    errors = _errors(html)
    if errors:
        raise ValidationError(errors)


def iter_rich_text(block, value, path=()):
    """Yield ``(path, RichText)`` for every rich text value in a block's value.

    ``path`` holds the 1-based positions and labels of the top-level blocks.
    """
    if value is None:
        return
    if isinstance(block, blocks.RichTextBlock):
        yield path, value
    elif isinstance(block, blocks.StreamBlock):
        for position, child in enumerate(value, start=1):
            child_path = path or ((position, child.block.label),)
            yield from iter_rich_text(child.block, child.value, child_path)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from iter_rich_text(block.child_block, item, path)
    elif hasattr(value, "row_data") and hasattr(value, "columns"):
        # wagtail.contrib.typed_table_block: one block per column.
        for row in value.row_data:
            for column, cell in zip(value.columns, row["values"], strict=False):
                yield from iter_rich_text(column["block"], cell, path)
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child_block in block.child_blocks.items():
            yield from iter_rich_text(child_block, value.get(name), path)


class StreamRichTextValidator:
    """Validator of a ``StreamField``: :func:`validate_rich_text` on each rich text in it."""

    def __init__(self, stream_block):
        self.stream_block = stream_block

    def __call__(self, value):
        errors = []
        for path, rich_text in iter_rich_text(self.stream_block, value):
            for error in _errors(rich_text.source if isinstance(rich_text, RichText) else ""):
                if path:
                    position, label = path[0]
                    error = ValidationError(
                        _("Block %(position)s (%(block)s): %(error)s"),
                        code=error.code,
                        params={"position": position, "block": label, "error": error.message},
                    )
                errors.append(error)
        if errors:
            raise ValidationError(errors)

    def __eq__(self, other):
        return isinstance(other, StreamRichTextValidator) and other.stream_block is (
            self.stream_block
        )


def add_rich_text_validators(models):
    """Add the validators above to every rich text and stream field of ``models``."""
    from wagtail.fields import RichTextField, StreamField

    for model in models:
        for field in model._meta.concrete_fields:
            if isinstance(field, RichTextField):
                validator = validate_rich_text
            elif isinstance(field, StreamField):
                validator = StreamRichTextValidator(field.stream_block)
            else:
                continue
            # ``validators`` (not ``_validators``): the migrations never see them.
            if validator not in field.validators:
                field.validators.append(validator)


# --- The editor -------------------------------------------------------------------


class DraftailRichTextArea(draftail.DraftailRichTextArea):
    """Wagtail's Draftail editor, which opens values with unusable links or embeds.

    Wagtail's conversion to the editor's format fails on them too; the editor
    shows the text with such links made plain and such embeds left out, so
    that an editor can repair the page (``WAGTAILADMIN_RICH_TEXT_EDITORS``).
    """

    def format_value(self, value):
        return super().format_value(sanitize_rich_text(value) if value else value)


# --- Rendering ------------------------------------------------------------------


class DefensiveHandlerMixin:
    """Render what can be rendered; never raise on a visitor's request."""

    fallback = "<a>"

    @classmethod
    def clean_attrs(cls, attrs):
        return {**attrs, "id": clean_id(attrs.get("id"))}

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        attrs_list = [cls.clean_attrs(attrs) for attrs in attrs_list]
        try:
            return super().expand_db_attributes_many(attrs_list)
        except Exception:
            if settings.DEBUG:
                raise
            logger.exception("Rich text %s %r could not be rendered", cls.identifier, attrs_list)
            return [cls.fallback] * len(attrs_list)

    @classmethod
    def extract_references(cls, attrs):
        if clean_id(attrs.get("id")) is not None:
            yield from super().extract_references(attrs)


class SafePageLinkHandler(DefensiveHandlerMixin, PageLinkHandler):
    pass


class SafeDocumentLinkHandler(DefensiveHandlerMixin, DocumentLinkHandler):
    pass


class SafeImageEmbedHandler(DefensiveHandlerMixin, ImageEmbedHandler):
    fallback = ""

    @classmethod
    def clean_attrs(cls, attrs):
        attrs = super().clean_attrs(attrs)
        if attrs.get("format") not in _image_format_names():
            # No format to render it with: shown as a missing image.
            attrs["id"] = None
        return attrs


class SafeMediaEmbedHandler(MediaEmbedHandler):
    @staticmethod
    def expand_db_attributes(attrs):
        url = _media_url(attrs)
        if url is None:
            return ""
        try:
            return MediaEmbedHandler.expand_db_attributes({**attrs, "url": url})
        except Exception:
            if settings.DEBUG:
                raise
            logger.exception("Rich text media embed %r could not be rendered", url)
            return ""

    @classmethod
    def extract_references(cls, attrs):
        if _media_url(attrs) is not None:
            yield from super().extract_references(attrs)


SAFE_LINK_HANDLERS = (SafePageLinkHandler, SafeDocumentLinkHandler)
SAFE_EMBED_HANDLERS = (SafeImageEmbedHandler, SafeMediaEmbedHandler)
