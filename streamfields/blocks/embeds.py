"""Embedded media from an oEmbed provider (video platforms, etc.)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock


class EmbedBlock(blocks.StructBlock):
    embed = WagtailEmbedBlock(
        label=_("Address of the media"),
        help_text=_(
            "The address of a video or other media on a platform such as PeerTube or YouTube."
        ),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("Says what the media is, for people using a screen reader."),
    )
    transcript = blocks.TextBlock(label=_("Transcript or description"), required=False)

    class Meta:
        icon = "media"
        label = _("Embedded media")
        group = _("Media")
        template = "musenor_streamfields/blocks/embed.html"
        description = _("A video or other media from an external platform, with a title.")
