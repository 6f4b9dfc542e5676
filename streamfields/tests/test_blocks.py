import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.blocks import StructBlockValidationError

from musenor.site.models import PortalImage
from musenor.streamfields.blocks import (
    BodyStreamBlock,
    CallToActionBlock,
    HeadingBlock,
    ImageBlock,
    PluginContentBlock,
    QuoteBlock,
)

pytestmark = pytest.mark.django_db


def make_image(description="", credit="", licence="cc-by"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (120, 30, 50)).save(buffer, "PNG")
    return PortalImage.objects.create(
        title="Beffroi",
        description=description,
        credit=credit,
        licence=licence,
        file=ImageFile(buffer, name="beffroi.png"),
    )


def test_image_block_requires_alternative_text():
    block = ImageBlock()
    value = block.to_python({"image": make_image().pk, "alt_text": "", "caption": ""})
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert "alt_text" in excinfo.value.block_errors


@pytest.mark.usefixtures("production_picture_formats")
def test_image_block_uses_the_images_alt_text_credit_and_licence():
    block = ImageBlock()
    image = make_image(description="Le beffroi de Douai", credit="© Ville de Douai")
    value = block.clean(block.to_python({"image": image.pk, "caption": "Vue du beffroi"}))
    html = block.render(value)
    assert 'alt="Le beffroi de Douai"' in html
    assert "© Ville de Douai" in html
    assert "Creative Commons BY" in html
    assert "<figcaption>" in html
    assert 'loading="lazy"' in html
    assert "image/avif" in html and "image/webp" in html


def test_image_block_alt_text_overrides_the_images_own():
    block = ImageBlock()
    image = make_image(description="Le beffroi")
    value = block.to_python({"image": image.pk, "alt_text": "Le beffroi sous la neige"})
    assert 'alt="Le beffroi sous la neige"' in block.render(block.clean(value))


def test_call_to_action_needs_exactly_one_target(home):
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Voir", "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "Voir", "page": home.pk, "url": "https://a.org"}))
    value = block.clean(block.to_python({"text": "Voir", "page": home.pk, "url": ""}))
    assert f'href="{home.url}"' in block.render(value)


def test_quote_with_source_needs_an_author():
    block = QuoteBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"quote": "Texte", "author": "", "source": "Lettres"}))


def test_heading_levels():
    block = HeadingBlock()
    assert block.render(block.to_python({"text": "Collections", "level": "h3"})).startswith(
        '<h3 class="block-heading" id="collections">'
    )
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Collections", "level": "h1"}))


def test_plugin_content_of_a_missing_plugin_renders_nothing():
    block = PluginContentBlock()
    value = block.to_python({"content": "not-installed", "heading": "X", "limit": 3})
    assert block.render(value) == ""


def test_every_block_has_a_label_icon_and_description():
    for name, child in BodyStreamBlock().child_blocks.items():
        assert child.meta.icon, name
        assert child.meta.label, name
        assert child.meta.description, name
        if name != "plugin_content":
            assert child.meta.template, name
