"""Exhibitions and network operations in a real browser: accessibility, filters without JS."""

from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = ["desktop", "mobile"]


@pytest.fixture
def programme(home, museums):
    """MuséoSciences with three museums, and exhibitions of every status."""
    from django.utils import timezone

    from musenor.pages.exhibitions.choices import ExhibitionKind
    from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
    from musenor.pages.operations.factories import make_operation, make_operation_index

    today = timezone.localdate()
    picardie = museums["Musée de Picardie"]
    historial = museums["Historial de la Grande Guerre"]
    lille = museums["Palais des Beaux-Arts"]
    operations = make_operation_index(
        home, intro="Depuis 1972, les musées du réseau montent ensemble des opérations."
    )
    operation = make_operation(
        operations,
        title="MuséoSciences",
        museums=[picardie, historial, lille],
        intro="Les sciences éclairent les collections des musées.",
    )
    make_operation(operations, title="Musées et Reconstructions", start_year=2023, end_year=None)
    index = make_exhibition_index(home, intro="Les expositions des musées du réseau.")
    pages = {
        "current": make_exhibition(
            index,
            title="Regarder les nuages",
            museums=[lille],
            operation=operation,
            summary="Des ciels de la peinture ancienne aux relevés des météorologues.",
            start_date=today - timedelta(days=20),
            end_date=today + timedelta(days=60),
            tags=["nuages", "paysage"],
            body=[("text", "<p>Visites guidées le dimanche à 15 h.</p>")],
        ),
        "permanent": make_exhibition(
            index,
            title="Le cabinet de curiosités",
            museums=[picardie],
            operation=operation,
            kind=ExhibitionKind.PERMANENT,
            start_date=date(2020, 6, 1),
            end_date=None,
        ),
        "upcoming": make_exhibition(
            index,
            title="Saint-Quentin, des ruines à la ville Art déco",
            venue="Médiathèque Guy de Maupassant, Saint-Quentin",
            start_date=today + timedelta(days=80),
            end_date=today + timedelta(days=200),
        ),
        "past": make_exhibition(
            index,
            title="La médecine de guerre en 1914-1918",
            museums=[historial],
            operation=operation,
            kind=ExhibitionKind.VIRTUAL,
            start_date=date(2020, 3, 1),
            end_date=date(2021, 3, 31),
        ),
    }
    return {"index": index, "operations": operations, "operation": operation, **pages}


def section_titles(page, section):
    return page.locator(f"section[aria-labelledby='{section}-title'] .card h3 a").all_inner_texts()


@pytest.mark.parametrize("target", ["index", "current", "operations", "operation"])
def test_axe_finds_no_violation(live_server, programme, new_page, check_accessibility, target):
    for viewport in VIEWPORTS:
        page = new_page(viewport=viewport)
        page.goto(live_server.url + programme[target].url)
        assert page.locator("main h1").inner_text() == programme[target].title
        check_accessibility(page, f"{target}, {viewport}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the {viewport} {target} page scrolls sideways by {overflow}px"


def test_index_sections_and_filters_without_javascript(live_server, programme, new_page):
    page = new_page(javascript=False)
    page.goto(live_server.url + programme["index"].url)
    assert section_titles(page, "current") == ["Regarder les nuages", "Le cabinet de curiosités"]
    assert section_titles(page, "upcoming") == ["Saint-Quentin, des ruines à la ville Art déco"]
    assert section_titles(page, "past") == ["La médecine de guerre en 1914-1918"]
    for name in ("museum", "department", "operation", "kind"):
        field = page.locator(f"form.filters [name={name}]")
        label = page.locator(f"form.filters label[for='{field.get_attribute('id')}']")
        assert label.is_visible()

    page.select_option("form.filters [name=department]", "80")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert parse_qs(urlsplit(page.url).query)["department"] == ["80"]
    assert section_titles(page, "current") == ["Le cabinet de curiosités"]
    assert section_titles(page, "upcoming") == []
    assert section_titles(page, "past") == ["La médecine de guerre en 1914-1918"]
    # The calendar and the feeds follow the filters.
    ical = page.locator(".subscribe a[type='text/calendar']").get_attribute("href")
    assert ical.endswith("ical/?department=80")
    response = page.request.get(live_server.url + ical)
    assert response.headers["content-type"].startswith("text/calendar")
    assert response.text().startswith("BEGIN:VCALENDAR")
    # A permanent display is no calendar event (it would show as one day).
    assert "Le cabinet de curiosités" not in response.text()
    assert "Regarder les nuages" not in response.text()

    with page.expect_navigation():
        page.locator("form.filters .actions a").click()
    page.select_option("form.filters [name=operation]", "museosciences")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert section_titles(page, "upcoming") == []
    assert len(section_titles(page, "current")) == 2


def test_exhibition_page_without_javascript(live_server, programme, new_page):
    page = new_page(javascript=False)
    exhibition = programme["current"]
    page.goto(live_server.url + exhibition.url)
    assert page.locator("main time").first.get_attribute("datetime") == (
        exhibition.start_date.isoformat()
    )
    aside = page.locator("aside.practical")
    assert aside.get_by_role("link", name="Palais des Beaux-Arts").is_visible()
    assert aside.get_by_role("link", name="MuséoSciences").is_visible()
    href = aside.locator("a[type='text/calendar']").get_attribute("href")
    response = page.request.get(live_server.url + href)
    assert response.ok
    assert "BEGIN:VEVENT" in response.text()
    with page.expect_navigation():
        aside.get_by_role("link", name="MuséoSciences").click()
    assert page.locator("main h1").inner_text() == "MuséoSciences"
    museums = page.locator(".museum-names li a").all_inner_texts()
    assert museums == [
        "Historial de la Grande Guerre",
        "Musée de Picardie",
        "Palais des Beaux-Arts",
    ]
    assert page.locator("section[aria-labelledby='past-title'] .card h3").all_inner_texts() == [
        "La médecine de guerre en 1914-1918"
    ]
