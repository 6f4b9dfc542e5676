"""Fixtures of the block library's tests: images, documents, media, an offline embed finder."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage

PNG_SIZE = (64, 48)


def png_bytes(color=(120, 30, 50), size=PNG_SIZE):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def make_image(db):
    from musenor.site.models import PortalImage

    def make(title="Beffroi", description="Le beffroi de Douai", credit="", licence="cc-by"):
        return PortalImage.objects.create(
            title=title,
            description=description,
            credit=credit,
            licence=licence,
            file=ImageFile(io.BytesIO(png_bytes()), name=f"{title.lower()}.png"),
        )

    return make


@pytest.fixture
def make_document(db):
    from wagtail.documents import get_document_model

    def make(title="Programme", name="programme.pdf", content=b"%PDF-1.4 sample"):
        document = get_document_model()(title=title)
        document.file.save(name, ContentFile(content), save=False)
        document.file_size = len(content)
        document.save()
        return document

    return make


@pytest.fixture
def make_media(db):
    from wagtailmedia.models import get_media_model

    def make(media_type="video", title="Réserves", name=None, **fields):
        item = get_media_model()(
            title=title, type=media_type, duration=fields.pop("duration", 200), **fields
        )
        name = name or ("reserves.mp4" if media_type == "video" else "entretien.mp3")
        item.file.save(name, ContentFile(b"\x00" * 32), save=False)
        item.save()
        return item

    return make


@pytest.fixture
def embed_finder(settings, monkeypatch):
    """Wagtail's embeds answered by :mod:`finders`; thumbnails “downloaded” from memory."""
    from wagtail.embeds.finders import get_finders

    from musenor.streamfields import embeds

    settings.WAGTAILEMBEDS_FINDERS = [{"class": "musenor.streamfields.tests.finders"}]
    get_finders.cache_clear()
    # The class Wagtail imported by its dotted path, which is what records the calls.
    finder_class = type(get_finders()[0])
    finder_class.calls = []
    fetched = []

    def fake_fetch(url):
        fetched.append(url)
        return png_bytes(size=(640, 360))

    monkeypatch.setattr(embeds, "fetch_thumbnail", fake_fetch)
    yield {"finder": finder_class, "fetched": fetched}
    get_finders.cache_clear()


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English (the site's French catalogue translates them)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """A test that reaches for the network fails instead of waiting for it."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the block library's tests must not use the network")

    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def render_stream(rf):
    """Render a stream of ``(block class name, raw value)`` items as a page would."""
    from django.template import Context, Template

    def render(items, page=None):
        from .sample import every_block_stream

        block = every_block_stream()
        value = block.to_python([{"type": name, "value": raw} for name, raw in items])
        request = rf.get("/")
        template = Template("{% load wagtailcore_tags %}{% include_block value %}")
        return template.render(Context({"value": value, "page": page, "request": request}))

    return render
