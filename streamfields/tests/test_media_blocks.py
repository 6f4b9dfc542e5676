"""Gallery, video and audio blocks: rendering, validation, queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StructBlockValidationError

from musenor.streamfields.blocks import AudioBlock, GalleryBlock, VideoBlock
from musenor.streamfields.blocks.audiovisual import format_duration

pytestmark = pytest.mark.django_db


def gallery_raw(images, **fields):
    return {
        "heading": fields.get("heading", "Les salles"),
        "images": [
            {"image": image.pk, "alt_text": "", "caption": f"Salle {n}"}
            for n, image in enumerate(images)
        ],
    }


# --- Gallery ----------------------------------------------------------------


@pytest.mark.usefixtures("production_picture_formats")
def test_gallery_renders_a_lazy_grid_of_linked_images(make_image):
    block = GalleryBlock()
    images = [make_image(title=f"Salle {n}", description=f"La salle {n}") for n in range(3)]
    html = block.render(block.clean(block.to_python(gallery_raw(images))))
    assert "<h2>Les salles</h2>" in html
    assert html.count("<li>") == 3
    assert html.count('loading="lazy"') == 3
    assert 'alt="La salle 0"' in html
    assert "image/avif" in html and "image/webp" in html
    # Each image links to a larger version, named by its alternative text.
    assert len(re.findall(r'<a href="[^"]+\.jpg">', html)) == 3
    assert "<figcaption>" in html and "Salle 2" in html


def test_gallery_without_heading_has_no_heading(make_image):
    block = GalleryBlock()
    images = [make_image(title=f"Salle {n}") for n in range(2)]
    html = block.render(block.to_python(gallery_raw(images, heading="")))
    assert "<h2" not in html


def test_gallery_needs_two_images(make_image):
    block = GalleryBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(gallery_raw([make_image()])))
    assert "images" in excinfo.value.block_errors


def test_gallery_needs_alternative_text_for_each_image(make_image):
    block = GalleryBlock()
    images = [make_image(title="Avec"), make_image(title="Sans", description="")]
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(gallery_raw(images)))
    errors = excinfo.value.block_errors["images"]
    # The image without alternative text is the one pointed at.
    assert list(errors.block_errors) == [1]
    assert "alt_text" in errors.block_errors[1].block_errors


def test_gallery_refuses_the_same_image_twice(make_image):
    block = GalleryBlock()
    image = make_image()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(gallery_raw([image, image])))
    assert "twice" in str(excinfo.value.block_errors["images"].messages)


def test_gallery_queries_do_not_grow_with_images(make_image, render_stream):
    few = [make_image(title=f"A{n}") for n in range(2)]
    many = [make_image(title=f"B{n}") for n in range(12)]
    render_stream([("GalleryBlock", gallery_raw(few)), ("GalleryBlock", gallery_raw(many))])
    with CaptureQueriesContext(connection) as one:
        render_stream([("GalleryBlock", gallery_raw(few))])
    with CaptureQueriesContext(connection) as two:
        render_stream([("GalleryBlock", gallery_raw(few)), ("GalleryBlock", gallery_raw(many))])
    # One query for the images and one for their renditions, whatever their number.
    assert len(one) == len(two) == 2


# --- Video and audio --------------------------------------------------------


def video_raw(video, **fields):
    return {
        "video": video.pk,
        "title": fields.get("title", "Visite des réserves"),
        "captions": fields.get("captions", []),
        "transcript": fields.get("transcript", ""),
    }


def test_video_renders_a_player_with_captions_and_transcript(make_media, make_document):
    video = make_media("video", width=1280, height=720, duration=125)
    vtt = make_document(title="Sous-titres", name="reserves.vtt", content=b"WEBVTT\n")
    block = VideoBlock()
    raw = video_raw(
        video,
        captions=[{"file": vtt.pk, "language": "fr"}],
        transcript="<p>La conservatrice ouvre la porte.</p>",
    )
    html = block.render(block.clean(block.to_python(raw)))
    assert "<video controls" in html and 'preload="metadata"' in html
    assert 'width="1280" height="720"' in html
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert re.search(
        r'<track kind="captions" src="[^"]+\.vtt" srclang="fr" label="Français" default>', html
    )
    assert (
        '<figcaption>Visite des réserves <span class="meta">(2 min 05 s)</span></figcaption>'
        in html
    )
    assert '<details class="transcript">' in html and "La conservatrice" in html
    # Without the player, a download link remains.
    assert f'<a href="{video.url}" download>' in html


def test_video_without_captions_has_no_track(make_media):
    block = VideoBlock()
    html = block.render(block.to_python(video_raw(make_media("video"))))
    assert "<track" not in html and "<details" not in html


def test_video_captions_must_be_webvtt(make_media, make_document):
    block = VideoBlock()
    pdf = make_document()
    raw = video_raw(make_media("video"), captions=[{"file": pdf.pk, "language": "fr"}])
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw))
    captions = excinfo.value.block_errors["captions"]
    assert "WebVTT" in str(captions.block_errors[0].block_errors["file"].messages)


def test_video_captions_one_file_per_language(make_media, make_document):
    block = VideoBlock()
    first = make_document(name="a.vtt", content=b"WEBVTT\n")
    second = make_document(name="b.vtt", content=b"WEBVTT\n")
    raw = video_raw(
        make_media("video"),
        captions=[{"file": first.pk, "language": "fr"}, {"file": second.pk, "language": "fr"}],
    )
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw))
    assert "captions" in excinfo.value.block_errors


def test_video_title_is_required(make_media):
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(video_raw(make_media("video"), title="")))
    assert "title" in excinfo.value.block_errors


def test_video_block_refuses_a_sound_file(make_media):
    block = VideoBlock()
    value = block.to_python(video_raw(make_media("video")))
    value["video"] = make_media("audio")
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)
    assert "video" in excinfo.value.block_errors


def test_audio_renders_a_player_with_its_title_first(make_media):
    audio = make_media("audio", duration=3725)
    block = AudioBlock()
    raw = {"audio": audio.pk, "title": "Entretien", "transcript": "<p>Bonjour.</p>"}
    html = block.render(block.clean(block.to_python(raw)))
    assert html.index("<figcaption>Entretien") < html.index("<audio controls")
    assert "(1 h 02 min)" in html
    assert 'type="audio/mpeg"' in html
    assert "Bonjour." in html


def test_audio_title_is_required(make_media):
    block = AudioBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python({"audio": make_media("audio").pk, "title": ""}))
    assert "title" in excinfo.value.block_errors


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(45, "45 s"), (200, "3 min 20 s"), (3600, "1 h 00 min"), (59.6, "1 min 00 s")],
)
def test_durations_read_as_people_say_them(seconds, text):
    assert format_duration(seconds) == text
