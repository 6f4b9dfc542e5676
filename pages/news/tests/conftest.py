"""Fixtures of the news' tests: an index, images, museums."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage


@pytest.fixture
def news_index(home):
    from musenor.pages.news.factories import make_news_index

    return make_news_index(home)


@pytest.fixture
def make_image(db):
    from musenor.site.models import PortalImage

    def make(title="Beffroi", description="Le beffroi d'Arras reconstruit, vu de la place"):
        buffer = io.BytesIO()
        PILImage.new("RGB", (64, 48), (120, 30, 50)).save(buffer, "PNG")
        return PortalImage.objects.create(
            title=title,
            description=description,
            credit="© Musenor",
            file=ImageFile(buffer, name=f"{title.lower()}.png"),
        )

    return make
