"""Media blocks: an image with its caption, credit and licence; a gallery of them."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from musenor.site.models import Licence

from . import previews
from .choosers import RenditionsImageChooserBlock


def image_details(value):
    """Alternative text, credit and licence label of an image block's value, with fallbacks."""
    image = value.get("image")
    if image is None:
        return {"alt": "", "credit": "", "licence": ""}
    licence = value.get("licence") or image.licence
    return {
        "alt": value.get("alt_text") or image.description or "",
        "credit": value.get("credit") or image.credit,
        "licence": Licence(licence).label if licence else "",
    }


def _image_preview():
    return {"image": previews.image(), "caption": "Le beffroi de Douai au crépuscule."}


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
        preview_value = staticmethod(_image_preview)

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
        context.update(image_details(value))
        return context


class GalleryImageBlock(ImageBlock):
    """One image of a gallery; its renditions come with it when the page loads."""

    image = RenditionsImageChooserBlock(label=_("Image"))

    class Meta:
        label = _("Gallery image")


def _gallery_preview():
    return {
        "heading": "Les salles du musée",
        "images": [{"image": image, "caption": image.title} for image in previews.images(4)],
    }


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Shown above the images as a level 2 heading; optional."),
    )
    images = blocks.ListBlock(
        GalleryImageBlock(),
        min_num=2,
        max_num=24,
        label=_("Images"),
        help_text=_("From 2 to 24 images, each with its alternative text."),
    )

    class Meta:
        icon = "image"
        label = _("Gallery")
        group = _("Media")
        template = "musenor_streamfields/blocks/gallery.html"
        description = _("A grid of 2 to 24 images with captions; each opens in a larger size.")
        preview_value = staticmethod(_gallery_preview)

    def clean(self, value):
        value = super().clean(value)
        images = [item["image"] for item in value.get("images", []) if item.get("image")]
        if len({image.pk for image in images}) < len(images):
            raise blocks.StructBlockValidationError(
                block_errors={"images": ValidationError(_("The same image appears twice."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = [
            {"value": item, **image_details(item)}
            for item in value.get("images", [])
            if item.get("image") is not None
        ]
        return context
