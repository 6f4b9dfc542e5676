"""Embeds without a request to the provider before the visitor asks for the media.

When an editor saves an embed block, Wagtail's embed finder fetches the oEmbed
data (stored in Wagtail's ``Embed`` table), and :func:`ensure_poster` copies
the media's thumbnail into the site's storage. Pages then show the local
thumbnail, the title and a link; the provider's iframe is only added when the
visitor presses the play button.
"""

import io
import logging
import urllib.request
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from PIL import Image, UnidentifiedImageError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from .models import EmbedPoster

logger = logging.getLogger(__name__)

MAX_THUMBNAIL_BYTES = 5 * 1024 * 1024
THUMBNAIL_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
TIMEOUT_SECONDS = 10


class ThumbnailError(Exception):
    pass


def fetch_thumbnail(url):
    """The bytes of the image at ``url`` (http or https only, 5 MB at most)."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise ThumbnailError(f"not a web address: {url!r}")
    # The scheme is checked above: no file: or custom schemes.
    request = urllib.request.Request(url, headers={"User-Agent": "Musenor"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        data = response.read(MAX_THUMBNAIL_BYTES + 1)
    if len(data) > MAX_THUMBNAIL_BYTES:
        raise ThumbnailError(f"larger than {MAX_THUMBNAIL_BYTES} bytes: {url}")
    return data


def image_extension(data):
    """The file extension of image bytes, or a ThumbnailError if they are not a web image."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            image_format = image.format
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ThumbnailError(f"not an image: {error}") from error
    if image_format not in THUMBNAIL_FORMATS:
        raise ThumbnailError(f"unexpected image format {image_format}")
    return THUMBNAIL_FORMATS[image_format]


def ensure_poster(embed):
    """The local copy of ``embed``'s thumbnail, made now if missing; None when there is none."""
    poster = EmbedPoster.objects.filter(embed_hash=embed.hash).first()
    if poster is not None or not embed.thumbnail_url:
        return poster
    try:
        data = fetch_thumbnail(embed.thumbnail_url)
        extension = image_extension(data)
    except (ThumbnailError, OSError) as error:
        # The block still works without a thumbnail: title, provider, link.
        logger.warning("No thumbnail for the embed %s: %s", embed.url, error)
        return None
    poster = EmbedPoster(embed_hash=embed.hash, source_url=embed.thumbnail_url)
    poster.image.save(f"{embed.hash}.{extension}", ContentFile(data), save=False)
    poster.save()
    return poster


def embed_hash(embed_value):
    return get_embed_hash(embed_value.url, embed_value.max_width, embed_value.max_height)


def stored_embeds(embed_values):
    """Wagtail's stored oEmbed data and our posters for these values, by hash: two queries.

    Never calls the finder: a value whose data is missing (the cache was
    emptied, the page was imported) gets None and renders as a plain link.
    """
    hashes = {embed_hash(value) for value in embed_values if value is not None}
    if not hashes:
        return {}, {}
    embeds = {embed.hash: embed for embed in Embed.objects.filter(hash__in=hashes)}
    posters = {
        poster.embed_hash: poster for poster in EmbedPoster.objects.filter(embed_hash__in=hashes)
    }
    return embeds, posters
