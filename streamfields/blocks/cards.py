"""Cards: one museum of the directory; a list of pages of any type.

Both fetch their pages in bulk when the stream is read (see ``choosers``):
however many cards a page holds, a museum card costs nothing after the first
(its museums, images, renditions and themes come in four queries for the
whole stream), and page cards cost one query per page type shown plus one
for the listing images, for the whole stream.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import previews
from .choosers import (
    MuseumChooserBlock,
    SpecificPageChooserBlock,
    ensure_specific,
    localize_pages,
    museum_queryset,
)


def _museum_preview():
    return {"museum": previews.museum()}


class MuseumCardBlock(blocks.StructBlock):
    museum = MuseumChooserBlock(
        label=_("Museum"),
        help_text=_("A museum of the directory; its card shows its image, city and themes."),
    )
    text = blocks.CharBlock(
        label=_("Text"),
        required=False,
        max_length=300,
        help_text=_("Replaces the museum's summary on the card; optional."),
    )

    class Meta:
        icon = "home"
        label = _("Museum card")
        group = _("Museums")
        template = "musenor_streamfields/blocks/museum_card.html"
        description = _("A museum of the directory as a card: image, city, themes and a link.")
        preview_value = staticmethod(_museum_preview)

    def clean(self, value):
        value = super().clean(value)
        museum = value.get("museum")
        if museum is not None and not museum.live:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "museum": ValidationError(
                        _("“%(title)s” is not published: visitors could not open it.")
                        % {"title": museum.title}
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        museum = value.get("museum")
        if museum is not None:
            current = (parent_context or {}).get("page")
            museum = localize_pages([museum], current, museum_queryset())[0]
        context["museum"] = museum if museum is not None and museum.live else None
        return context


def _page_cards_preview():
    return {"heading": "À découvrir aussi", "pages": previews.pages(3)}


class PageCardsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Shown above the cards as a level 2 heading; optional."),
    )
    pages = blocks.ListBlock(
        SpecificPageChooserBlock(label=_("Page")),
        min_num=1,
        max_num=12,
        label=_("Pages"),
        help_text=_(
            "Each card shows the page's listing title, summary and image (set in its "
            "“Promote” tab)."
        ),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Page cards")
        group = _("Links")
        template = "musenor_streamfields/blocks/page_cards.html"
        description = _("Links to pages of the site as cards with their image and summary.")
        preview_value = staticmethod(_page_cards_preview)

    def clean(self, value):
        value = super().clean(value)
        pages = [page for page in value.get("pages") or [] if page is not None]
        if len({page.pk for page in pages}) < len(pages):
            raise blocks.StructBlockValidationError(
                block_errors={"pages": ValidationError(_("The same page is chosen twice."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        pages = [page for page in value.get("pages") or [] if page is not None]
        current = (parent_context or {}).get("page")
        pages = localize_pages(ensure_specific(pages), current)
        context["cards"] = [page for page in pages if page.live]
        context["item_heading"] = "h3" if value.get("heading") else "h2"
        return context
