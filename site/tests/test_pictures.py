"""Pictures everywhere: AVIF and WebP with a JPEG fallback, no repeated widths, lazy
loading, width and height, and credit and licence; the demo's illustrations."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from django.template import Context, Template
from PIL import Image as PILImage
from PIL import features

from musenor.site.demo_images import illustration
from musenor.site.models import Licence, PortalImage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_picture_formats")]


def make_image(width, height, title="Beffroi"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (120, 30, 50)).save(buffer, "JPEG")
    return PortalImage.objects.create(
        title=title,
        description="Le beffroi d'Arras",
        credit="Ville d'Arras",
        licence=Licence.CC_BY,
        file=ImageFile(buffer, name=f"{title.lower()}.jpg"),
    )


def render(image, spec, extra=""):
    template = Template(
        "{% load musenor_images %}{% responsive_picture image spec "
        f'sizes="50vw" alt="Le beffroi" {extra}%}}'
    )
    rendered = template.render(Context({"image": image, "spec": spec}))
    return BeautifulSoup(rendered, "html.parser").picture


def widths(srcset):
    return [int(w) for w in re.findall(r" (\d+)w", srcset)]


def test_pillow_here_writes_avif_and_webp():
    assert features.check("avif") and features.check("webp")


@pytest.mark.parametrize(
    ("size", "spec", "expected"),
    [
        ((2000, 1200), "width-{600,1000,1400}", [600, 1000, 1400]),
        # Narrower than the widest: offered at its own width, once.
        ((900, 600), "width-{600,1000,1400}", [600, 900]),
        ((500, 400), "width-{600,1000,1400}", None),  # a single candidate: no srcset
        ((500, 400), "fill-{400x250,800x500}", [400, 500]),
    ],
)
def test_sources_in_three_formats_without_repeated_widths(size, spec, expected):
    picture = render(make_image(*size), spec)
    sources = picture.find_all("source")
    assert [source.get("type") for source in sources] == ["image/avif", "image/webp"]
    img = picture.find("img")
    assert img.get("src").endswith(".jpg")
    assert img.get("width") and img.get("height")
    for element in (*sources, img):
        srcset = element.get("srcset") or ""
        found = widths(srcset)
        assert len(found) == len(set(found)), srcset
        if expected is None:
            assert not found
        else:
            assert found == expected


def test_avif_renditions_are_avif_files():
    image = make_image(800, 600)
    picture = render(image, "width-{400}")
    avif = image.renditions.get(filter_spec="format-avif|width-400")
    with avif.file.open("rb") as handle:
        assert b"ftypavif" in handle.read(32)
    assert picture.find("source").get("srcset").endswith(".avif")


def test_lazy_loading_is_passed_on():
    img = render(make_image(800, 600), "width-{400}", 'loading="lazy" ').find("img")
    assert img.get("loading") == "lazy"
    assert img.get("alt") == "Le beffroi"


def test_demo_illustrations_say_they_are_illustrations_and_are_reused():
    image = illustration("museum", "chartreuse", 1972, "Musée de la Chartreuse")
    assert image.title == "Illustration : Musée de la Chartreuse"
    assert image.description.startswith("Illustration (pas une photographie)")
    assert "Illustration" in image.credit
    assert image.licence == Licence.CC0
    assert (image.width, image.height) == (1600, 1000)
    assert illustration("museum", "chartreuse", 1972, "Musée de la Chartreuse").pk == image.pk
    other = illustration("route", "parcours", 1972, "Un parcours")
    assert other.file.read() != image.file.read()


def test_main_images_carry_credit_and_licence(client, home, directory):
    from musenor.pages.museums.factories import make_museum

    museum = make_museum(directory, title="Musée de la Chartreuse")
    museum.image = make_image(1600, 1000)
    museum.save_revision().publish()
    page = BeautifulSoup(client.get(museum.url).content, "html.parser")
    (figure,) = page.select("figure.main-image")
    caption = figure.figcaption.get_text()
    assert "Ville d'Arras" in caption and "Creative Commons BY" in caption
    assert figure.img.get("width") == "600"
