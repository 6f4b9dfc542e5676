"""Embeds: oEmbed data and thumbnail fetched on saving; reading asks nothing of the provider."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.models import Embed

from musenor.streamfields import embeds as embed_storage
from musenor.streamfields.blocks import EmbedBlock
from musenor.streamfields.models import EmbedPoster

pytestmark = pytest.mark.django_db

URL = "https://video.example.org/w/reserves"


def raw(url=URL, title="Dans les réserves", transcript=""):
    return {"embed": url, "title": title, "transcript": transcript}


def test_saving_fetches_the_oembed_data_and_copies_the_thumbnail(embed_finder):
    block = EmbedBlock()
    block.clean(block.to_python(raw()))
    assert embed_finder["finder"].calls == [URL]
    assert embed_finder["fetched"] == ["https://video.example.org/thumbnails/reserves.jpg"]
    poster = EmbedPoster.objects.get()
    assert (poster.width, poster.height) == (640, 360)
    assert poster.image.name.startswith("embed-posters/") and poster.image.name.endswith(".png")
    # Saving again asks nothing more.
    block.clean(block.to_python(raw()))
    assert len(embed_finder["finder"].calls) == 1 and len(embed_finder["fetched"]) == 1


def test_rendering_shows_a_placeholder_and_keeps_the_player_inert(embed_finder):
    block = EmbedBlock()
    block.clean(block.to_python(raw(transcript="On ouvre les réserves.")))
    embed_finder["finder"].calls.clear()
    html = block.render(block.to_python(raw(transcript="On ouvre les réserves.")))
    assert embed_finder["finder"].calls == []
    poster = EmbedPoster.objects.get()
    assert f'<img class="embed-poster" src="{poster.image.url}" alt=""' in html
    # The media's own proportions, applied by the script: no style attribute (CSP).
    assert 'data-ratio="640 / 360"' in html and "style=" not in html
    # The provider's iframe sits in a <template>: the browser does not load it.
    before, template, after = re.split(r"</?template>", html)
    assert "<iframe" in template and "<iframe" not in before + after
    assert "video.example.org" not in before.replace(f'href="{URL}"', "")
    # A button (shown by the script) plays it; the link to the media always works.
    button = '<button type="button" class="embed-play" data-embed-load hidden>'
    assert button + "Play “Dans les réserves”</button>" in html
    assert f'<a class="embed-link" href="{URL}">Watch on Vidéos Exemple</a>' in html
    assert "may set cookies" in html
    assert "On ouvre les réserves." in html
    assert "musenor_streamfields/js/embeds.js" in html


def test_an_embed_without_stored_data_is_a_plain_link(embed_finder):
    block = EmbedBlock()
    html = block.render(block.to_python(raw()))
    assert embed_finder["finder"].calls == []
    assert f'<a class="embed-link" href="{URL}">Open the media</a>' in html
    assert "<template>" not in html and "<button" not in html and "<img" not in html


def test_an_embed_without_thumbnail_still_renders(embed_finder):
    block = EmbedBlock()
    url = "https://video.example.org/w/nothumb"
    block.clean(block.to_python(raw(url)))
    assert embed_finder["fetched"] == [] and not EmbedPoster.objects.exists()
    html = block.render(block.to_python(raw(url)))
    assert "<img" not in html and "<template>" in html


def test_a_thumbnail_that_is_not_an_image_is_left_out(embed_finder, monkeypatch):
    monkeypatch.setattr(embed_storage, "fetch_thumbnail", lambda url: b"<html>not an image</html>")
    block = EmbedBlock()
    block.clean(block.to_python(raw()))
    assert not EmbedPoster.objects.exists()
    assert Embed.objects.count() == 1


def test_thumbnails_come_from_the_web_only():
    with pytest.raises(embed_storage.ThumbnailError):
        embed_storage.fetch_thumbnail("file:///etc/passwd")


def test_an_unknown_media_address_is_refused(embed_finder):
    block = EmbedBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw("https://video.example.org/w/missing")))
    assert "embed" in excinfo.value.block_errors
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(raw("https://elsewhere.example.com/video")))


def test_the_title_is_required(embed_finder):
    block = EmbedBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw(title="")))
    assert "title" in excinfo.value.block_errors


def test_embeds_queries_do_not_grow_with_embeds(embed_finder, render_stream):
    block = EmbedBlock()
    urls = [f"https://video.example.org/w/film-{n}" for n in range(6)]
    for url in urls:
        block.clean(block.to_python(raw(url)))
    render_stream([("EmbedBlock", raw(urls[0]))])
    with CaptureQueriesContext(connection) as one:
        render_stream([("EmbedBlock", raw(urls[0]))])
    with CaptureQueriesContext(connection) as six:
        render_stream([("EmbedBlock", raw(url)) for url in urls])
    assert len(one) == len(six) == 2
