"""The step blocks: what they refuse, and how they render."""

import pytest
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from musenor.pages.paths.blocks import (
    ImageStepBlock,
    MediaStepBlock,
    MuseumStepBlock,
    PathStepsStreamBlock,
    TextStepBlock,
    WorkStepBlock,
)

pytestmark = pytest.mark.django_db

STEP_BLOCKS = [WorkStepBlock, MuseumStepBlock, TextStepBlock, ImageStepBlock, MediaStepBlock]


@pytest.mark.parametrize("block_class", STEP_BLOCKS)
def test_every_step_block_explains_itself_to_editors(block_class):
    block = block_class()
    assert block.meta.icon
    assert block.meta.label
    assert block.meta.help_text
    assert block.meta.template.startswith("musenor_paths/blocks/")
    assert block.meta.preview_template == "musenor_paths/blocks/step_preview.html"


def block_errors(excinfo):
    return {name: " ".join(e.messages) for name, e in excinfo.value.block_errors.items()}


def test_work_with_an_image_needs_alternative_text(make_image):
    block = WorkStepBlock()
    image = make_image(description="")
    value = block.to_python({"title": "Ugolin", "image": image.pk, "alt_text": ""})
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert block_errors(excinfo)["alt_text"] == _(
        "This image has no alternative text: describe what it shows."
    )
    value = block.to_python({"title": "Ugolin", "image": image.pk, "alt_text": "Un père"})
    assert block.clean(value)["alt_text"] == "Un père"


def test_work_inventory_number_needs_its_museum(lille):
    block = WorkStepBlock()
    value = block.to_python({"title": "Ugolin", "inventory_number": "S 12"})
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert block_errors(excinfo)["museum"] == _(
        "An inventory number belongs to a museum: choose the museum that holds the work, "
        "or remove the number."
    )
    value = block.to_python({"title": "Ugolin", "inventory_number": "S 12", "museum": lille.pk})
    assert block.clean(value)["museum"] == lille


def test_museum_step_chooses_museums_only(lille, home):
    block = MuseumStepBlock()
    assert block.child_blocks["museum"].target_model.__name__ == "MuseumPage"
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"museum": None, "note": ""}))


def test_audio_step_needs_a_transcript(make_media):
    block = MediaStepBlock()
    audio = make_media(kind="audio")
    value = block.to_python({"title": "Écoutez", "media": audio.pk, "transcript": ""})
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert block_errors(excinfo)["transcript"] == _(
        "An audio step needs a transcript for people who cannot hear it."
    )
    video = make_media(kind="video", title="Film", name="film.mp4")
    assert block.clean(block.to_python({"title": "Regardez", "media": video.pk}))


def test_a_path_needs_at_least_one_step():
    block = PathStepsStreamBlock()
    with pytest.raises(StreamBlockValidationError):
        block.clean(block.to_python([]))


@pytest.mark.usefixtures("production_picture_formats")
def test_work_step_renders_an_image_with_its_alt_text(make_image, lille):
    block = WorkStepBlock()
    image = make_image()
    value = block.to_python(
        {"title": "Ugolin", "artist": "Carpeaux", "image": image.pk, "museum": lille.pk}
    )
    html = block.render(value, context={"number": 4})
    assert '<li class="path-step path-step--work" id="step-4">' in html
    assert 'alt="Un groupe sculpté : un père et ses quatre fils"' in html
    assert 'loading="lazy"' in html
    assert "<picture>" in html and "image/avif" in html
    assert "© Musée" in html


def test_image_step_uses_the_library_image_block(make_image):
    block = ImageStepBlock()
    image = make_image()
    value = block.to_python(
        {"title": "Le beffroi", "image": {"image": image.pk, "alt_text": "Le beffroi de nuit"}}
    )
    html = block.render(value, context={"number": 2})
    assert 'class="block-image"' in html
    assert 'alt="Le beffroi de nuit"' in html
    assert escape(_("Step %(number)s") % {"number": 2} + " · " + _("Image")) in html


@pytest.mark.parametrize(
    ("kind", "name", "tag", "mime"),
    [("audio", "guide.mp3", "audio", "audio/mpeg"), ("video", "film.mp4", "video", "video/mp4")],
)
def test_media_step_renders_a_native_player_and_its_transcript(make_media, kind, name, tag, mime):
    block = MediaStepBlock()
    media = make_media(kind=kind, name=name, duration=95)
    value = block.to_python({"title": "Écoutez", "media": media.pk, "transcript": "Bonjour."})
    html = block.render(value, context={"number": 1})
    assert f'<{tag} class="step-{tag}" controls' in html
    assert f'type="{mime}"' in html
    assert 'aria-label="Écoutez"' in html
    assert '<time datetime="PT1M35S">1:35</time>' in html
    assert f"<summary>{escape(_('Transcript'))}</summary>" in html
    assert "<p>Bonjour.</p>" in html


def test_step_preview_wraps_the_step_in_an_ordered_list():
    block = TextStepBlock()
    value = block.to_python(block.meta.preview_value)
    html = render_to_string(
        block.meta.preview_template,
        {"bound_block": block.bind(value), "block_def": block, "page_title": "Aperçu"},
    )
    assert '<ol class="path-steps">' in html
    assert escape(_("Step %(number)s") % {"number": 1} + " · " + _("Text")) in html
