"""The demo paths and circuits: real museums of the directory, safe to load twice."""

import csv
import io
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest

from musenor.pages.circuits import demo as circuits_demo
from musenor.pages.circuits.models import CircuitPage, CircuitStop
from musenor.pages.museums.factories import make_museum
from musenor.pages.museums.models import MuseumPage, OpeningHours
from musenor.pages.paths import demo as paths_demo
from musenor.pages.paths.models import ThematicPathPage

# Loads the whole demo site: slow, left out of the PostgreSQL pass of CI.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MUSEUMS_CSV = Path(__file__).resolve().parents[3] / "site" / "data" / "museums.csv"


def demo_museum_names():
    names = {name for c in circuits_demo.CIRCUITS for name, *_rest in c["stops"]}
    names |= {v["museum"] for p in paths_demo.PATHS for _k, v in p["steps"] if "museum" in v}
    return names


def test_the_demo_only_uses_museums_of_the_directory():
    with open(MUSEUMS_CSV, encoding="utf-8", newline="") as handle:
        directory = {row["name"] for row in csv.DictReader(handle)}
    assert demo_museum_names() <= directory


@pytest.fixture
def demo_museums(directory):
    with open(MUSEUMS_CSV, encoding="utf-8", newline="") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    return {
        name: make_museum(
            directory,
            title=name,
            city=rows[name]["city"],
            department=rows[name]["department_code"],
            latitude=Decimal(rows[name]["latitude"]),
            longitude=Decimal(rows[name]["longitude"]),
        )
        for name in demo_museum_names()
    }


def load_all(home):
    out = io.StringIO()
    paths_demo.load(home=home, seed=1972, stdout=out)
    circuits_demo.load(home=home, seed=1972, stdout=out)
    return out.getvalue()


def test_demo_loads_and_is_idempotent(client, home, demo_museums):
    first = load_all(home)
    assert "left out" not in first
    counts = (
        ThematicPathPage.objects.count(),
        CircuitPage.objects.count(),
        CircuitStop.objects.count(),
        OpeningHours.objects.count(),
    )
    assert counts[:3] == (3, 2, 6)
    load_all(home)
    assert (
        ThematicPathPage.objects.count(),
        CircuitPage.objects.count(),
        CircuitStop.objects.count(),
        OpeningHours.objects.count(),
    ) == counts

    for page in [*ThematicPathPage.objects.all(), *CircuitPage.objects.all()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    lille_path = ThematicPathPage.objects.get(slug="en-famille-au-palais-des-beaux-arts-de-lille")
    assert lille_path.for_families and lille_path.duration == 75
    assert {step.value["museum"] for step in lille_path.steps if step.block_type != "text"} == {
        demo_museums["Palais des Beaux-Arts de Lille"]
    }


def test_demo_never_overwrites_hours_an_editor_entered(home, demo_museums):
    louvre = demo_museums["Louvre-Lens"]
    louvre.opening_hours.add(OpeningHours(weekday=2, opens=time(14), closes=time(16)))
    louvre.save_revision().publish()
    load_all(home)
    hours = MuseumPage.objects.get(pk=louvre.pk).opening_hours.all()
    assert [(h.weekday, h.opens.hour) for h in hours] == [(2, 14)]
    lewarde = MuseumPage.objects.get(title="Centre historique minier")
    assert lewarde.opening_hours.count() == 7  # it had none: the demo gave it its week


def test_a_missing_museum_is_reported_not_fatal(home, directory):
    out = load_all(home)
    assert "no museum “Louvre-Lens” in the directory, stop left out." in out
    assert CircuitPage.objects.count() == 2
