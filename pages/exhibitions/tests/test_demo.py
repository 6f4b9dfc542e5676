"""The demo modules of operations and exhibitions: links to the directory, idempotence."""

import io
from datetime import date

import pytest

from musenor.pages.exhibitions import demo as exhibitions_demo
from musenor.pages.exhibitions.models import ExhibitionIndexPage, ExhibitionPage
from musenor.pages.museums.factories import make_museum
from musenor.pages.operations import demo as operations_demo
from musenor.pages.operations.models import OperationPage

# Loads the whole demo site: slow, left out of the PostgreSQL pass of CI.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DEMO_DAY = date(2026, 11, 22)  # the day the invented exhibitions were dated around


def load(home):
    out = io.StringIO()
    operations_demo.load(home=home, seed=1972, stdout=out)
    exhibitions_demo.load(home=home, seed=1972, stdout=out)
    return out.getvalue()


@pytest.fixture
def some_museums(directory):
    return {
        (title, city): make_museum(directory, title=title, city=city)
        for title, city in [
            ("Musée de Picardie", "Amiens"),
            ("Historial de la Grande Guerre", "Péronne"),
            ("Musée des Beaux-Arts d'Arras", "Arras"),
            ("Musée Antoine Lécuyer", "Saint-Quentin"),
            ("Cité internationale de la dentelle et de la mode", "Calais"),
        ]
    }


def test_demo_links_exhibitions_to_museums_and_operations(home, some_museums):
    output = load(home)
    assert "Operations: 26 operations." in output
    assert "Exhibitions: 16 exhibitions (3 invented for the demo)." in output
    # Museums missing from this directory are reported, never invented.
    assert "no museum page “LAAC” in Dunkerque" in output

    museosciences = OperationPage.objects.get(title="MuséoSciences")
    assert {m.title for m in museosciences.museums.all()} == {
        "Musée de Picardie",
        "Historial de la Grande Guerre",
    }
    assert museosciences.exhibitions.count() == 12
    ongoing = OperationPage.objects.get(title="Musées et Reconstructions")
    assert ongoing.end_year is None

    cabinet = ExhibitionPage.objects.get(title="Le cabinet de curiosités des musées d'Amiens")
    assert list(cabinet.museums.all()) == [some_museums[("Musée de Picardie", "Amiens")]]
    assert cabinet.end_date is None and cabinet.kind == "permanent"
    assert cabinet.operation == museosciences
    laac = ExhibitionPage.objects.get(title="Cosmos, silence ça tourne !")
    assert not laac.museums.exists()
    assert laac.venue == "LAAC, Dunkerque"

    statuses = [page.status(DEMO_DAY) for page in ExhibitionPage.objects.all()]
    assert statuses.count("current") == 3  # two invented, one permanent display
    assert statuses.count("upcoming") == 1
    index = ExhibitionIndexPage.objects.get()
    assert index.show_in_menus and index.live


def test_demo_runs_twice_without_duplicates(home, some_museums):
    load(home)
    counts = (OperationPage.objects.count(), ExhibitionPage.objects.count())
    tags = sorted(
        ExhibitionPage.objects.get(slug="arras-reconstruire-la-ville-1918-1934").tags.names()
    )
    load(home)
    assert (OperationPage.objects.count(), ExhibitionPage.objects.count()) == counts == (26, 16)
    again = ExhibitionPage.objects.get(slug="arras-reconstruire-la-ville-1918-1934")
    assert sorted(again.tags.names()) == tags == ["Grande Guerre", "architecture", "reconstruction"]
