"""No query count of the news, landing pages, feeds or sitemap grows with their content.

Each case renders with little content and with much more; the number of
queries must be the same, and under a fixed ceiling.
"""

import io
from datetime import date, timedelta

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from musenor.pages.museums.factories import make_museum
from musenor.pages.news.factories import make_news, make_news_index
from musenor.pages.standard.models import LandingPage
from musenor.site.models import PortalImage

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm caches that are per process (content types, site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def make_image(n):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (n % 255, 40, 90)).save(buffer, "PNG")
    return PortalImage.objects.create(
        title=f"Image {n}", description=f"Image {n}", file=ImageFile(buffer, name=f"i{n}.png")
    )


def add_news(index, count, start=0, directory=None):
    for n in range(start, start + count):
        museums = [make_museum(directory, title=f"Musée {n}")] if directory else []
        make_news(
            index,
            title=f"Actualité {n}",
            date=date(2026, 1, 1) + timedelta(days=n),
            author="Claire Vasseur",
            intro="Une nouvelle du réseau.",
            image=make_image(n),
            tags=["patrimoine", f"mot {n % 4}", f"mot {n}"],
            museums=museums,
        )


@pytest.mark.parametrize("query", ["", "?tag=patrimoine", "?tag=inconnu", "?page=2"])
def test_news_index_queries_do_not_grow_with_news(client, home, query):
    index = make_news_index(home)
    add_news(index, 13)
    few = count_queries(client, index.url + query)
    add_news(index, 11, start=13)
    many = count_queries(client, index.url + query)
    assert few == many
    assert many <= 19


@pytest.mark.parametrize("feed", ["rss/", "atom/", "tags/patrimoine/rss/", "tags/patrimoine/atom/"])
def test_news_feed_queries_do_not_grow_with_news(client, home, feed):
    index = make_news_index(home)
    add_news(index, 3)
    few = count_queries(client, index.url + feed)
    add_news(index, 20, start=3)
    many = count_queries(client, index.url + feed)
    assert few == many
    assert many <= 12


def test_news_page_queries_do_not_grow_with_keywords_and_museums(client, home, directory):
    index = make_news_index(home)
    page = make_news(
        index,
        title="Appel à participation",
        image=make_image(0),
        tags=["patrimoine"],
        museums=[make_museum(directory)],
    )
    few = count_queries(client, page.url)
    page.tags.add(*[f"mot {n}" for n in range(12)])
    page.related_museums.add(*[make_museum(directory, title=f"Musée {n}") for n in range(8)])
    page.save_revision().publish()
    many = count_queries(client, page.url)
    assert few == many
    assert many <= 19


def test_landing_page_queries_do_not_grow_with_its_body(client, home, directory):
    page = LandingPage(
        title="Campagne",
        slug="campagne",
        hero_text="Participez.",
        hero_image=make_image(0),
        cta_text="Voir les musées",
        cta_page=directory,
        body=[("heading", {"text": "Titre", "level": "h2"})],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    few = count_queries(client, page.url)
    page.body = [("heading", {"text": f"Titre {n}", "level": "h2"}) for n in range(10)] + [
        ("text", f"<p>Paragraphe {n}</p>") for n in range(10)
    ]
    page.save_revision().publish()
    many = count_queries(client, page.url)
    assert few == many
    assert many <= 15


def test_sitemap_queries_do_not_grow_with_pages(client, home, directory):
    index = make_news_index(home)
    add_news(index, 2)
    make_museum(directory, title="Musée")  # every page type is there from the start
    few = count_queries(client, "/sitemap-pages.xml")
    add_news(index, 20, start=2)
    for n in range(10):
        make_museum(directory, title=f"Musée {n}")
    many = count_queries(client, "/sitemap-pages.xml")
    assert few == many
    assert many <= 13
