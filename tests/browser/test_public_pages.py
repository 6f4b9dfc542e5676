"""The public site in a real browser: rendering, keyboard use, filters, map, accessibility."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# A 1×1 transparent PNG: Leaflet asks the same data: URL for every tile.
TILE_PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
# The discard port of the loopback address: nothing listens, every tile fails.
UNREACHABLE_TILES = "http://127.0.0.1:9/{z}/{x}/{y}.png"


def listed_museums(page):
    return sorted(page.locator(".museum-list .card h3 a").all_inner_texts())


def titles_where(museums, *, department=None, theme=None, city=None):
    """The titles of the museums that the directory should list for these filters."""
    return sorted(
        title
        for title, museum in museums.items()
        if (department is None or museum.department == department)
        and (theme is None or theme in {t.name for t in museum.themes.all()})
        and (city is None or museum.city == city)
    )


def submit_filters(page):
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()


# --- Home page --------------------------------------------------------------


def test_home_page_renders_in_french(live_server, home, page):
    page.goto(live_server.url + "/")

    assert page.locator("html").get_attribute("lang") == "fr"
    # The site's name once, then what it is about.
    assert page.title() == "Musenor · Musées des Hauts-de-France"
    assert page.locator("main h1").inner_text() == "Musenor"
    assert "Hauts-de-France" in page.locator("main .lead").inner_text()
    # One banner, one main, one footer: the landmarks screen readers jump between.
    assert page.locator("header.site-header").count() == 1
    assert page.locator("main#main").count() == 1
    assert page.locator("footer.site-footer").count() == 1
    assert page.get_by_role("search").count() == 1


def test_skip_link_moves_focus_to_main(live_server, home, page):
    page.goto(live_server.url + "/")
    skip = page.locator("a.skip-link")
    box = skip.bounding_box()
    assert box["y"] + box["height"] <= 0, "the skip link is off screen until focused"

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "the focused skip link is visible"

    page.keyboard.press("Enter")
    # The fragment navigation is reported asynchronously: wait for its state.
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab goes on from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate(
        """() => {
            const main = document.querySelector("main");
            const active = document.activeElement;
            return main.contains(active)
                || Boolean(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )


def test_focus_is_always_visible(live_server, museum, page):
    """Tabbing through a page, every focused element shows an outline."""
    page.goto(live_server.url + museum.url)
    focused = []
    for _ in range(40):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                return {
                    element: el.outerHTML.slice(0, 80),
                    style: style.outlineStyle,
                    width: parseFloat(style.outlineWidth),
                };
            }"""
        )
        if state is None or state in focused:
            break
        focused.append(state)
    assert len(focused) > 5, "the page has links and fields to reach"
    invisible = [f["element"] for f in focused if f["style"] == "none" or f["width"] < 2]
    assert not invisible, f"focused without a visible outline: {invisible}"


# --- Museum directory -------------------------------------------------------


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_directory_filters(live_server, directory, museums, new_page, settings, javascript):
    settings.MUSENOR_MAP_TILES_URL = TILE_PNG
    page = new_page(javascript=javascript)
    page.goto(live_server.url + directory.url)

    assert page.locator("main h1").inner_text() == directory.title
    assert listed_museums(page) == titles_where(museums)
    assert len(listed_museums(page)) == 12
    assert page.locator(".result-count").inner_text().startswith("12 ")
    for name in ("q", "department", "theme", "city"):
        field = page.locator(f"form.filters [name={name}]")
        assert field.count() == 1
        # Every field has a visible label tied to it.
        label = page.locator(f"form.filters label[for='{field.get_attribute('id')}']")
        assert label.is_visible()
    if not javascript:
        # Without JavaScript the map stays hidden and the list is all there is.
        assert page.locator("[data-map]").is_hidden()

    # Département.
    page.select_option("form.filters [name=department]", "62")
    submit_filters(page)
    assert parse_qs(urlsplit(page.url).query)["department"] == ["62"]
    assert listed_museums(page) == titles_where(museums, department="62")
    assert page.locator("form.filters [name=department]").input_value() == "62"
    assert page.locator(".result-count").inner_text().startswith("4 ")

    # Département and theme together.
    page.select_option("form.filters [name=department]", "59")
    page.select_option("form.filters [name=theme]", "beaux-arts")
    submit_filters(page)
    assert listed_museums(page) == titles_where(museums, department="59", theme="Beaux-arts")
    assert len(listed_museums(page)) == 3

    # Clearing the filters brings every museum back.
    with page.expect_navigation():
        page.locator("form.filters .actions a").click()
    assert urlsplit(page.url).query == ""
    assert len(listed_museums(page)) == 12

    # City.
    page.select_option("form.filters [name=city]", "Lens")
    submit_filters(page)
    assert listed_museums(page) == titles_where(museums, city="Lens")

    # Free text, on the name and on the city, in any case.
    page.select_option("form.filters [name=city]", "")
    page.fill("form.filters [name=q]", "picardie")
    submit_filters(page)
    assert listed_museums(page) == ["Musée de Picardie"]
    page.fill("form.filters [name=q]", "AMIENS")
    submit_filters(page)
    assert listed_museums(page) == titles_where(museums, city="Amiens")

    # Nothing matches: a message and a way back.
    page.fill("form.filters [name=q]", "zzzz")
    submit_filters(page)
    assert listed_museums(page) == []
    assert page.locator(".result-count").inner_text().startswith("0 ")
    with page.expect_navigation():
        page.locator("main p a", has_text=re.compile(".")).last.click()
    assert len(listed_museums(page)) == 12


def test_directory_pages_keep_the_filters(
    live_server, directory, museums, page, monkeypatch, check_accessibility
):
    from musenor.pages.museums.models import MuseumIndexPage

    monkeypatch.setattr(MuseumIndexPage, "per_page", 3)
    page.goto(live_server.url + directory.url + "?department=59")
    expected = titles_where(museums, department="59")  # five museums: two pages
    seen = listed_museums(page)
    assert len(seen) == 3
    assert page.locator("nav.pagination [aria-current=page]").inner_text() == "1"
    check_accessibility(page, "paginated")

    with page.expect_navigation():
        page.locator("nav.pagination a[rel=next]").click()
    assert parse_qs(urlsplit(page.url).query) == {"department": ["59"], "page": ["2"]}
    seen += listed_museums(page)
    assert sorted(seen) == expected
    assert page.locator("nav.pagination a[rel=next]").count() == 0
    assert page.locator("nav.pagination a[rel=prev]").count() == 1


def test_directory_without_map_setting_has_no_map(live_server, directory, museums, page):
    page.goto(live_server.url + directory.url)
    assert page.locator("[data-map]").count() == 0
    assert page.locator("script[src*=leaflet]").count() == 0
    assert len(listed_museums(page)) == 12


# --- Museum page ------------------------------------------------------------


def test_museum_page_shows_hours_and_practical_information(live_server, museums, museum, page):
    page.goto(live_server.url + museum.url)

    assert page.title() == "Musée de l'Hospice Comtesse · Musenor"
    assert page.locator("main h1").inner_text() == "Musée de l'Hospice Comtesse"
    assert "Lille" in page.locator(".page-header .meta").inner_text()
    assert page.locator(".page-header .label-mdf").count() == 1
    crumbs = page.locator("nav.breadcrumbs a")
    assert crumbs.all_inner_texts()[-1] == "Les musées"
    assert page.locator("nav.breadcrumbs [aria-current=page]").inner_text() == museum.title

    practical = page.locator("aside.practical")
    address = practical.locator("address").inner_text()
    assert "32 rue de la Monnaie" in address
    assert "59800 Lille" in address

    rows = practical.locator("table.hours tbody tr")
    assert rows.count() == 7
    cells = practical.locator("table.hours tbody td").all_inner_texts()
    assert cells[0] == "10:00–18:00"  # Monday
    assert not re.search(r"\d", cells[1])  # Tuesday: closed
    assert cells[5] == "10:00–18:00, 19:00–21:00"  # Saturday: two slots, in order
    assert all(h.strip() for h in practical.locator("table.hours th").all_inner_texts())
    assert "25 décembre" in practical.inner_text()

    assert practical.locator("h3 + ul li").first.is_visible()
    assert practical.locator("a[href='tel:+33328368400']").count() == 1
    assert practical.locator("a[href='mailto:hospice@example.org']").count() == 1
    assert practical.locator("a[href='https://example.org/hospice-comtesse']").count() == 1

    # A theme leads back to the directory, filtered on it.
    with page.expect_navigation():
        practical.locator(".tags a", has_text="Histoire").click()
    assert page.locator("form.filters [name=theme]").input_value() == "histoire"
    expected = sorted([*titles_where(museums, theme="Histoire"), museum.title])
    assert listed_museums(page) == expected


# --- Map ----------------------------------------------------------------------


def test_map_shows_one_marker_per_museum(live_server, directory, museums, page, settings):
    settings.MUSENOR_MAP_TILES_URL = TILE_PNG
    page.goto(live_server.url + directory.url)

    section = page.locator("section[data-map-ready]")
    section.wait_for(state="visible")
    assert page.locator("#museum-map .leaflet-tile-loaded").count() > 0
    assert page.locator(".leaflet-marker-icon").count() == len(museums)
    assert sorted(
        page.locator(".leaflet-marker-icon").evaluate_all("els => els.map(e => e.alt)")
    ) == titles_where(museums)
    page.wait_for_timeout(300)
    assert section.get_attribute("data-map-failed") is None
    assert section.is_visible()

    # A marker is a button: from the keyboard it opens a popup that links to the museum.
    page.locator(".leaflet-marker-icon[alt='Forum antique de Bavay']").focus()
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content a")
    assert link.inner_text() == "Forum antique de Bavay"
    assert link.get_attribute("href") == museums["Forum antique de Bavay"].url

    # The map shows the filtered museums only.
    page.select_option("form.filters [name=department]", "80")
    submit_filters(page)
    page.locator("section[data-map-ready]").wait_for(state="visible")
    assert page.locator(".leaflet-marker-icon").count() == len(
        titles_where(museums, department="80")
    )


def test_map_hides_itself_when_tiles_are_unreachable(
    live_server, directory, museums, page, settings
):
    settings.MUSENOR_MAP_TILES_URL = UNREACHABLE_TILES
    page.goto(live_server.url + directory.url)

    page.locator("section[data-map-failed]").wait_for(state="attached")
    assert page.locator("[data-map]").is_hidden()
    assert page.locator("#museum-map .leaflet-marker-icon").count() == 0
    assert listed_museums(page) == titles_where(museums)
    assert page.locator(".museum-list").is_visible()


# --- Accessibility and looks -------------------------------------------------

VIEWPORT_NAMES = ["desktop", "mobile"]


@pytest.fixture
def public_page(request, live_server, new_page, settings):
    """Open one of the site's public pages, fully rendered (the map drawn where there is one).

    Only the data the page shows is created: the home page needs no museum.
    """
    home = request.getfixturevalue("home")
    if target_needs_museums := request.node.callspec.params["target"] != "home":
        request.getfixturevalue("museums")
        museum = request.getfixturevalue("museum")
    directory = request.getfixturevalue("directory")
    urls = {"home": home.url, "directory": directory.url, "search": "/recherche/?q=Lille"}
    if target_needs_museums:
        urls.update({"directory-map": directory.url, "museum": museum.url})

    def open_public_page(target, viewport):
        with_map = target == "directory-map"
        settings.MUSENOR_MAP_TILES_URL = TILE_PNG if with_map else ""
        page = new_page(viewport=viewport)
        page.goto(live_server.url + urls[target])
        if with_map:
            page.locator("section[data-map-ready]").wait_for(state="visible")
        if target == "search":
            assert page.locator(".search-results li").count() > 0, "the search found pages"
        return page

    return open_public_page


@pytest.mark.parametrize("target", ["home", "directory", "directory-map", "museum", "search"])
def test_axe_finds_no_violation(public_page, check_accessibility, target):
    for viewport in VIEWPORT_NAMES:
        results = check_accessibility(public_page(target, viewport), viewport)
        assert results["testEngine"]["name"] == "axe-core"
        assert results["passes"], "axe-core checked the page"


@pytest.mark.parametrize("target", ["home", "directory-map", "museum", "search"])
def test_screenshots(public_page, artifacts_dir, target):
    for viewport in VIEWPORT_NAMES:
        page = public_page(target, viewport)
        path = artifacts_dir / f"{target.removesuffix('-map')}-{viewport}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 0
        # Nothing sticks out sideways: no horizontal scrolling at any width.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the {viewport} {target} page scrolls sideways by {overflow}px"
