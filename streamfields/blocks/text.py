"""Text blocks: rich text, headings, quotes."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        group = _("Text")
        template = "musenor_streamfields/blocks/rich_text.html"
        description = _("Paragraphs with bold, italic, lists and links.")
        preview_value = (
            "<p>Le réseau Musenor rassemble les professionnels des musées des Hauts-de-France.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (level 2)")), ("h3", _("Subsection (level 3)"))],
        default="h2",
        help_text=_("Level 1 is the page title; keep levels in order for screen readers."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        group = _("Text")
        template = "musenor_streamfields/blocks/heading.html"
        description = _("A section heading, listed in the page outline.")
        preview_value = {"text": "Les collections", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    author = blocks.CharBlock(label=_("Author"), required=False, max_length=120)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        group = _("Text")
        template = "musenor_streamfields/blocks/quote.html"
        description = _("A quotation with its author and source.")
        preview_value = {
            "quote": "Le musée est un lieu où l'on perd la notion du temps.",
            "author": "Gustave Moreau",
        }

    def clean(self, value):
        value = super().clean(value)
        if value.get("source") and not value.get("author"):
            raise blocks.StructBlockValidationError(
                block_errors={"author": ValidationError(_("Give the author when citing a source."))}
            )
        return value
