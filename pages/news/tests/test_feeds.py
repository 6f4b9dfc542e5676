"""RSS 2.0 and Atom feeds of the news, validated by parsing them."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from email.utils import parsedate_to_datetime

import pytest

from musenor.pages.news.factories import make_news
from musenor.pages.news.models import NewsIndexPage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def news(news_index):
    return [
        make_news(
            news_index,
            title="Le portail est en ligne",
            date=date(2026, 11, 16),
            intro="Un seul site pour les quatre-vingt-dix musées & leurs publics.",
            author="Claire Vasseur",
            tags=["vie du réseau", "numérique"],
        ),
        make_news(
            news_index,
            title="Journées du patrimoine",
            date=date(2026, 9, 8),
            tags=["patrimoine", "vie du réseau"],
        ),
        make_news(news_index, title="Brouillon", tags=["vie du réseau"], publish=False),
    ]


def get_xml(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)


def test_rss_lists_live_news_newest_first(client, news_index, news):
    channel = get_xml(client, f"{news_index.url}rss/", "application/rss+xml").find("channel")
    assert channel.findtext("title") == "Actualités · Musenor"
    assert channel.findtext("link") == news_index.get_full_url()
    assert channel.findtext("language") == "fr"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Le portail est en ligne",
        "Journées du patrimoine",
    ]
    first = items[0]
    assert first.findtext("link") == news[0].get_full_url()
    # The description is HTML (feed readers render it): the plain intro, escaped.
    assert first.findtext("description") == (
        "<p>Un seul site pour les quatre-vingt-dix musées &amp; leurs publics.</p>"
    )
    assert first.findtext(f"{DC}creator") == "Claire Vasseur"
    assert sorted(c.text for c in first.findall("category")) == ["numérique", "vie du réseau"]
    published = parsedate_to_datetime(items[1].findtext("pubDate"))
    assert published.date() in {date(2026, 9, 8), date(2026, 9, 7)}  # midnight in Paris, UTC
    assert published.utcoffset() is not None


def test_atom_lists_live_news_with_authors_and_dates(client, news_index, news):
    feed = get_xml(client, f"{news_index.url}atom/", "application/atom+xml")
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "Actualités · Musenor"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Le portail est en ligne",
        "Journées du patrimoine",
    ]
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Claire Vasseur"
    assert entries[1].find(f"{ATOM}author") is None
    assert entries[1].findtext(f"{ATOM}published").startswith(("2026-09-08", "2026-09-07"))
    assert entries[0].find(f"{ATOM}link").get("href") == news[0].get_full_url()
    assert {c.get("term") for c in entries[1].findall(f"{ATOM}category")} == {
        "patrimoine",
        "vie du réseau",
    }


@pytest.mark.parametrize(
    ("feed", "content_type"), [("rss", "application/rss+xml"), ("atom", "application/atom+xml")]
)
def test_feeds_by_keyword_keep_accents(client, news_index, news, feed, content_type):
    root = get_xml(client, f"{news_index.url}tags/patrimoine/{feed}/", content_type)
    if feed == "rss":
        titles = [item.findtext("title") for item in root.find("channel").findall("item")]
        assert root.find("channel").findtext("title") == "Actualités · patrimoine · Musenor"
    else:
        titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert titles == ["Journées du patrimoine"]

    root = get_xml(client, f"{news_index.url}tags/vie-du-réseau/{feed}/", content_type)
    if feed == "rss":
        link = root.find("channel").findtext("link")
        assert link == f"{news_index.get_full_url()}?tag=vie-du-r%C3%A9seau"
    count = (
        len(root.find("channel").findall("item"))
        if feed == "rss"
        else len(root.findall(f"{ATOM}entry"))
    )
    assert count == 2


def test_a_feed_of_an_unknown_keyword_is_not_found(client, news_index, news):
    assert client.get(f"{news_index.url}tags/inconnu/rss/").status_code == 404
    assert client.get(f"{news_index.url}tags/inconnu/atom/").status_code == 404


def test_feeds_hold_the_latest_items_only(client, news_index, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "feed_size", 3)
    for n in range(5):
        make_news(news_index, title=f"Info {n}", date=date(2026, 1, 1) + timedelta(days=n))
    channel = get_xml(client, f"{news_index.url}rss/", "application/rss+xml").find("channel")
    assert [item.findtext("title") for item in channel.findall("item")] == [
        "Info 4",
        "Info 3",
        "Info 2",
    ]


def test_feed_routes_are_not_pages_of_their_own(client, news_index, news):
    assert client.get(f"{news_index.url}rss/extra/").status_code == 404
    assert client.get(f"{news_index.url}tags/").status_code == 404


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feed_entries_escape_the_summary_that_readers_render_as_html(client, news_index, feed):
    make_news(news_index, title="Info", intro='<img src=x onerror="alert(1)"> & <b>co</b>')
    root = get_xml(client, f"{news_index.url}{feed}/", "application/")
    if feed == "rss":
        html = root.find("channel").find("item").findtext("description")
    else:
        summary = root.find(f"{ATOM}entry").find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        html = summary.text
    assert (
        html == "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &lt;b&gt;co&lt;/b&gt;</p>"
    )


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_a_control_character_typed_by_an_editor_does_not_break_the_feed(client, news_index, feed):
    make_news(news_index, title="Info\x01 du jour", intro="Texte\x0b collé", tags=["a\x02b"])
    root = get_xml(client, f"{news_index.url}{feed}/", "application/")
    texts = [element.text for element in root.iter()]
    assert "Info du jour" in texts
    assert "<p>Texte collé</p>" in texts
