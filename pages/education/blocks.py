"""The blocks of an educational showcase: its activities, one block each."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choices import Level, Place, ShortLevel

MAX_DURATION = 8 * 60  # a whole school day, in minutes


def duration_label(minutes):
    """``90`` → "1 h 30", ``45`` → "45 min", ``120`` → "2 h"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return gettext("%(minutes)d min") % {"minutes": rest}
    if not rest:
        return gettext("%(hours)d h") % {"hours": hours}
    return f"{hours} h {rest:02d}"


def duration_iso(minutes):
    """An ISO 8601 duration for ``<time datetime>``: ``90`` → "PT1H30M"."""
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


class ActivityBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"), max_length=120, help_text=_("What the pupils do, e.g. “Draw the sky”.")
    )
    duration = blocks.IntegerBlock(
        label=_("Duration (minutes)"),
        required=False,
        min_value=5,
        max_value=MAX_DURATION,
        help_text=_("How long the activity takes, in minutes (5 to 480)."),
    )
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=Level.choices,
        required=False,
        help_text=_("Leave empty when the activity suits every level of the showcase."),
    )
    place = blocks.ChoiceBlock(
        label=_("Where"),
        choices=Place.choices,
        required=False,
    )
    description = blocks.RichTextBlock(
        label=_("Description"),
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
        help_text=_("The steps, the material needed, what the pupils produce."),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Activity")
        template = "musenor_education/blocks/activity.html"
        form_classname = "struct-block activity-block"
        description = _("One activity: what the pupils do, for how long, at which level.")
        preview_value = {
            "title": "Dessiner le ciel",
            "duration": 45,
            "level": "cycle-2",
            "place": "museum",
            "description": (
                "<p>Devant trois paysages, les élèves choisissent un ciel et le dessinent "
                "au pastel en nommant les nuages qu'ils voient.</p>"
            ),
        }

    def clean(self, value):
        value = super().clean(value)
        text = value.get("description")
        if text is not None and not text.source.replace("<p>", "").replace("</p>", "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"description": ValidationError(_("Describe the activity."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        facts = []
        if minutes := value.get("duration"):
            facts.append({"label": duration_label(minutes), "iso": duration_iso(minutes)})
        if (level := value.get("level")) in ShortLevel.values:
            facts.append({"label": ShortLevel(level).label})
        if (place := value.get("place")) in Place.values:
            facts.append({"label": Place(place).label})
        context["facts"] = facts
        return context


class ActivityStreamBlock(blocks.StreamBlock):
    activity = ActivityBlock()

    class Meta:
        label = _("Activities")
