"""Media blocks: an image with its caption, credit and licence."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from musenor.site.models import Licence


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty to use the "
            "image's own alternative text."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=255,
        help_text=_("Leave empty to use the image's own credit."),
    )
    licence = blocks.ChoiceBlock(
        label=_("Licence"),
        choices=[("", _("The image's own licence")), *Licence.choices],
        required=False,
    )

    class Meta:
        icon = "image"
        label = _("Image")
        group = _("Media")
        template = "musenor_streamfields/blocks/image.html"
        description = _("An image with caption, credit and licence; alternative text is required.")

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not (value.get("alt_text") or image.description):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("This image has no alternative text: describe what it shows.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value.get("image")
        if image is not None:
            context["alt"] = value.get("alt_text") or image.description or ""
            context["credit"] = value.get("credit") or image.credit
            licence = value.get("licence") or image.licence
            context["licence"] = Licence(licence).label if licence else ""
        return context
