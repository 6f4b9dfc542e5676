"""The Content-Security-Policy in Chromium: nothing the site needs is blocked.

One page of every public page type (checked against Wagtail's registry of page
models, so that a new page type without a visit here fails), the site search,
the admin's login form, its page editor with the live preview, and a public
page with Wagtail's userbar of a signed-in editor. On each the
browser reports every ``securitypolicyviolation`` (a listener installed before
any of the page's own scripts) and every console error; there must be none,
and the response must carry the header.

The standard page holds every block of the library (maps with tiles, the
click-to-load embed, JSON-LD of the FAQ block), and the embed is played.
"""

import json

import pytest

pytestmark = pytest.mark.browser

# A 1×1 transparent PNG: Leaflet asks the same data: URL for every tile.
TILE_PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
TEST_URLCONF = "musenor.streamfields.tests.urls"  # the site, plus uploaded files served

LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI || "(inline)"}` +
    ` at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
  );
});
"""


@pytest.fixture
def csp_page(new_page):
    """A page that records CSP violations (every frame) and console errors."""

    def open_page():
        page = new_page()
        page.add_init_script(LISTEN_FOR_VIOLATIONS)
        page.console_errors = []

        def record(message):
            # The site has no favicon: Chromium's own request for one is no page's doing.
            if message.type == "error" and not message.location["url"].endswith("/favicon.ico"):
                page.console_errors.append(f"{page.url}: {message.text} ({message.location})")

        page.on("console", record)
        return page

    return open_page


def violations(page):
    """Every violation reported so far, in the page and in its frames."""
    found = []
    for frame in page.frames:
        found += [f"{frame.url}: {v}" for v in frame.evaluate("window.__cspViolations || []")]
    return found


def assert_policy(response, *, admin=False):
    header = response.headers.get("content-security-policy")
    assert header, f"no Content-Security-Policy header on {response.url}"
    directives = {part.split()[0]: part.split()[1:] for part in header.split(";")}
    if admin:
        assert "'unsafe-inline'" in directives["script-src"], header
    else:
        assert directives["script-src"] == ["'self'"], header
        assert directives["style-src"] == ["'self'"], header


def assert_clean(page):
    assert violations(page) == []
    assert page.console_errors == []


def warm_renditions(content):
    """Make the images' renditions now: encoding AVIF takes longer than a page load may."""
    from django.template import Context, Template
    from django.test import RequestFactory

    from musenor.streamfields.tests.sample import every_block_stream

    stream = every_block_stream().to_python([{"type": n, "value": raw} for n, raw in content])
    template = Template("{% load wagtailcore_tags %}{% include_block stream %}")
    template.render(Context({"stream": stream, "request": RequestFactory().get("/")}))


@pytest.fixture
def standard_page(home, directory, settings):
    """A standard page whose body holds every block of the library."""
    from musenor.pages.standard.models import StandardPage
    from musenor.streamfields import blocks as library
    from musenor.streamfields.tests.sample import every_block

    settings.ROOT_URLCONF = TEST_URLCONF
    settings.MUSENOR_MAP_TILES_URL = TILE_PNG
    settings.MUSENOR_MAP_ATTRIBUTION = "© Tuiles de test"
    content = every_block(home, directory)
    warm_renditions(content)
    names = {type(b).__name__: n for n, b in library.BodyStreamBlock().child_blocks.items()}
    body = [{"type": names[name], "value": raw} for name, raw in content]
    page = StandardPage(title="Tous les blocs", body=json.dumps(body))
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def every_page_type(home, directory, museum, standard_page):
    """One published page of each page type, with what it shows."""
    from musenor.pages.circuits.factories import make_circuit, make_circuit_index
    from musenor.pages.education.factories import make_showcase, make_showcase_index
    from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
    from musenor.pages.museums.factories import make_museum, make_theme
    from musenor.pages.news.factories import make_news, make_news_index
    from musenor.pages.operations.factories import make_operation, make_operation_index
    from musenor.pages.paths.factories import make_path, make_path_index
    from musenor.pages.selections.factories import (
        answer,
        make_quiz,
        make_selection,
        make_selection_index,
    )
    from musenor.pages.standard.factories import make_contact_page
    from musenor.pages.standard.models import LandingPage

    other = make_museum(directory, title="Louvre-Lens", city="Lens", department="62")
    operations = make_operation_index(home)
    exhibitions = make_exhibition_index(home)
    news = make_news_index(home)
    paths = make_path_index(home)
    circuits = make_circuit_index(home)
    showcases = make_showcase_index(home)
    selections = make_selection_index(home)
    landing = LandingPage(title="Nuit des musées", hero_text="Une nuit pour tout voir.")
    home.add_child(instance=landing)
    landing.save_revision().publish()
    contact = make_contact_page(home, fields=[("Message", "multiline")])
    return [
        home,
        directory,
        museum,
        standard_page,
        landing,
        contact,
        operations,
        make_operation(operations, title="MuséoSciences", museums=[museum]),
        exhibitions,
        make_exhibition(exhibitions, title="Les couleurs", museums=[museum]),
        news,
        make_news(news, title="Le portail est ouvert", museums=[museum]),
        paths,
        make_path(
            paths,
            title="En famille",
            steps=[("museum", {"museum": museum.pk, "note": "<p>Dans la cour.</p>"})],
        ),
        circuits,
        make_circuit(circuits, [(museum, {"note": "Le matin."}), (other, {})], title="Lille-Lens"),
        showcases,
        make_showcase(showcases, title="Au cycle 3", levels=["cycle-3"], museums=[museum]),
        selections,
        make_selection(selections, title="En famille", picked=[museum], themes=[make_theme("Art")]),
        make_quiz(
            selections,
            [("Qu'aimez-vous ?", False, [answer("L'histoire", themes=["histoire"])])],
        ),
    ]


def public_page_models():
    from wagtail.models import get_page_models

    return {model for model in get_page_models() if model.__module__.startswith("musenor.pages.")}


def test_no_public_page_type_breaks_the_policy(live_server, every_page_type, csp_page):
    visited = {type(page.specific) for page in every_page_type}
    missing = sorted(model.__name__ for model in public_page_models() - visited)
    assert not missing, f"page types this test does not visit: {missing}"

    for wagtail_page in every_page_type:
        page = csp_page()
        response = page.goto(live_server.url + wagtail_page.url)
        assert response.status == 200, wagtail_page.url
        assert_policy(response)
        # Late loads too (Leaflet, tiles, marker images): until the network is quiet.
        page.wait_for_load_state("networkidle")
        if page.locator("[data-map-ready]").count():
            page.locator("[data-map-ready=true]").first.wait_for(state="attached")
        assert_clean(page)

    # The standard page's blocks: JSON-LD is data, not script; the embed plays.
    page = csp_page()
    page.goto(live_server.url + every_page_type[3].url)
    assert page.locator("script[type='application/ld+json']").count() > 0
    page.locator(".block-museum-map [data-map-ready=true]").wait_for(state="attached")
    page.locator(".block-embed button.embed-play").click()
    page.locator(".block-embed iframe").wait_for()
    assert_clean(page)

    page = csp_page()
    response = page.goto(live_server.url + "/recherche/?q=musée")
    assert_policy(response)
    assert page.locator(".search-results li").count() > 0
    assert_clean(page)


def test_the_admin_works_under_its_policy(live_server, standard_page, csp_page):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser(email="redaction@musenor.test", password="secret")
    page = csp_page()
    page.set_default_timeout(30_000)
    response = page.goto(live_server.url + "/admin/login/")
    assert_policy(response, admin=True)
    page.locator("input[name=username]").fill("redaction@musenor.test")
    page.locator("input[name=password]").fill("secret")
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert page.url.rstrip("/").endswith("/admin")
    assert_clean(page)

    response = page.goto(f"{live_server.url}/admin/pages/{standard_page.pk}/edit/")
    assert_policy(response, admin=True)
    page.locator("input[name='body-0-type']").wait_for(state="attached")
    # Wagtail's live preview: the page rendered in a frame of the admin.
    page.locator("button[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    preview.locator("main h1", has_text="Tous les blocs").wait_for()
    assert_clean(page)

    # Signed in, public pages carry Wagtail's userbar, under the public policy.
    response = page.goto(live_server.url + standard_page.url)
    assert_policy(response)
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.locator(".block-museum-map [data-map-ready=true]").wait_for(state="attached")
    assert_clean(page)
