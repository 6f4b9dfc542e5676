"""The XML sitemap and robots.txt: every live public page, in every language, and nothing else."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from musenor.pages.museums.factories import make_museum
from musenor.pages.news.factories import make_news, make_news_index
from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", namespaces=NS)
        }
        for url in root.findall("sm:url", namespaces=NS)
    }


def translate(page, code):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    return translated.specific_class.objects.get(pk=translated.pk)


@pytest.fixture
def tree(home, directory):
    museum = make_museum(directory, title="Musée de Picardie", city="Amiens")
    index = make_news_index(home)
    news = make_news(index, title="Le portail est en ligne", tags=["portail"])
    draft = make_news(index, title="Brouillon", publish=False)
    private = StandardPage(title="Réservé", slug="reserve")
    home.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    english_home = translate(home, "en")
    english_directory = translate(directory, "en")
    return {
        "home": home,
        "directory": directory,
        "museum": museum,
        "index": index,
        "news": news,
        "draft": draft,
        "private": private,
        "english_home": english_home,
        "english_directory": english_directory,
    }


def test_sitemap_lists_every_live_public_page_in_every_language(client, tree):
    urls = read_sitemap(client)
    expected = {
        tree[name].get_full_url()
        for name in (
            "home",
            "directory",
            "museum",
            "index",
            "news",
            "english_home",
            "english_directory",
        )
    }
    assert set(urls) == expected
    assert "http://localhost/en/" in urls
    assert "http://localhost/en/musees/" in urls


def test_sitemap_leaves_out_drafts_private_pages_and_routes(client, tree):
    urls = read_sitemap(client)
    assert tree["draft"].get_full_url() not in urls
    assert tree["private"].get_full_url() not in urls
    for url in urls:
        assert not url.endswith(("/rss/", "/atom/", "/ical/", ".ics")), url
        assert "/tags/" not in url


def test_sitemap_links_translations_with_hreflang(client, tree):
    urls = read_sitemap(client)
    alternates = {
        "fr": "http://localhost/musees/",
        "en": "http://localhost/en/musees/",
        "x-default": "http://localhost/musees/",
    }
    assert urls["http://localhost/musees/"] == alternates
    assert urls["http://localhost/en/musees/"] == alternates
    # A page that exists in one language has no alternates.
    assert urls[tree["news"].get_full_url()] == {}


def test_sitemap_does_not_depend_on_the_active_language(client, tree):
    french = read_sitemap(client)
    with translation.override("en"):
        english = read_sitemap(client)
    assert set(french) == set(english)
    assert set(client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en").content.split()) == set(
        client.get("/sitemap.xml").content.split()
    )


def test_an_unpublished_translation_tree_is_left_out(client, tree):
    tree["english_home"].unpublish()
    urls = read_sitemap(client)
    assert not [url for url in urls if "/en/" in url]


def test_robots_txt_points_to_the_sitemap_and_keeps_robots_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    disallowed = {line.split(": ", 1)[1] for line in lines if line.startswith("Disallow: ")}
    assert disallowed == {
        "/admin/",
        "/django-admin/",
        "/recherche/",
        "/en/recherche/",
        "/nl/recherche/",
    }
    # The public site stays open to robots.
    assert "Disallow: /" not in lines


def test_robots_txt_refuses_other_methods(client):
    assert client.post("/robots.txt").status_code == 405
