"""Layout blocks: two columns side by side, stacked on narrow screens."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .links import CallToActionBlock
from .media import ImageBlock
from .text import RichTextBlock


class ColumnStreamBlock(blocks.StreamBlock):
    """What a column holds: text, images and calls to action."""

    text = RichTextBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Column")
        min_num = 1
        max_num = 8


def _column_preview(text):
    return [("text", f"<p>{text}</p>")]


class TwoColumnsBlock(blocks.StructBlock):
    widths = blocks.ChoiceBlock(
        label=_("Widths"),
        choices=[
            ("equal", _("Equal")),
            ("wide-left", _("Wider on the left (2/3 – 1/3)")),
            ("wide-right", _("Wider on the right (1/3 – 2/3)")),
        ],
        default="equal",
        help_text=_("On phones the columns are stacked, the left one first."),
    )
    left = ColumnStreamBlock(
        label=_("Left column"), help_text=_("Read first, and shown first on phones.")
    )
    right = ColumnStreamBlock(label=_("Right column"))

    class Meta:
        icon = "table"
        label = _("Two columns")
        group = _("Layout")
        template = "musenor_streamfields/blocks/two_columns.html"
        description = _(
            "Text, images or calls to action in two columns, one under the other on phones."
        )
        preview_value = {
            "widths": "equal",
            "left": _column_preview(
                "Les musées du réseau accueillent les classes de la maternelle au lycée."
            ),
            "right": _column_preview(
                "Les dossiers pédagogiques sont à télécharger sur chaque vitrine."
            ),
        }

    def clean(self, value):
        value = super().clean(value)
        empty = [side for side in ("left", "right") if not len(value.get(side) or [])]
        if empty:
            raise blocks.StructBlockValidationError(
                block_errors={
                    side: ValidationError(_("Put something in this column, or use one block."))
                    for side in empty
                }
            )
        return value
