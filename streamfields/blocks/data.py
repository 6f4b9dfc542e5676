"""Data blocks: key figures, a timeline of dated events, a table."""

import datetime
import itertools
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .tables import TableBlock, format_number

__all__ = ["KeyFiguresBlock", "TableBlock", "TimelineBlock"]

MIN_FIGURES, MAX_FIGURES = 2, 6


def item_heading(value):
    """Items are level 3 headings under the block's own heading, level 2 without one."""
    return "h3" if value.get("heading") else "h2"


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.DecimalBlock(
        label=_("Number"),
        max_digits=12,
        decimal_places=2,
        help_text=_("The figure itself, e.g. 90 or 1.5; shown with the site's number format."),
    )
    unit = blocks.CharBlock(
        label=_("Unit"),
        required=False,
        max_length=20,
        help_text=_("Written after the number: “%”, “km”, “million”…"),
    )
    label = blocks.CharBlock(
        label=_("What is counted"),
        max_length=120,
        help_text=_("E.g. “museums in the network” or “visitors in 2024”."),
    )

    class Meta:
        icon = "decimal"
        label = _("Figure")


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Shown above the figures as a level 2 heading; optional."),
    )
    figures = blocks.ListBlock(
        KeyFigureBlock(),
        min_num=MIN_FIGURES,
        max_num=MAX_FIGURES,
        label=_("Figures"),
        help_text=_("From 2 to 6 figures, shown side by side."),
    )
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("Where the figures come from and when, e.g. “Musenor survey, 2024”."),
    )

    class Meta:
        icon = "decimal"
        label = _("Key figures")
        group = _("Data")
        template = "musenor_streamfields/blocks/key_figures.html"
        description = _("Two to six figures, each with its unit and what it counts.")
        preview_value = {
            "heading": "Le réseau en chiffres",
            "figures": [
                {"number": Decimal(90), "unit": "", "label": "musées membres"},
                {"number": Decimal(5), "unit": "", "label": "départements"},
                {"number": Decimal("2.4"), "unit": "millions", "label": "de visiteurs par an"},
            ],
        }

    def clean(self, value):
        count = len(value.get("figures") or [])
        if not MIN_FIGURES <= count <= MAX_FIGURES:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "figures": ValidationError(
                        _("Give between %(min)d and %(max)d figures; there are %(count)d.")
                        % {"min": MIN_FIGURES, "max": MAX_FIGURES, "count": count}
                    )
                }
            )
        return super().clean(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["figures"] = [
            {"value": figure, "number": format_number(figure.get("number"))}
            for figure in value.get("figures") or []
        ]
        return context


class TimelineEventBlock(blocks.StructBlock):
    date = blocks.DateBlock(
        label=_("Date"), required=False, help_text=_("The exact day, when it is known.")
    )
    year = blocks.IntegerBlock(
        label=_("Or the year"),
        required=False,
        min_value=-100_000,
        max_value=2200,
        help_text=_("When only the year is known; negative before the Common Era (-52)."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    text = blocks.RichTextBlock(
        label=_("Text"),
        required=False,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences on the event; optional."),
    )

    class Meta:
        icon = "date"
        label = _("Event")

    def clean(self, value):
        value = super().clean(value)
        if (value.get("date") is None) == (value.get("year") is None):
            raise blocks.StructBlockValidationError(
                block_errors={"year": ValidationError(_("Give either the date or the year."))}
            )
        return value


def event_sort_key(event):
    """Events in time order: a year alone comes before the dated events of that year."""
    if event.get("date") is not None:
        date = event["date"]
        return (date.year, date.month, date.day)
    return (event.get("year"), 0, 0)


def event_datetime(event):
    """The machine-readable value of <time>, or "" for years HTML cannot express."""
    if event.get("date") is not None:
        return event["date"].isoformat()
    year = event.get("year")
    return f"{year:04d}" if year and year > 0 else ""


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Shown above the events as a level 2 heading; optional."),
    )
    events = blocks.ListBlock(
        TimelineEventBlock(),
        min_num=2,
        max_num=60,
        label=_("Events"),
        help_text=_("In time order, oldest first."),
    )

    class Meta:
        icon = "history"
        label = _("Timeline")
        group = _("Data")
        template = "musenor_streamfields/blocks/timeline.html"
        description = _("Dated events in time order, such as a museum's history.")
        preview_value = {
            "heading": "Les grandes dates du musée",
            "events": [
                {"year": 1795, "title": "Saisies révolutionnaires", "text": ""},
                {"year": 1801, "title": "Création du musée", "text": ""},
                {
                    "date": datetime.date(1932, 5, 8),
                    "title": "Inauguration du nouveau bâtiment",
                    "text": "",
                },
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        events = list(value.get("events") or [])
        for index, (previous, event) in enumerate(itertools.pairwise(events), start=2):
            if event_sort_key(event) < event_sort_key(previous):
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "events": ValidationError(
                            _(
                                "Put the events in time order: event %(index)d "
                                "(“%(title)s”) comes before the one above it."
                            )
                            % {"index": index, "title": event.get("title")}
                        )
                    }
                )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["item_heading"] = item_heading(value)
        context["events"] = [
            {"value": event, "datetime": event_datetime(event)}
            for event in value.get("events") or []
        ]
        return context
