"""The block library in a real browser: every block on one page, with and without JavaScript.

Two pages hold every block of ``musenor.streamfields.blocks``:

- a standard page (``pages/standard``) whose body holds them all, through the
  page types' stream (``BodyStreamBlock``), which must offer every block;
- the same standard page in Wagtail's editor, which loads every block's form
  and saves it back;
- a bare page of the block library's test URLconf (``streamfields/tests/urls.py``)
  that renders the same stream inside the site's base template, independent of
  any page type (it also serves the uploaded files, for the screenshots).
"""

import json

import pytest

from musenor.streamfields import blocks as library

pytestmark = pytest.mark.browser

# A 1×1 transparent PNG: Leaflet asks the same data: URL for every tile.
TILE_PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
TEST_URLCONF = "musenor.streamfields.tests.urls"


def library_blocks():
    """The blocks of the library; plugins' content comes from the plugins and their tests."""
    return set(library.__all__) - {"BodyStreamBlock", "PluginContentBlock"}


def body_stream_names():
    """The names under which BodyStreamBlock offers each block of the library, by class name."""
    return {
        type(child).__name__: name for name, child in library.BodyStreamBlock().child_blocks.items()
    }


@pytest.fixture
def every_block(home, directory, settings):
    from musenor.streamfields.tests.sample import every_block

    settings.ROOT_URLCONF = TEST_URLCONF  # serves the uploaded files too
    settings.MUSENOR_MAP_TILES_URL = TILE_PNG
    settings.MUSENOR_MAP_ATTRIBUTION = "© Tuiles de test"
    content = every_block(home, directory)
    assert {name for name, _ in content} == library_blocks(), "the sample holds every block"
    warm_renditions(content)
    return content


def warm_renditions(content):
    """Make the images' renditions now: encoding AVIF takes longer than a page load may."""
    from django.template import Context, Template
    from django.test import RequestFactory

    from musenor.streamfields.tests.sample import every_block_stream

    stream = every_block_stream().to_python([{"type": n, "value": raw} for n, raw in content])
    template = Template("{% load wagtailcore_tags %}{% include_block stream %}")
    template.render(Context({"stream": stream, "request": RequestFactory().get("/")}))


@pytest.fixture
def blocks_page(every_block):
    from musenor.streamfields.tests import urls

    urls.STREAM[:] = every_block
    yield "/__blocks__/"
    urls.STREAM.clear()


def check_every_block(page, *, javascript):
    """What every block shows, with or without JavaScript."""
    main = page.locator("main")
    assert main.locator(".block-gallery .gallery-grid li").count() == 4
    assert main.locator(".block-gallery img[loading=lazy]").count() == 4
    assert main.locator(".block-video video[controls] track[kind=captions]").count() == 1
    assert main.locator(".block-audio audio[controls]").count() == 1
    assert main.locator(".block-timeline ol li time").count() == 2
    assert main.locator(".block-accordion details").count() == 2
    assert main.locator('script[type="application/ld+json"]').count() == 1
    assert main.locator(".block-figures .figures li").count() == 3
    assert main.locator(".block-table caption").inner_text() == "Musées par département"
    assert main.locator(".block-table th[scope=row]").count() == 2
    assert main.locator(".block-museum-map .map-list li a").count() == 3
    assert main.locator(".block-museum-card h2 a").inner_text() == "Musée de la Chartreuse"
    assert main.locator(".block-page-cards .card").count() == 2
    assert "PDF" in main.locator(".block-download .meta").inner_text()

    # Questions open without any script.
    answer = main.locator(".block-accordion details").first.locator(".answer")
    assert not answer.is_visible()
    main.locator(".block-accordion summary").first.click()
    assert answer.is_visible()

    embed = main.locator(".block-embed")
    assert embed.locator("a.embed-link").is_visible()
    assert embed.locator("iframe").count() == 0, "nothing is asked of the provider before a click"
    the_map = main.locator(".block-museum-map [data-block-map]")
    if javascript:
        the_map.wait_for(state="visible")
        assert the_map.get_attribute("data-map-ready") == "true"
        assert the_map.locator(".leaflet-marker-icon").count() == 3
        assert embed.locator("button.embed-play").is_visible()
    else:
        assert the_map.is_hidden()
        assert embed.locator("button.embed-play").is_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_every_block_in_the_sites_layout(
    live_server, blocks_page, new_page, check_accessibility, javascript
):
    for viewport in ("desktop", "mobile"):
        page = new_page(javascript=javascript, viewport=viewport)
        page.goto(live_server.url + blocks_page)
        check_every_block(page, javascript=javascript)
        if javascript:  # axe-core is a script: it runs where scripts do
            check_accessibility(page, viewport)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the {viewport} page scrolls sideways by {overflow}px"


def test_embedded_media_load_on_request(live_server, blocks_page, page, check_accessibility):
    page.goto(live_server.url + blocks_page)
    embed = page.locator(".block-embed")
    requested = []
    # The browser fetches the site's icon when it likes, click or not: not the player's doing.
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    page.on(
        "request",
        lambda request: None if request.url.endswith(icon) else requested.append(request.url),
    )
    embed.locator("button.embed-play").click()
    iframe = embed.locator("iframe")
    iframe.wait_for()
    assert iframe.get_attribute("title") == "Dans les réserves"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert embed.locator("button.embed-play").count() == 0
    assert "about:blank" in requested or requested == []  # the player, and only the player
    check_accessibility(page, "media loaded")


def test_two_columns_stack_on_phones(live_server, blocks_page, new_page):
    for viewport, stacked in (("desktop", False), ("mobile", True)):
        page = new_page(viewport=viewport)
        page.goto(live_server.url + blocks_page)
        left, right = (page.locator(".block-columns .column").nth(n).bounding_box() for n in (0, 1))
        if stacked:
            assert right["y"] >= left["y"] + left["height"], "the right column comes under"
        else:
            assert right["x"] >= left["x"] + left["width"] and right["y"] == left["y"]
            assert left["width"] > right["width"], "the left column is the wider"


def test_screenshots_of_every_block(live_server, blocks_page, new_page, artifacts_dir):
    for viewport in ("desktop", "mobile"):
        page = new_page(viewport=viewport)
        page.goto(live_server.url + blocks_page)
        page.locator(".block-museum-map [data-map-ready=true]").wait_for()
        # Lazy images load once scrolled to, as a reader would.
        page.evaluate(
            """async () => {
                for (let y = 0; y < document.body.scrollHeight; y += 400) {
                    window.scrollTo(0, y);
                    await new Promise((resolve) => setTimeout(resolve, 50));
                }
                await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
                window.scrollTo(0, 0);
            }"""
        )
        path = artifacts_dir / f"blocks-{viewport}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0


def test_standard_page_with_every_block(
    live_server, every_block, new_page, home, check_accessibility
):
    names = body_stream_names()
    missing = sorted(library_blocks() - set(names))
    assert not missing, f"BodyStreamBlock (streamfields/blocks/stream.py) lacks {missing}"
    from musenor.pages.standard.models import StandardPage

    body = [{"type": names[name], "value": raw} for name, raw in every_block]
    standard = StandardPage(title="Tous les blocs", body=json.dumps(body))
    home.add_child(instance=standard)
    standard.save_revision().publish()
    for javascript in (True, False):
        page = new_page(javascript=javascript)
        page.goto(live_server.url + standard.url)
        assert page.locator("main h1").inner_text() == "Tous les blocs"
        check_every_block(page, javascript=javascript)
        if javascript:
            check_accessibility(page)


def test_the_editor_opens_and_saves_every_block(
    live_server, every_block, home, new_page, settings, monkeypatch, artifacts_dir
):
    """Every block's form works in Wagtail's editor: it loads with values and saves them back."""
    import re

    from django.contrib.auth import get_user_model
    from wagtail.embeds.finders import get_finders

    from musenor.pages.standard.models import StandardPage
    from musenor.streamfields import embeds
    from musenor.streamfields.storage import as_stored
    from musenor.streamfields.tests.conftest import png_bytes

    # Saving cleans the embed block, which asks the oEmbed finder: the offline one.
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "musenor.streamfields.tests.finders"}]
    get_finders.cache_clear()
    monkeypatch.setattr(embeds, "fetch_thumbnail", lambda url: png_bytes())
    names = body_stream_names()
    body = [{"type": names[name], "value": raw} for name, raw in every_block]
    body = [
        {**item, "value": {**item["value"], "embed": "https://video.example.org/w/reserves"}}
        if item["type"] == "embed"
        else item
        for item in body
    ]
    standard = StandardPage(
        title="Tous les blocs", body=json.dumps(as_stored(library.BodyStreamBlock(), body))
    )
    home.add_child(instance=standard)
    published_revision = standard.save_revision().pk
    standard.get_latest_revision().publish()
    get_user_model().objects.create_superuser(email="redaction@musenor.test", password="secret")

    page = new_page()
    page.set_default_timeout(30_000)
    page.goto(live_server.url + "/admin/login/")
    page.locator("input[name=username]").fill("redaction@musenor.test")
    page.locator("input[name=password]").fill("secret")
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    page.goto(f"{live_server.url}/admin/pages/{standard.pk}/edit/")
    page.locator("input[name='body-0-type']").wait_for(state="attached")
    # The editor built a form for every block of the stream, in order.
    types = page.eval_on_selector_all(
        "input[name^='body-'][name$='-type']",
        "inputs => inputs.filter(i => /^body-\\d+-type$/.test(i.name)).map(i => i.value)",
    )
    assert types == [item["type"] for item in body]
    page.screenshot(path=artifacts_dir / "editor-every-block.png", full_page=True)

    save = page.get_by_role("button", name=re.compile(r"Enregistrer le brouillon|Save draft"))
    with page.expect_navigation():
        save.click()
    messages = page.locator(".messages").inner_text()
    assert "a été mise à jour" in messages, messages
    latest = StandardPage.objects.get(pk=standard.pk).get_latest_revision()
    assert latest.pk != published_revision, "the editor saved a new revision"
    saved = latest.as_object()
    assert [child.block_type for child in saved.body] == [item["type"] for item in body]
    by_type = {child.block_type: child.value for child in saved.body}
    assert by_type["table"]["table"].caption == "Musées par département"
    assert len(by_type["gallery"]["images"]) == 4
    assert len(by_type["museum_map"]["museums"]) == 3
    assert by_type["timeline"]["events"][0]["year"] == -20
    assert by_type["embed"]["embed"].url == "https://video.example.org/w/reserves"
