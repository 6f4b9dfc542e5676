"""Fixtures of the paths' tests: museums, images and media items."""

import io
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage


@pytest.fixture
def lille(directory):
    from musenor.pages.museums.factories import make_museum

    return make_museum(
        directory,
        title="Palais des Beaux-Arts de Lille",
        city="Lille",
        department="59",
        latitude=Decimal("50.63"),
        longitude=Decimal("3.06"),
    )


@pytest.fixture
def path_index(home):
    from musenor.pages.paths.factories import make_path_index

    return make_path_index(home)


@pytest.fixture
def make_image(db):
    from musenor.site.models import PortalImage

    def make(title="Ugolin", description="Un groupe sculpté : un père et ses quatre fils"):
        buffer = io.BytesIO()
        PILImage.new("RGB", (64, 48), (120, 30, 50)).save(buffer, "PNG")
        return PortalImage.objects.create(
            title=title,
            description=description,
            credit="© Musée",
            file=ImageFile(buffer, name=f"{title.lower()}.png"),
        )

    return make


@pytest.fixture
def make_media(db):
    from wagtailmedia import get_media_model

    def make(kind="audio", title="Audioguide", name="guide.mp3", duration=95):
        media = get_media_model()(title=title, type=kind, duration=duration)
        media.file.save(name, ContentFile(b"\x00" * 16), save=False)
        media.save()
        return media

    return make
