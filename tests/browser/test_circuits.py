"""Circuits in a real browser: the itinerary without JavaScript, the map, printing, axe-core."""

import pytest

pytestmark = pytest.mark.browser

# A 1×1 transparent PNG: Leaflet asks the same data: URL for every tile.
TILE_PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
# The discard port of the loopback address: nothing listens, every tile fails.
UNREACHABLE_TILES = "http://127.0.0.1:9/{z}/{x}/{y}.png"
STOPS = ["Louvre-Lens", "Musée de la Mine", "Musée de la Chartreuse"]


@pytest.fixture
def circuit(home, museums):
    """The mining basin in three stops; Louvre-Lens gives its hours, the others none."""
    from datetime import time

    from musenor.pages.circuits.factories import make_circuit, make_circuit_index
    from musenor.pages.museums.models import OpeningHours

    louvre = museums["Louvre-Lens"]
    for day in (0, 2, 3, 4, 5, 6):
        louvre.opening_hours.add(OpeningHours(weekday=day, opens=time(10), closes=time(18)))
    louvre.save_revision().publish()
    index = make_circuit_index(home, title="Circuits")
    return make_circuit(
        index,
        [
            (museums[STOPS[0]], {"note": "La Galerie du temps.", "suggested_minutes": 180}),
            (museums[STOPS[1]], {"note": "La vie des mineurs."}),
            (museums[STOPS[2]], {"note": "Pour finir, les primitifs flamands."}),
        ],
        title="Le bassin minier",
        practical_info="<p>Venez en train jusqu'à Lens.</p>",
    )


def open_circuit(live_server, circuit, new_page, settings, *, tiles="", **options):
    settings.MUSENOR_MAP_TILES_URL = tiles
    page = new_page(**options)
    page.goto(live_server.url + circuit.url)
    return page


def test_the_itinerary_reads_without_javascript(live_server, circuit, new_page, settings):
    page = open_circuit(live_server, circuit, new_page, settings, tiles=TILE_PNG, javascript=False)
    assert page.locator(".circuit-stop h3 a").all_inner_texts() == STOPS
    assert page.locator(".circuit-stop .leg").count() == 2
    assert "≈" in page.locator(".circuit-stop .leg").first.inner_text()
    assert "10:00–18:00" in page.locator("#stop-1 .opening-days").inner_text()
    # Without JavaScript neither the map nor a print button that could not work.
    assert not page.locator("[data-circuit-map]").is_visible()
    assert not page.locator("[data-print]").is_visible()


def test_the_map_numbers_the_stops_and_joins_them(live_server, circuit, new_page, settings):
    page = open_circuit(live_server, circuit, new_page, settings, tiles=TILE_PNG)
    page.locator("section[data-map-ready]").wait_for(state="visible")
    markers = page.locator(".circuit-marker")
    assert markers.all_inner_texts() == ["1", "2", "3"]
    titles = [markers.nth(n).get_attribute("title") for n in range(3)]
    assert titles == [f"{n}. {name}" for n, name in enumerate(STOPS, start=1)]
    assert page.locator(".leaflet-overlay-pane path").count() == 1  # the line between stops
    # A marker opens a popup with a link to the museum.
    markers.nth(1).click()
    assert page.locator(".leaflet-popup-content a").inner_text() == "2. Musée de la Mine"


def test_the_map_hides_itself_when_tiles_are_unreachable(live_server, circuit, new_page, settings):
    page = open_circuit(live_server, circuit, new_page, settings, tiles=UNREACHABLE_TILES)
    page.locator("section[data-map-failed]").wait_for(state="attached")
    assert not page.locator("[data-circuit-map]").is_visible()
    assert page.locator(".circuit-stop").count() == 3


def test_print_button_prints_and_the_printout_keeps_the_itinerary(
    live_server, circuit, new_page, settings
):
    page = open_circuit(live_server, circuit, new_page, settings, tiles=TILE_PNG)
    page.locator("section[data-map-ready]").wait_for(state="visible")
    # (A trailing expression, or Playwright would call the function it evaluates to.)
    page.evaluate("window.__printed = 0; window.print = () => { window.__printed += 1; }; 0")
    button = page.locator("[data-print]")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1

    page.emulate_media(media="print")
    for hidden in ("[data-circuit-map]", "[data-print]", ".main-nav", ".site-footer"):
        assert not page.locator(hidden).is_visible(), hidden
    for kept in (".circuit-stop .leg", ".opening-days", ".stop-note", ".practical"):
        assert page.locator(kept).first.is_visible(), kept
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("target", ["index", "circuit", "circuit-map"])
def test_axe_finds_no_violation(
    live_server, circuit, new_page, settings, check_accessibility, target
):
    for viewport in ("desktop", "mobile"):
        tiles = TILE_PNG if target == "circuit-map" else ""
        settings.MUSENOR_MAP_TILES_URL = tiles
        page = new_page(viewport=viewport)
        url = circuit.get_parent().url if target == "index" else circuit.url
        page.goto(live_server.url + url)
        if tiles:
            page.locator("section[data-map-ready]").wait_for(state="visible")
        check_accessibility(page, f"{target} {viewport}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the {viewport} {target} page scrolls sideways"
