"""The block library: import blocks from here.

One module per block family; ``stream`` composes them into the stream blocks
pages use. ``choosers`` holds the chooser blocks that fetch in bulk what the
templates need, ``previews`` the sample content of the editor's previews.
Dependencies go from the families to ``choosers`` and ``previews``, never
back, and to page models only by string (``"musenor_museums.MuseumPage"``).
"""

from .audiovisual import AudioBlock, VideoBlock
from .cards import MuseumCardBlock, PageCardsBlock
from .data import KeyFiguresBlock, TableBlock, TimelineBlock
from .embeds import EmbedBlock
from .faq import AccordionBlock
from .layout import TwoColumnsBlock
from .links import CallToActionBlock, DocumentLinkBlock, DownloadBlock
from .maps import MuseumMapBlock
from .media import GalleryBlock, ImageBlock
from .plugin import PluginContentBlock
from .stream import BodyStreamBlock
from .text import HeadingBlock, QuoteBlock, RichTextBlock

__all__ = [
    "AccordionBlock",
    "AudioBlock",
    "BodyStreamBlock",
    "CallToActionBlock",
    "DocumentLinkBlock",
    "DownloadBlock",
    "EmbedBlock",
    "GalleryBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyFiguresBlock",
    "MuseumCardBlock",
    "MuseumMapBlock",
    "PageCardsBlock",
    "PluginContentBlock",
    "QuoteBlock",
    "RichTextBlock",
    "TableBlock",
    "TimelineBlock",
    "TwoColumnsBlock",
    "VideoBlock",
]
