"""Absolute links (canonical, hreflang, Open Graph, sitemap, feeds, JSON-LD) name the host
the site is really served at: the Wagtail Site's when it names the request's host, the
request's own when the default Site answers for a host it does not name (``localhost``)."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from wagtail.models import Locale, Site

from musenor.pages.news.factories import make_news, make_news_index

pytestmark = pytest.mark.django_db

HOST = "musees.example.org"


@pytest.fixture
def placeholder_site(home):
    """The default Site as the demo leaves it: ``localhost``, port 80."""
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    Site.clear_site_root_paths_cache()


def english(page):
    locale, _ = Locale.objects.get_or_create(language_code="en")
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    return translated


def head_links(html):
    return {
        "canonical": re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1),
        "og:url": re.search(r'<meta property="og:url" content="([^"]+)"', html).group(1),
        "hreflang": dict(
            re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)"', html)
        ),
    }


def test_page_head_links_use_the_request_host_not_localhost(placeholder_site, directory):
    english(directory)
    html = Client(HTTP_HOST=HOST).get("/musees/").content.decode()
    assert "localhost" not in html
    links = head_links(html)
    assert links["canonical"] == f"http://{HOST}/musees/"
    assert links["og:url"] == f"http://{HOST}/musees/"
    assert links["hreflang"] == {"fr": f"http://{HOST}/musees/", "en": f"http://{HOST}/en/musees/"}


def test_a_site_that_names_its_host_keeps_its_own_root_url(home, directory):
    Site.objects.filter(is_default_site=True).update(hostname=HOST, port=443)
    Site.clear_site_root_paths_cache()
    html = Client(HTTP_HOST=HOST).get("/musees/").content.decode()
    assert head_links(html)["canonical"] == f"https://{HOST}/musees/"


def test_sitemap_and_robots_use_the_request_host(placeholder_site, directory):
    client = Client(HTTP_HOST=HOST)
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: http://{HOST}/sitemap.xml" in robots
    sitemap = ET.fromstring(client.get("/sitemap-pages.xml").content)
    locations = [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert f"http://{HOST}/musees/" in locations
    assert all(location.startswith(f"http://{HOST}/") for location in locations), locations


def test_feeds_and_json_ld_use_the_request_host(placeholder_site, home):
    index = make_news_index(home)
    news = make_news(index, title="Nuit des musées")
    client = Client(HTTP_HOST=HOST)
    rss = ET.fromstring(client.get(f"{index.url}rss/").content)
    assert rss.findtext("channel/link") == f"http://{HOST}{index.url}"
    assert rss.findtext("channel/item/link") == f"http://{HOST}{news.url}"
    html = client.get(news.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.+?)</script>', html).group(1)
    )
    assert data["url"] == f"http://{HOST}{news.url}"
    assert data["publisher"]["url"] == f"http://{HOST}/"
