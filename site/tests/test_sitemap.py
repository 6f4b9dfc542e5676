"""The XML sitemaps and robots.txt: an index of sections, every live public page, in every
language, and nothing else, and the plugins' sections."""

import logging
import xml.etree.ElementTree as ET
from types import ModuleType

import pytest
from django.contrib.sitemaps import Sitemap
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from musenor.pages.museums.factories import make_museum
from musenor.pages.news.factories import make_news, make_news_index
from musenor.pages.standard.models import StandardPage
from musenor.plugins import hookimpl
from musenor.plugins.manager import registered

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def read_sitemap(client, url="/sitemap-pages.xml"):
    response = client.get(url)
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
    assert "http://testserver/en/" in urls
    assert "http://testserver/en/musees/" in urls


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
        "fr": "http://testserver/musees/",
        "en": "http://testserver/en/musees/",
        "x-default": "http://testserver/musees/",
    }
    assert urls["http://testserver/musees/"] == alternates
    assert urls["http://testserver/en/musees/"] == alternates
    # A page that exists in one language has no alternates.
    assert urls[tree["news"].get_full_url()] == {}


def test_sitemap_does_not_depend_on_the_active_language(client, tree):
    french = read_sitemap(client)
    with translation.override("en"):
        english = read_sitemap(client)
    assert set(french) == set(english)
    assert set(client.get("/sitemap-pages.xml", HTTP_ACCEPT_LANGUAGE="en").content.split()) == set(
        client.get("/sitemap-pages.xml").content.split()
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


# --- The index and the plugins' sections ------------------------------------------


def read_index(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", namespaces=NS)]


class RecordSitemap(Sitemap):
    """What a collection plugin would return: many URLs that are not pages."""

    limit = 2

    def items(self):
        return list(range(1, 6))

    def location(self, item):
        return f"/collections/notice/{item}/"


def sitemap_plugin(sections):
    plugin = ModuleType("records")
    plugin.sitemaps = hookimpl(lambda: sections)
    return plugin


def test_the_index_lists_the_pages_section(client, tree):
    assert read_index(client) == ["http://testserver/sitemap-pages.xml"]
    assert tree["home"].get_full_url() in read_sitemap(client)


def test_a_plugin_adds_paginated_sections_to_the_index(client, tree):
    with registered(sitemap_plugin({"records": RecordSitemap}), name="records"):
        assert read_index(client) == [
            "http://testserver/sitemap-pages.xml",
            "http://testserver/sitemap-records.xml",
            "http://testserver/sitemap-records.xml?p=2",
            "http://testserver/sitemap-records.xml?p=3",
        ]
        first = read_sitemap(client, "/sitemap-records.xml")
        last = read_sitemap(client, "/sitemap-records.xml?p=3")
        assert set(first) == {
            "http://testserver/collections/notice/1/",
            "http://testserver/collections/notice/2/",
        }
        assert set(last) == {"http://testserver/collections/notice/5/"}
        assert client.get("/sitemap-records.xml?p=4").status_code == 404
    # Switched off, the section is gone.
    assert client.get("/sitemap-records.xml").status_code == 404
    assert read_index(client) == ["http://testserver/sitemap-pages.xml"]


def test_a_section_name_taken_twice_keeps_the_first(client, tree, caplog):
    plugin = sitemap_plugin({"pages": RecordSitemap})
    with registered(plugin, name="records"), caplog.at_level(logging.ERROR, "musenor.plugins"):
        assert read_index(client) == ["http://testserver/sitemap-pages.xml"]
    assert "already taken" in caplog.text
    assert "/collections/" not in client.get("/sitemap-pages.xml").content.decode()


def test_a_broken_sitemaps_hook_leaves_the_index_served(client, tree, caplog):
    plugin = ModuleType("broken")

    def sitemaps():
        raise RuntimeError("the records database is down")

    plugin.sitemaps = hookimpl(sitemaps)
    with registered(plugin, name="broken"), caplog.at_level(logging.ERROR, "musenor.plugins"):
        assert read_index(client) == ["http://testserver/sitemap-pages.xml"]
    [record] = caplog.records
    assert "broken" in record.getMessage()
    assert "sitemaps" in record.getMessage()
    assert "the records database is down" in record.exc_text


def test_pages_of_a_switched_off_plugin_are_not_listed(client, tree, switched_off_page):
    assert switched_off_page.specific_class is None
    assert switched_off_page.get_full_url() not in read_sitemap(client)
    assert tree["home"].get_full_url() in read_sitemap(client)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_each_section_page_takes_a_bounded_number_of_queries(client, tree, directory):
    count_queries(client, "/sitemap-pages.xml")  # warm the caches (site root paths)
    few = count_queries(client, "/sitemap-pages.xml")
    index = count_queries(client, "/sitemap.xml")
    for number in range(30):
        make_museum(directory, title=f"Musée {number}", city="Lille")
    assert len(read_sitemap(client)) > 30
    # As many queries for 40 pages as for 10: none per page.
    assert count_queries(client, "/sitemap-pages.xml") == few <= 15
    assert count_queries(client, "/sitemap.xml") == index <= 8
