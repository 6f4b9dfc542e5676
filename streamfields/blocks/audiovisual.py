"""Video and audio from the media library (wagtailmedia), with captions and transcripts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from . import previews
from .text import RICH_TEXT_FEATURES


def caption_language_choices():
    return list(settings.LANGUAGES)


class CaptionTrackBlock(blocks.StructBlock):
    file = DocumentChooserBlock(
        label=_("Captions file"),
        help_text=_("A WebVTT file (.vtt) uploaded to the documents."),
    )
    language = blocks.ChoiceBlock(
        label=_("Language"),
        choices=caption_language_choices,
        default="fr",
        help_text=_("The language of the captions."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Captions")

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document is not None and document.file_extension.lower() != "vtt":
            raise blocks.StructBlockValidationError(
                block_errors={
                    "file": ValidationError(
                        _("Captions must be a WebVTT file (.vtt), not a .%(extension)s file.")
                        % {"extension": document.file_extension.lower()}
                    )
                }
            )
        return value


class _MediaBlock(blocks.StructBlock):
    """What video and audio share: a media item of one type, a title, a transcript."""

    media_field = None  # "video" or "audio"

    def clean(self, value):
        value = super().clean(value)
        item = value.get(self.media_field)
        if item is not None and item.type != self.media_field:
            raise blocks.StructBlockValidationError(
                block_errors={
                    self.media_field: ValidationError(
                        _("Choose a %(kind)s from the media library.") % {"kind": self.media_field}
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        item = value.get(self.media_field)
        context["duration"] = format_duration(item.duration) if item and item.duration else ""
        return context


def format_duration(seconds):
    """A duration as people say it: “1 h 05 min”, “3 min 20 s”, “45 s”."""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return _("%(minutes)d min %(seconds)02d s") % {"minutes": minutes, "seconds": seconds}
    return _("%(seconds)d s") % {"seconds": seconds}


def _transcript_block():
    return blocks.RichTextBlock(
        label=_("Transcript"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Everything that is said and heard, for people who cannot hear it or prefer "
            "to read; shown under the player."
        ),
    )


def _video_preview():
    return {"video": previews.media("video"), "title": "Visite des réserves du musée"}


class VideoBlock(_MediaBlock):
    media_field = "video"

    video = VideoChooserBlock(
        label=_("Video"), help_text=_("A video file uploaded to the media library.")
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("What the video shows; shown under the player and read by screen readers."),
    )
    captions = blocks.ListBlock(
        CaptionTrackBlock(),
        label=_("Captions"),
        help_text=_("Subtitles for deaf and hard-of-hearing visitors, one file per language."),
    )
    transcript = _transcript_block()

    class Meta:
        icon = "wagtailmedia-video"
        label = _("Video")
        group = _("Media")
        template = "musenor_streamfields/blocks/video.html"
        description = _("A video from the media library, with a title, captions and transcript.")
        preview_value = staticmethod(_video_preview)

    def clean(self, value):
        value = super().clean(value)
        languages = [track["language"] for track in value.get("captions", [])]
        if len(set(languages)) < len(languages):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "captions": ValidationError(_("Give one captions file per language."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        languages = dict(caption_language_choices())
        context["tracks"] = [
            {
                "url": track["file"].url,
                "language": track["language"],
                "label": languages.get(track["language"], track["language"]),
            }
            for track in value.get("captions", [])
            if track.get("file") is not None
        ]
        return context


def _audio_preview():
    return {"audio": previews.media("audio"), "title": "Entretien avec la conservatrice"}


class AudioBlock(_MediaBlock):
    media_field = "audio"

    audio = AudioChooserBlock(
        label=_("Audio"), help_text=_("A sound file uploaded to the media library.")
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("What the recording is; shown above the player and read by screen readers."),
    )
    transcript = _transcript_block()

    class Meta:
        icon = "wagtailmedia-audio"
        label = _("Audio")
        group = _("Media")
        template = "musenor_streamfields/blocks/audio.html"
        description = _("A sound recording from the media library, with a title and transcript.")
        preview_value = staticmethod(_audio_preview)
