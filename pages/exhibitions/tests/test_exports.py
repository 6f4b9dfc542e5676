"""iCalendar, RSS and Atom exports, validated by parsing them."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.utils import timezone

from musenor.pages.exhibitions.choices import ExhibitionKind
from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.exhibitions.ical import escape_text, fold
from musenor.pages.exhibitions.tests.ics import params, parse_calendar, value
from musenor.pages.museums.factories import make_museum
from musenor.pages.operations.factories import make_operation, make_operation_index

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def index(home):
    return make_exhibition_index(home)


@pytest.fixture
def exhibitions(home, directory, index):
    today = timezone.localdate()
    cambrai = make_museum(
        directory, title="Musée des Beaux-Arts de Cambrai", city="Cambrai", department="59"
    )
    amiens = make_museum(directory, title="Musée de Picardie", city="Amiens", department="80")
    operation = make_operation(make_operation_index(home), title="MuséoSciences")
    return {
        "current": make_exhibition(
            index,
            title="Regarder les nuages ; ciel, vent, pluie",
            museums=[cambrai],
            operation=operation,
            summary="Des ciels de la peinture ancienne\naux relevés des météorologues.",
            start_date=today - timedelta(days=5),
            end_date=today + timedelta(days=40),
        ),
        "permanent": make_exhibition(
            index,
            title="Le cabinet de curiosités",
            museums=[amiens],
            kind=ExhibitionKind.PERMANENT,
            start_date=date(2020, 6, 1),
            end_date=None,
        ),
        "upcoming": make_exhibition(
            index,
            title="Les dessous de l'" + "é" * 60,
            museums=[amiens],
            start_date=today + timedelta(days=20),
            end_date=today + timedelta(days=20),
        ),
        "past": make_exhibition(
            index,
            title="Terminée",
            museums=[cambrai],
            start_date=date(2019, 1, 1),
            end_date=date(2019, 2, 1),
        ),
    }


def test_fold_keeps_lines_short_and_characters_whole():
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert "".join([parts[0]] + [p[1:] for p in parts[1:]]) == line


def test_escape_text_escapes_what_rfc_5545_reserves():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_exhibition_calendar_is_one_all_day_event(client, exhibitions):
    page = exhibitions["current"]
    response = client.get(page.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = parse_calendar(response.content)
    assert value(calendar, "VERSION") == "2.0"
    (event,) = calendar["children"]
    assert value(event, "SUMMARY") == "Regarder les nuages ; ciel, vent, pluie"
    assert value(event, "DTSTART") == page.start_date.strftime("%Y%m%d")
    assert params(event, "DTSTART") == ["VALUE=DATE"]
    # DTEND is exclusive: the day after the last day.
    assert value(event, "DTEND") == (page.end_date + timedelta(days=1)).strftime("%Y%m%d")
    assert value(event, "LOCATION") == "Musée des Beaux-Arts de Cambrai (Cambrai)"
    assert value(event, "URL").endswith(page.url)
    description = value(event, "DESCRIPTION")
    assert "Des ciels de la peinture ancienne\naux relevés" in description
    assert "MuséoSciences" in description
    assert value(event, "UID") == f"exhibition-{page.pk}@testserver"


def test_format_ics_is_the_same_calendar(client, exhibitions):
    page = exhibitions["current"]
    by_route = client.get(page.url + "ical/")
    by_query = client.get(page.url + "?format=ics")
    assert by_query["Content-Type"].startswith("text/calendar")
    assert by_query.content == by_route.content


def test_permanent_and_past_exhibitions_offer_no_calendar_event(client, exhibitions):
    # An all-day event without an end lasts one day (RFC 5545): a permanent
    # display is not one; a past exhibition is of no use in a calendar.
    for key in ("permanent", "past"):
        page = exhibitions[key]
        html = client.get(page.url).content.decode()
        assert "Ajouter à mon agenda" not in html and "Add to my calendar" not in html
        assert 'type="text/calendar"' not in html
        assert client.get(page.url + "ical/").status_code == 404
        assert client.get(page.url + "?format=ics").status_code == 404
    html = client.get(exhibitions["current"].url).content.decode()
    assert f'href="{exhibitions["current"].url}ical/"' in html


def test_long_titles_are_folded(client, exhibitions):
    content = client.get(exhibitions["upcoming"].url + "ical/").content
    assert b"\r\n " in content
    (event,) = parse_calendar(content)["children"]
    assert value(event, "SUMMARY") == exhibitions["upcoming"].title


def test_index_calendar_has_current_and_upcoming_only(client, exhibitions, index):
    response = client.get(index.url + "ical/")
    calendar = parse_calendar(response.content)
    summaries = [value(event, "SUMMARY") for event in calendar["children"]]
    # The permanent display ("Le cabinet de curiosités") is not a calendar event.
    assert summaries == [
        "Regarder les nuages ; ciel, vent, pluie",
        exhibitions["upcoming"].title,
    ]
    assert all("DTEND" in event["props"] for event in calendar["children"])
    uids = [value(event, "UID") for event in calendar["children"]]
    assert len(set(uids)) == len(uids)
    assert client.get(index.url + "?format=ics").content == response.content


def test_index_calendar_respects_filters(client, exhibitions, index):
    calendar = parse_calendar(client.get(index.url + "ical/?department=59").content)
    assert [value(e, "SUMMARY") for e in calendar["children"]] == [
        "Regarder les nuages ; ciel, vent, pluie"
    ]
    html = client.get(index.url + "?department=59").content.decode()
    assert 'href="/expositions/ical/?department=59"' in html


def test_rss_feed(client, exhibitions, index):
    response = client.get(index.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("link").endswith(index.url)
    items = channel.findall("item")
    assert {item.findtext("title") for item in items} == {
        exhibitions[key].title for key in ("current", "permanent", "upcoming")
    }
    current = next(i for i in items if i.findtext("title") == exhibitions["current"].title)
    assert current.findtext("link").endswith(exhibitions["current"].url)
    assert "Musée des Beaux-Arts de Cambrai" in current.findtext("description")
    assert {c.text for c in current.findall("category")} >= {"MuséoSciences"}
    assert current.findtext("pubDate")


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feed_entries_escape_the_texts_that_readers_render_as_html(client, home, index, feed):
    make_exhibition(index, title="Expo", venue="<b>Salle</b>", summary="<script>alert(1)</script>")
    root = ET.fromstring(client.get(f"{index.url}{feed}/").content)
    if feed == "rss":
        html = root.find("channel").find("item").findtext("description")
    else:
        summary = root.find(f"{ATOM}entry").find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        html = summary.text
    paragraphs = html.split("\n")
    assert len(paragraphs) == 3  # the dates, the place, the summary
    assert paragraphs[1:] == [
        "<p>&lt;b&gt;Salle&lt;/b&gt;</p>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    ]


def test_a_control_character_typed_by_an_editor_does_not_break_the_feeds(client, home, index):
    make_exhibition(index, title="Expo\x01 d'été", summary="Un\x1f résumé")
    for feed in ("rss", "atom"):
        response = client.get(f"{index.url}{feed}/")
        assert response.status_code == 200
        text = response.content.decode()
        assert "Expo d'été" in text.replace("&#x27;", "'").replace("&#39;", "'")
        assert "\x01" not in text and "\x1f" not in text


def test_atom_feed_respects_filters(client, exhibitions, index):
    response = client.get(index.url + "atom/?museum=musee-de-picardie")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert sorted(e.findtext(f"{ATOM}title") for e in entries) == sorted(
        [exhibitions["permanent"].title, exhibitions["upcoming"].title]
    )
    for entry in entries:
        assert entry.find(f"{ATOM}link").get("href").startswith("http")
        assert entry.findtext(f"{ATOM}updated")


def test_index_links_its_feeds_in_the_head(client, exhibitions, index):
    html = client.get(index.url).content.decode()
    head = html[: html.index("</head>")]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert '<link rel="alternate" type="text/calendar"' in head


def test_export_links_drop_the_empty_fields_of_the_form(client, exhibitions, index):
    response = client.get(index.url + "?museum=&department=59&operation=&kind=&page=1")
    assert response.context["ical_url"].endswith("/expositions/ical/?department=59")
    assert response.context["filter_query"] == "department=59"
