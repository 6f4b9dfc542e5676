"""Stream blocks composed from the families, as pages use them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .embeds import EmbedBlock
from .links import CallToActionBlock, DocumentLinkBlock
from .media import ImageBlock
from .plugin import PluginContentBlock
from .text import HeadingBlock, QuoteBlock, RichTextBlock


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock()
    document = DocumentLinkBlock()
    plugin_content = PluginContentBlock()

    class Meta:
        label = _("Body")
