"""The OpenAgenda import: mapping, re-runs, cancellations, bad input. Never the network."""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from musenor.pages.exhibitions.choices import ExhibitionKind
from musenor.pages.exhibitions.factories import make_exhibition_index
from musenor.pages.exhibitions.models import ExhibitionPage
from musenor.pages.exhibitions.openagenda import fetch, import_events, map_event
from musenor.pages.exhibitions.openagenda.mapping import MalformedEvent, localized
from musenor.pages.museums.factories import make_museum

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _english():
    """The assertions below read the report's English wording."""
    with translation.override("en"):
        yield


def run(*args):
    out = io.StringIO()
    call_command("import_openagenda", *args, stdout=out)
    return out.getvalue()


def events(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))["events"]


@pytest.fixture
def index(home):
    return make_exhibition_index(home)


@pytest.fixture
def museums(directory):
    return {
        "amiens": make_museum(directory, title="Musée de Picardie", city="Amiens", department="80"),
        "douai": make_museum(directory, title="Musée de la Chartreuse", city="Douai"),
        "calais": make_museum(
            directory, title="Musée des Beaux-Arts de Calais", city="Calais", department="62"
        ),
    }


def by_uid(uid):
    return ExhibitionPage.objects.get(openagenda_uid=uid)


# --- mapping -----------------------------------------------------------------


def test_localized_prefers_french_then_falls_back():
    assert localized({"en": "Lace", "fr": "Dentelle"}) == ("Dentelle", "fr")
    assert localized({"en": "Lace", "de": "Spitze"}) == ("Lace", "en")
    assert localized({"fr": "  ", "nl": "Kant"}) == ("Kant", "nl")
    assert localized({"en": "Only", "fr": "Seul"}, "en") == ("Only", "en")
    assert localized(None) == ("", "")


def test_mapping_takes_first_begin_and_last_end_in_local_time():
    event = events("events.json")[0]
    data = map_event(event)
    # Timings are out of order in the file; the last one ends in February.
    assert data.start_date == date(2026, 10, 3)
    assert data.end_date == date(2027, 2, 28)
    assert data.title == "Jules Verne et les machines de l'imaginaire"
    assert data.tags == ["Jules Verne", "sciences", "automates"]
    assert "<p>Visites guidées le dimanche à 15 h.<br/>Ateliers" in data.body_html
    assert "Entrée 7 €" in data.body_html


def test_a_late_evening_in_utc_is_the_next_day_in_paris():
    data = map_event(
        {
            "uid": 1,
            "title": {"fr": "Nuit"},
            "timings": [{"begin": "2026-12-31T23:30:00Z", "end": "2027-01-01T01:00:00Z"}],
            "location": {"name": "Ici", "city": "Lille"},
        }
    )
    assert data.start_date == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        ({"title": {"fr": "Sans uid"}}, "uid"),
        ({"uid": 5, "title": {}, "timings": []}, "title"),
        ({"uid": 5, "title": {"fr": "T"}, "timings": []}, "timings"),
        ({"uid": 5, "title": {"fr": "T"}, "timings": [{"begin": "hier", "end": "x"}]}, "ISO"),
        (
            {
                "uid": 5,
                "title": {"fr": "T"},
                "timings": [{"begin": "2026-05-02T10:00:00Z", "end": "2026-05-01T10:00:00Z"}],
            },
            "ends before",
        ),
        ("not an event", "object"),
    ],
)
def test_malformed_events_say_why(event, reason):
    with pytest.raises(MalformedEvent, match=reason):
        map_event(event)


# --- the command ---------------------------------------------------------------


def test_first_import_creates_skips_and_reports(index, museums):
    output = run("--file", str(DATA / "events.json"), "--index", "expositions")
    assert "3 created" not in output
    assert "4 created, 0 updated, 0 unchanged, 0 unpublished, 3 skipped." in output
    # Each skipped event on its own line, with its reason.
    assert "[skipped] 48213958" in output and "cancelled" in output
    assert "[skipped] 48213960" in output and "ISO 8601" in output
    assert "[skipped] event #7" in output

    verne = by_uid(48213957)
    assert verne.live
    assert verne.get_parent().specific == index
    assert list(verne.museums.all()) == [museums["amiens"]]
    assert verne.venue == ""
    assert (verne.start_date, verne.end_date) == (date(2026, 10, 3), date(2027, 2, 28))
    assert verne.summary.startswith("Automates, maquettes et gravures")
    assert sorted(verne.tags.names()) == ["Jules Verne", "automates", "sciences"]
    assert verne.kind == ExhibitionKind.EXHIBITION

    lace = by_uid(48213959)  # English only, at a venue outside the directory
    assert lace.title == "Lace and light: contemporary textile artists"
    assert not lace.museums.exists()
    assert lace.venue == "Salle des fêtes du Courgain, Place du Courgain, 62100 Calais"
    assert "<b>" not in str(lace.body.raw_data)

    online = by_uid(48213961)
    assert online.kind == ExhibitionKind.ONLINE
    assert online.venue  # "Online", in the active language

    # The location matches whatever the case and accents.
    assert list(by_uid(48213962).museums.all()) == [museums["douai"]]
    assert not ExhibitionPage.objects.filter(openagenda_uid__in=[48213958, 48213960]).exists()


def test_importing_again_changes_nothing(index, museums):
    run("--file", str(DATA / "events.json"), "--index", str(index.pk))
    before = {p.pk: p.latest_revision_id for p in ExhibitionPage.objects.all()}
    output = run("--file", str(DATA / "events.json"), "--index", str(index.pk))
    assert "0 created, 0 updated, 4 unchanged, 0 unpublished, 3 skipped." in output
    after = {p.pk: p.latest_revision_id for p in ExhibitionPage.objects.all()}
    assert after == before


def test_a_second_file_updates_and_unpublishes(index, museums):
    run("--file", str(DATA / "events.json"), "--index", "expositions")
    output = run("--file", str(DATA / "events_updated.json"), "--index", "expositions")
    assert "0 created, 1 updated, 2 unchanged, 1 unpublished, 1 skipped." in output
    verne = by_uid(48213957)
    assert verne.end_date == date(2027, 3, 14)
    assert "14 mars 2027" in verne.summary
    assert verne.openagenda_updated_at.isoformat().startswith("2026-11-18T10:02:11")
    assert not by_uid(48213961).live  # cancelled since the first import
    assert ExhibitionPage.objects.count() == 4


def test_an_editors_unpublish_holds_until_the_event_changes(index, museums):
    run("--file", str(DATA / "events.json"), "--index", "expositions")
    by_uid(48213962).unpublish()
    run("--file", str(DATA / "events.json"), "--index", "expositions")
    assert not by_uid(48213962).live


def test_a_cancelled_then_rescheduled_event_comes_back(index, museums):
    online = next(e for e in events("events.json") if e.get("uid") == 48213961)
    import_events([online], index)
    import_events([{**online, "status": 6}], index)
    assert not by_uid(48213961).live
    report = import_events([{**online, "status": 2}], index)
    assert report.counts["updated"] == 1
    assert by_uid(48213961).live


def test_dry_run_saves_nothing(index, museums):
    output = run("--file", str(DATA / "events.json"), "--index", "expositions", "--dry-run")
    assert "4 created" in output
    assert "Dry run" in output
    assert not ExhibitionPage.objects.exists()


def test_agenda_museum_takes_events_held_elsewhere(index, museums):
    run(
        "--file",
        str(DATA / "events.json"),
        "--index",
        "expositions",
        "--museum",
        str(museums["calais"].pk),
    )
    lace = by_uid(48213959)
    assert list(lace.museums.all()) == [museums["calais"]]
    assert lace.kind == ExhibitionKind.OFF_SITE
    assert lace.venue.startswith("Salle des fêtes du Courgain")
    # An event at a museum of the directory stays there.
    assert list(by_uid(48213957).museums.all()) == [museums["amiens"]]


def test_an_editors_kind_survives_updates(index, museums):
    run("--file", str(DATA / "events.json"), "--index", "expositions")
    verne = by_uid(48213957)
    verne.kind = ExhibitionKind.FOCUS
    verne.save_revision().publish()
    run("--file", str(DATA / "events_updated.json"), "--index", "expositions")
    assert by_uid(48213957).kind == ExhibitionKind.FOCUS


def test_slugs_never_collide(index, museums):
    event = events("events.json")[0]
    import_events([event, {**event, "uid": 99}], index)
    slugs = sorted(ExhibitionPage.objects.values_list("slug", flat=True))
    assert slugs == [
        "jules-verne-et-les-machines-de-limaginaire",
        "jules-verne-et-les-machines-de-limaginaire-99",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [("not_json.json", "not valid JSON"), ("not_events.json", "list under “events”")],
)
def test_a_malformed_file_is_a_clear_error(index, name, message):
    with pytest.raises(CommandError, match=message):
        run("--file", str(DATA / name), "--index", "expositions")
    assert not ExhibitionPage.objects.exists()


def test_missing_file_and_unknown_pages_are_clear_errors(index):
    with pytest.raises(CommandError, match="Cannot read"):
        run("--file", str(DATA / "nope.json"), "--index", "expositions")
    with pytest.raises(CommandError, match="No exhibition index"):
        run("--file", str(DATA / "events.json"), "--index", "nowhere")
    with pytest.raises(CommandError, match="No museum page"):
        run("--file", str(DATA / "events.json"), "--index", "expositions", "--museum", "999")


def test_impossible_dates_skip_their_event_and_keep_the_others(index, museums):
    # Year 9999 overflowed when moved to Paris time and aborted the whole import.
    output = run("--file", str(DATA / "events_bad_dates.json"), "--index", "expositions")
    assert "2 created, 0 updated, 0 unchanged, 0 unpublished, 4 skipped." in output
    for uid in (48213971, 48213972, 48213973, 48213974):
        line = next(line for line in output.splitlines() if line.startswith(f"[skipped] {uid}"))
        assert "between the years 1900 and 2199" in line
    assert sorted(ExhibitionPage.objects.values_list("openagenda_uid", flat=True)) == [
        48213970,
        48213975,
    ]


def test_translations_do_not_claim_the_event(index, museums):
    from wagtail.models import Locale

    run("--file", str(DATA / "events.json"), "--index", "expositions")
    english = Locale.objects.create(language_code="en")
    index.copy_for_translation(english, copy_parents=True)
    verne = by_uid(48213957)
    translation = verne.copy_for_translation(english)
    assert translation.openagenda_uid is None
    assert by_uid(48213957).pk == verne.pk


# --- URLs ------------------------------------------------------------------------


def test_url_import_follows_the_after_cursor(index, museums, monkeypatch):
    pages = {
        "page1": json.loads((DATA / "agenda_page1.json").read_text(encoding="utf-8")),
        "page2": json.loads((DATA / "agenda_page2.json").read_text(encoding="utf-8")),
    }
    asked = []

    def fake_fetch(url, **kwargs):
        asked.append(url)
        return pages["page2"] if "after" in url else pages["page1"]

    monkeypatch.setattr(fetch, "fetch_json", fake_fetch)
    url = "https://api.openagenda.example/v2/agendas/1/events?key=k&detailed=1"
    output = run("--url", url, "--index", "expositions")
    assert "3 created" in output
    assert len(asked) == 2
    assert "after%5B%5D=1764572400000&after%5B%5D=48213971" in asked[1]
    assert "key=k" in asked[1]


def test_url_errors_are_clear(index, monkeypatch):
    def failing(url, **kwargs):
        raise fetch.FetchError(f"{url} answered with HTTP status 403.")

    monkeypatch.setattr(fetch, "fetch_json", failing)
    with pytest.raises(CommandError, match="403"):
        run("--url", "https://api.openagenda.example/v2/agendas/1/events", "--index", "expositions")
