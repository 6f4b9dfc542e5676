"""The steps of a thematic path: a work, a museum, a text, an image or a media item.

Each step renders as one ``<li>`` of the path's ordered list; the page passes
the step's ``number`` in the template context (``{% include_block step with
number=… %}``). ``step_title()`` gives the line the table of contents shows.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AbstractMediaChooserBlock

from musenor.site.translations import pages_in_language
from musenor.streamfields.blocks import ImageBlock, previews

STEP_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
STEP_PREVIEW_TEMPLATE = "musenor_paths/blocks/step_preview.html"
MUSEUM_PAGE = "musenor_museums.MuseumPage"


# Previews show objects the libraries already hold (run when an editor opens a
# preview, never at import time); with empty libraries the step says less.
def _work_preview():
    return {
        "title": "Ugolin et ses fils",
        "artist": "Jean-Baptiste Carpeaux",
        "date": "1862",
        "museum": previews.museum(),
        "image": previews.image(),
        "text": "<p>Comptez les enfants : que font-ils ?</p>",
    }


def _museum_preview():
    return {"museum": previews.museum(), "note": "<p>Commencez par la grande nef.</p>"}


def _image_preview():
    return {"title": "Le beffroi", "image": {"image": previews.image()}, "text": ""}


def _media_preview():
    media = previews.media("audio") or previews.media("video")
    return {"title": "Écoutez le conservateur", "media": media, "transcript": "Bonjour…"}


def _errors(**errors):
    return blocks.StructBlockValidationError(
        block_errors={name: ValidationError(message) for name, message in errors.items()}
    )


class StepBlock(blocks.StructBlock):
    """What every step shares: a title for the table of contents."""

    def step_title(self, value):
        return value.get("title") or ""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["step_title"] = self.step_title(value)
        context["step_kind"] = self.meta.label
        museum = value.get("museum") if "museum" in self.child_blocks else None
        if museum is not None:
            # The museum's page in the language of the path being read (one query
            # when they differ: an English copy of a French path).
            current = (parent_context or {}).get("page")
            locale_id = getattr(current, "locale_id", None)
            museum = pages_in_language([museum], locale_id, type(museum).objects.all())[0]
        context["museum"] = museum
        return context


class WorkStepBlock(StepBlock):
    title = blocks.CharBlock(label=_("Title of the work"), max_length=200)
    artist = blocks.CharBlock(
        label=_("Artist"),
        required=False,
        max_length=200,
        help_text=_("As the museum's label gives it, e.g. “Jean-Baptiste Carpeaux”."),
    )
    date = blocks.CharBlock(
        label=_("Date"),
        required=False,
        max_length=60,
        help_text=_("Free text, e.g. “1872”, “vers 1500”, “XVIIe siècle”."),
    )
    inventory_number = blocks.CharBlock(label=_("Inventory number"), required=False, max_length=60)
    museum = blocks.PageChooserBlock(
        label=_("Museum that holds it"),
        page_type=MUSEUM_PAGE,
        required=False,
        help_text=_("A museum of the directory; leave empty for a work seen outside a museum."),
    )
    image = ImageChooserBlock(label=_("Image"), required=False)
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty to use the "
            "image's own alternative text."
        ),
    )
    text = blocks.RichTextBlock(
        label=_("What to look at"), features=STEP_TEXT_FEATURES, required=False
    )

    class Meta:
        icon = "image"
        label = _("Work")
        template = "musenor_paths/blocks/work_step.html"
        preview_template = STEP_PREVIEW_TEMPLATE
        help_text = _("A work to stop in front of: what it is, where it is, what to look at.")
        description = help_text
        preview_value = staticmethod(_work_preview)

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not (value.get("alt_text") or image.description):
            raise _errors(alt_text=_("This image has no alternative text: describe what it shows."))
        if value.get("inventory_number") and not value.get("museum"):
            raise _errors(
                museum=_(
                    "An inventory number belongs to a museum: choose the museum that "
                    "holds the work, or remove the number."
                )
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        image = value.get("image")
        context["alt"] = (value.get("alt_text") or image.description) if image else ""
        return context


class MuseumStepBlock(StepBlock):
    museum = blocks.PageChooserBlock(label=_("Museum"), page_type=MUSEUM_PAGE)
    note = blocks.RichTextBlock(
        label=_("Note"),
        features=STEP_TEXT_FEATURES,
        required=False,
        help_text=_("Why stop here, what to see first, how long to stay."),
    )

    class Meta:
        icon = "home"
        label = _("Museum")
        template = "musenor_paths/blocks/museum_step.html"
        preview_template = STEP_PREVIEW_TEMPLATE
        help_text = _("A museum of the directory to visit, with a note.")
        description = help_text
        preview_value = staticmethod(_museum_preview)

    def step_title(self, value):
        museum = value.get("museum")
        return museum.title if museum is not None else ""


class TextStepBlock(StepBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=STEP_TEXT_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "musenor_paths/blocks/text_step.html"
        preview_template = STEP_PREVIEW_TEMPLATE
        help_text = _("A pause in the path: a story, a game, a question to discuss.")
        description = help_text
        preview_value = {
            "title": "Jouons ensemble",
            "text": "<p>Retrouvez dans la salle un tableau où l'on voit un chien.</p>",
        }


class ImageStepBlock(StepBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    image = ImageBlock(label=_("Image"))
    text = blocks.RichTextBlock(label=_("Text"), features=STEP_TEXT_FEATURES, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "musenor_paths/blocks/image_step.html"
        preview_template = STEP_PREVIEW_TEMPLATE
        help_text = _("An image with caption and credit; alternative text is required.")
        description = help_text
        preview_value = staticmethod(_image_preview)


class MediaStepBlock(StepBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    media = AbstractMediaChooserBlock(
        label=_("Audio or video"),
        help_text=_("A file from the media library (Media menu)."),
    )
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_(
            "What is said and heard, for people who cannot hear it. Required for audio; "
            "strongly advised for video."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Audio or video")
        template = "musenor_paths/blocks/media_step.html"
        preview_template = STEP_PREVIEW_TEMPLATE
        help_text = _("An audio guide or a video from the media library, with its transcript.")
        description = help_text
        preview_value = staticmethod(_media_preview)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        media = value.get("media")
        seconds = round(media.duration) if media is not None and media.duration else 0
        if seconds:
            context["media_length"] = f"{seconds // 60}:{seconds % 60:02d}"
            context["media_length_iso"] = f"PT{seconds // 60}M{seconds % 60}S"
        return context

    def clean(self, value):
        value = super().clean(value)
        media = value.get("media")
        if media is not None and media.type == "audio" and not value.get("transcript"):
            raise _errors(
                transcript=_("An audio step needs a transcript for people who cannot hear it.")
            )
        return value


class PathStepsStreamBlock(blocks.StreamBlock):
    work = WorkStepBlock()
    museum = MuseumStepBlock()
    text = TextStepBlock()
    image = ImageStepBlock()
    media = MediaStepBlock()

    class Meta:
        label = _("Steps")
        min_num = 1
        help_text = _("The steps in the order visitors follow them; they are numbered for you.")
