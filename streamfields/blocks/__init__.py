"""The block library: import blocks from here.

``stream`` composes the families into the stream blocks pages use.
"""

from .embeds import EmbedBlock
from .links import CallToActionBlock, DocumentLinkBlock
from .media import ImageBlock
from .plugin import PluginContentBlock
from .stream import BodyStreamBlock
from .text import HeadingBlock, QuoteBlock, RichTextBlock

__all__ = [
    "BodyStreamBlock",
    "CallToActionBlock",
    "DocumentLinkBlock",
    "EmbedBlock",
    "HeadingBlock",
    "ImageBlock",
    "PluginContentBlock",
    "QuoteBlock",
    "RichTextBlock",
]
