"""Stream blocks composed from the families, as pages use them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

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
from .text import HeadingBlock, QuoteBlock, RichTextBlock


class BodyStreamBlock(blocks.StreamBlock):
    """What editors compose page bodies from; the picker groups blocks by ``Meta.group``."""

    heading = HeadingBlock()
    text = RichTextBlock()
    quote = QuoteBlock()
    accordion = AccordionBlock()
    timeline = TimelineBlock()
    key_figures = KeyFiguresBlock()
    table = TableBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    audio = AudioBlock()
    embed = EmbedBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    download = DownloadBlock()
    page_cards = PageCardsBlock()
    museum_card = MuseumCardBlock()
    museum_map = MuseumMapBlock()
    two_columns = TwoColumnsBlock()
    plugin_content = PluginContentBlock()

    class Meta:
        label = _("Body")
