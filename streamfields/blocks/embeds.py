"""Embedded media from an oEmbed provider (video platforms, etc.), loaded on demand.

The page shows a local copy of the media's thumbnail, its title, its provider
and a link to it; the provider's player (an iframe) is only added when the
visitor presses the play button. Until then the visitor's browser sends
nothing to the provider. Without JavaScript the link remains.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException


class EmbedStructValue(blocks.StructValue):
    """The block's value, with the stored oEmbed data and poster once looked up."""

    def stored(self):
        if not hasattr(self, "_stored"):
            attach_stored_embeds([self])
        return self._stored


def attach_stored_embeds(values):
    from musenor.streamfields.embeds import embed_hash, stored_embeds

    embeds, posters = stored_embeds([value.get("embed") for value in values])
    for value in values:
        embed_value = value.get("embed")
        key = embed_hash(embed_value) if embed_value is not None else None
        value._stored = (embeds.get(key), posters.get(key))


def _embed_preview():
    return {
        "embed": "https://peertube.example.org/w/musenor-reserves",
        "title": "Dans les réserves du musée",
    }


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
        description = _(
            "A video or other media from an external platform, loaded only when the visitor "
            "asks for it."
        )
        value_class = EmbedStructValue
        preview_value = staticmethod(_embed_preview)

    def bulk_to_python(self, values):
        struct_values = super().bulk_to_python(values)
        attach_stored_embeds(struct_values)
        return struct_values

    def clean(self, value):
        # Wagtail's EmbedBlock asks the provider (and stores its answer) here,
        # when the editor saves, never when a visitor reads the page.
        value = super().clean(value)
        embed_value = value.get("embed")
        if embed_value is not None:
            from musenor.streamfields.embeds import ensure_poster

            try:
                embed = get_embed(embed_value.url, embed_value.max_width, embed_value.max_height)
            except EmbedException as error:
                raise blocks.StructBlockValidationError(
                    block_errors={"embed": ValidationError(_("Cannot find an embed for this URL."))}
                ) from error
            ensure_poster(embed)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        embed, poster = value.stored() if isinstance(value, EmbedStructValue) else (None, None)
        context["embed"] = embed
        context["poster"] = poster
        context["provider"] = embed.provider_name if embed else ""
        if embed and embed.width and embed.height:
            context["ratio"] = f"{embed.width} / {embed.height}"
        return context
