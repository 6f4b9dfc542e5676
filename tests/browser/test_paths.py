"""Thematic paths in a real browser: accessibility, filters and steps without JavaScript."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def paths(home, museums):
    """A list of paths and two paths: one for families, one for art lovers."""
    from musenor.pages.paths.factories import make_path, make_path_index

    index = make_path_index(home, title="Parcours thématiques")
    lille = museums["Palais des Beaux-Arts"]
    family = make_path(
        index,
        title="En famille au Palais des Beaux-Arts",
        intro="Une heure pour découvrir le musée avec des enfants.",
        duration=75,
        level="easy",
        steps=[
            ("museum", {"museum": lille.pk, "note": "<p>Rendez-vous dans l'atrium.</p>"}),
            (
                "work",
                {
                    "title": "Les Vieilles",
                    "artist": "Francisco de Goya",
                    "date": "vers 1808–1812",
                    "museum": lille.pk,
                    "text": "<p>Que fait le vieil homme avec son balai ?</p>",
                },
            ),
            ("text", {"title": "Le jeu des animaux", "text": "<p>Trouvez un chien.</p>"}),
            (
                "work",
                {
                    "title": "La Descente de croix",
                    "artist": "Pierre Paul Rubens",
                    "museum": lille.pk,
                    "text": "<p>Suivez le drap blanc.</p>",
                },
            ),
        ],
    )
    lovers = make_path(
        index,
        title="Carpeaux à Valenciennes",
        for_families=False,
        for_art_lovers=True,
        duration=90,
        level="intermediate",
    )
    return index, family, lovers


def listed_paths(page):
    return sorted(page.locator(".path-list .card h3 a").all_inner_texts())


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_filter_paths_by_audience(live_server, paths, new_page, javascript):
    index, family, lovers = paths
    page = new_page(javascript=javascript)
    page.goto(live_server.url + index.url)
    assert listed_paths(page) == sorted([family.title, lovers.title])

    page.locator("#id_audience").select_option("art-lovers")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert parse_qs(urlsplit(page.url).query)["audience"] == ["art-lovers"]
    assert listed_paths(page) == [lovers.title]
    assert page.locator("#id_audience").input_value() == "art-lovers"


def test_steps_are_numbered_and_reachable_from_the_contents_without_javascript(
    live_server, paths, new_page
):
    _index, family, _lovers = paths
    page = new_page(javascript=False, viewport="mobile")
    page.goto(live_server.url + family.url)

    steps = page.locator("ol.path-steps > li.path-step")
    assert steps.count() == 4
    numbers = page.locator("ol.path-steps > li .step-number").all_inner_texts()
    assert [re.search(r"\d+", text).group() for text in numbers] == ["1", "2", "3", "4"]
    # Headings stay in order: h1, then h2 sections, then a h3 per step.
    levels = page.evaluate(
        "[...document.querySelectorAll('main h1, main h2, main h3')].map(h => h.tagName)"
    )
    assert levels[0] == "H1" and levels.count("H3") == 4
    assert levels.index("H3") > levels.index("H2")

    page.locator(".path-toc a", has_text="La Descente de croix").click()
    expect(page).to_have_url(re.compile(r"#step-4$"))
    expect(page.locator("#step-4 h3")).to_be_in_viewport()
    top, height = page.evaluate(
        "[document.getElementById('step-4').getBoundingClientRect().top, window.innerHeight]"
    )
    assert 0 <= top < height, "the step scrolled into view"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize("target", ["index", "path"])
def test_axe_finds_no_violation(live_server, paths, new_page, check_accessibility, target):
    index, family, _lovers = paths
    url = {"index": index.url, "path": family.url}[target]
    for viewport in ("desktop", "mobile"):
        page = new_page(viewport=viewport)
        page.goto(live_server.url + url)
        check_accessibility(page, f"{target} {viewport}")


def test_a_bad_filter_is_announced_next_to_its_field(
    live_server, paths, new_page, check_accessibility
):
    index, _family, _lovers = paths
    page = new_page()  # axe-core needs JavaScript; the form itself does not
    page.goto(live_server.url + index.url + "?audience=pirates")
    field = page.locator("#id_audience")
    assert field.get_attribute("aria-invalid") == "true"
    error = page.locator("#" + field.get_attribute("aria-describedby"))
    assert "pirates" in error.inner_text()
    check_accessibility(page, "filter error")
