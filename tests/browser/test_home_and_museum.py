"""The home page's sections, a museum page's facts and map, the directory's distance sort,
in Chromium, with axe-core (issue 10)."""

from datetime import timedelta

import pytest

pytestmark = pytest.mark.browser

TILE_PNG = (
    "data:image/png;base64,"
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
VIEWPORTS = ["desktop", "mobile"]


@pytest.fixture
def network(home, museums, museum):
    """A home page composed of its sections, with exhibitions, news and an operation."""
    from django.utils import timezone

    from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
    from musenor.pages.home.demo import SECTIONS
    from musenor.pages.news.factories import make_news, make_news_index
    from musenor.pages.operations.factories import make_operation, make_operation_index
    from musenor.site.demo_images import illustration

    today = timezone.localdate()
    exhibitions = make_exhibition_index(home)
    for n, (title, start, end) in enumerate(
        [("Regarder les nuages", -5, 30), ("Feuille à feuille", 12, 80), ("Terminée", -60, -2)]
    ):
        make_exhibition(
            exhibitions,
            title=title,
            museums=[museum],
            start_date=today + timedelta(days=start),
            end_date=today + timedelta(days=end),
            image=illustration("exhibition", f"e{n}", 1, title),
        )
    news = make_news_index(home)
    for n in range(3):
        make_news(news, title=f"Nouvelle du réseau {n}", date=today - timedelta(days=n),
                  image=illustration("news", f"n{n}", 1, f"Nouvelle {n}"))  # fmt: skip
    operations = make_operation_index(home)
    make_operation(operations, title="MuséoSciences", start_year=today.year, end_year=today.year,
                   image=illustration("exhibition", "op", 1, "MuséoSciences"))  # fmt: skip
    home.body = [(kind, value) for kind, value in SECTIONS if kind != "page_cards"]
    home.hero_image = illustration("museum", "accueil", 1, "Accueil")
    home.save_revision().publish()
    museum.image = illustration("museum", museum.slug, 1, museum.title)
    museum.save_revision().publish()
    warm_renditions("/", museum.url)
    return home


def warm_renditions(*urls):
    """Render the pages once here: encoding AVIF takes longer than a page load may."""
    from django.test import Client

    client = Client()
    for url in urls:
        assert client.get(url).status_code == 200


@pytest.mark.usefixtures("production_picture_formats")
def test_home_page_presents_the_network(live_server, network, new_page, check_accessibility):
    for viewport in VIEWPORTS:
        page = new_page(viewport=viewport)
        page.goto(live_server.url + "/")
        headings = page.locator("main h2").all_inner_texts()
        assert headings[:4] == [
            "À l'affiche",
            "Trouver un musée",
            "Actualités du réseau",
            "L'opération de l'année",
        ]
        cards = page.locator(".home-exhibitions .card h3").all_inner_texts()
        assert cards == ["Regarder les nuages", "Feuille à feuille"]
        # Every picture has its size, lazy loading below the fold, AVIF and WebP sources.
        for img in page.locator("main picture img").all():
            assert img.get_attribute("width") and img.get_attribute("height")
        assert page.locator(".home-news picture img[loading=lazy]").count() == 3
        assert page.locator("main picture source[type='image/avif']").count() >= 5
        check_accessibility(page, viewport)


def test_directory_from_the_home_page_without_javascript(live_server, network, new_page):
    page = new_page(javascript=False)
    page.goto(live_server.url + "/")
    page.fill("#home-directory-q", "Lille")
    with page.expect_navigation():
        page.locator(".home-directory button").click()
    assert "q=Lille" in page.url
    assert "La Piscine" not in page.locator(".museum-list").inner_text()
    # Nearest first from a town the visitor names, still without JavaScript.
    page.fill("#id_q", "")
    page.fill("#id_near", "arras")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    first = page.locator(".museum-list .card h3").first.inner_text()
    assert first == "Musée des Beaux-Arts d'Arras"
    assert "à 0 km de Arras" in page.locator(".museum-list .card").first.inner_text()


def test_museum_page_answers_a_visitors_questions(
    live_server, network, museum, museums, new_page, settings, check_accessibility
):
    settings.MUSENOR_MAP_TILES_URL = TILE_PNG
    for viewport in VIEWPORTS:
        page = new_page(viewport=viewport)
        page.goto(live_server.url + museum.url)
        page.locator(".museum-location[data-map-ready='true']").wait_for(state="visible")
        assert page.locator(".museum-location .leaflet-marker-icon").count() == 1
        exhibitions = page.locator(".museum-exhibitions").inner_text()
        assert "Regarder les nuages" in exhibitions and "Feuille à feuille" in exhibitions
        assert "Terminée" not in exhibitions
        assert (
            page.locator("figure.main-image figcaption")
            .inner_text()
            .startswith("Illustration générée")
        )
        check_accessibility(page, viewport)
    # A museum with nothing known says so.
    bare = museums["Musée de la Mine"]
    page = new_page()
    page.goto(live_server.url + bare.url)
    practical = page.locator(".practical").inner_text()
    assert "Horaires à confirmer auprès du musée." in practical
    assert "Accessibilité à confirmer auprès du musée." in practical
    check_accessibility(page, "bare museum")


def test_directory_sorted_by_distance_is_accessible(
    live_server, network, directory, new_page, settings, check_accessibility
):
    settings.MUSENOR_MAP_TILES_URL = TILE_PNG
    for viewport in VIEWPORTS:
        page = new_page(viewport=viewport)
        page.goto(live_server.url + directory.url + "?near=Amiens")
        page.locator("section[data-map-ready]").wait_for(state="visible")
        assert (
            page.locator(".result-count")
            .inner_text()
            .endswith("les plus proches de Amiens d’abord")
        )
        check_accessibility(page, viewport)
