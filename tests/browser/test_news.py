"""News and landing pages in a real browser: accessibility, keywords and feeds without JS."""

import io
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = ["desktop", "mobile"]


def make_image(title, description):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    from musenor.site.models import PortalImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (138, 28, 50)).save(buffer, "PNG")
    return PortalImage.objects.create(
        title=title, description=description, file=ImageFile(buffer, name=f"{title}.png")
    )


@pytest.fixture
def newsroom(home, museums):
    from musenor.pages.news.factories import make_news, make_news_index
    from musenor.pages.standard.models import LandingPage

    index = make_news_index(home, intro="La vie du réseau Musenor.")
    pages = {
        "portal": make_news(
            index,
            title="Le nouveau portail Musenor est en ligne",
            date=date(2026, 11, 16),
            author="Claire Vasseur, chargée de communication",
            intro="Un seul site pour les musées du réseau.",
            image=make_image("portail", "La page d'accueil du portail sur un écran"),
            tags=["vie du réseau", "numérique"],
            body=[
                ("heading", {"text": "Ce qui change pour le public", "level": "h2"}),
                ("text", "<p>Chaque musée dispose désormais de sa page.</p>"),
            ],
        ),
        "jep": make_news(
            index,
            title="Journées européennes du patrimoine",
            date=date(2026, 9, 8),
            intro="Les musées ouvrent leurs réserves.",
            tags=["patrimoine", "rendez-vous"],
            museums=[museums["Musée de Picardie"], museums["Historial de la Grande Guerre"]],
        ),
        "call": make_news(
            index,
            title="Musées et Reconstructions : l'appel est ouvert",
            date=date(2026, 10, 5),
            tags=["patrimoine", "appel à participation"],
        ),
    }
    landing = LandingPage(
        title="Musées et Reconstructions 2027",
        slug="musees-et-reconstructions-2027",
        hero_title="Racontez la reconstruction de votre ville",
        hero_text="Déposez votre projet avant le 31 janvier 2027.",
        hero_image=make_image("arras", "La Grand-Place d'Arras reconstruite"),
        cta_text="Lire l'appel à participation",
        cta_page=pages["call"],
        body=[
            ("heading", {"text": "Une opération du réseau", "level": "h2"}),
            ("text", "<p>Arras, Saint-Quentin, Albert : les villes se sont relevées.</p>"),
        ],
    )
    home.add_child(instance=landing)
    landing.save_revision().publish()
    return {"index": index, "landing": landing, **pages}


@pytest.mark.parametrize("target", ["index", "portal", "jep", "landing"])
def test_axe_finds_no_violation(live_server, newsroom, new_page, check_accessibility, target):
    for viewport in VIEWPORTS:
        page = new_page(viewport=viewport)
        page.goto(live_server.url + newsroom[target].url)
        assert page.locator("main h1").count() == 1
        check_accessibility(page, f"{target}, {viewport}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the {viewport} {target} page scrolls sideways by {overflow}px"


def card_titles(page):
    return page.locator(".news-list .card h3 a").all_inner_texts()


def test_index_filters_by_keyword_and_follows_feeds_without_javascript(
    live_server, newsroom, new_page
):
    page = new_page(javascript=False)
    page.goto(live_server.url + newsroom["index"].url)
    assert card_titles(page) == [
        "Le nouveau portail Musenor est en ligne",
        "Musées et Reconstructions : l'appel est ouvert",
        "Journées européennes du patrimoine",
    ]
    with page.expect_navigation():
        page.locator("nav.tag-filter a", has_text="patrimoine").click()
    assert parse_qs(urlsplit(page.url).query)["tag"] == ["patrimoine"]
    assert card_titles(page) == [
        "Musées et Reconstructions : l'appel est ouvert",
        "Journées européennes du patrimoine",
    ]
    current = page.locator("nav.tag-filter a[aria-current]")
    assert "patrimoine" in current.inner_text()
    # The feed announced in the head follows the keyword, and parses.
    rss = page.locator("link[rel=alternate][type='application/rss+xml']").get_attribute("href")
    assert rss.endswith("tags/patrimoine/rss/")
    response = page.request.get(live_server.url + rss)
    assert response.headers["content-type"].startswith("application/rss+xml")
    assert "Journées européennes du patrimoine" in response.text()
    assert "Le nouveau portail" not in response.text()

    with page.expect_navigation():
        page.locator("nav.tag-filter a").first.click()
    assert len(card_titles(page)) == 3


def test_news_page_without_javascript(live_server, newsroom, new_page):
    page = new_page(javascript=False)
    news = newsroom["jep"]
    page.goto(live_server.url + news.url)
    assert page.locator("main time").first.get_attribute("datetime") == "2026-09-08"
    museums = page.locator(".news-footer .places a").all_inner_texts()
    assert museums == ["Historial de la Grande Guerre", "Musée de Picardie"]
    with page.expect_navigation():
        page.locator(".news-footer .tags a", has_text="rendez-vous").click()
    assert card_titles(page) == ["Journées européennes du patrimoine"]


def test_landing_page_call_to_action_without_javascript(live_server, newsroom, new_page):
    page = new_page(javascript=False)
    page.goto(live_server.url + newsroom["landing"].url)
    assert page.locator("main h1").inner_text() == "Racontez la reconstruction de votre ville"
    assert page.locator(".landing-hero img").get_attribute("alt") == (
        "La Grand-Place d'Arras reconstruite"
    )
    with page.expect_navigation():
        page.get_by_role("link", name="Lire l'appel à participation").click()
    assert page.locator("main h1").inner_text() == "Musées et Reconstructions : l'appel est ouvert"
