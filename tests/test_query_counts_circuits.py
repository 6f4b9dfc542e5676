"""Circuits: the number of SQL queries does not grow with stops, hours or circuits."""

from datetime import time
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from musenor.pages.circuits.factories import make_circuit, make_circuit_index
from musenor.pages.museums.factories import make_museum
from musenor.pages.museums.models import OpeningHours

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def museums(directory, count, start=0):
    result = []
    for n in range(start, start + count):
        museum = make_museum(
            directory,
            title=f"Musée {n:02d}",
            latitude=Decimal("50") + Decimal(n) / 10,
            longitude=Decimal("3") - Decimal(n) / 10,
            publish=False,
        )
        for day in range(n % 7):
            museum.opening_hours.add(OpeningHours(weekday=day, opens=time(10), closes=time(18)))
        museum.save_revision().publish()
        result.append(museum)
    return result


@pytest.mark.parametrize("tiles", ["", "https://tiles.example.org/{z}/{x}/{y}.png"])
def test_circuit_queries_do_not_grow_with_stops(client, home, directory, settings, tiles):
    settings.MUSENOR_MAP_TILES_URL = tiles
    index = make_circuit_index(home)
    few = make_circuit(index, museums(directory, 2), title="Court")
    many = make_circuit(index, museums(directory, 12, start=2), title="Long")
    assert many.stops.count() == 12
    # The site's frame, the stops with their museums, and the museums' hours.
    assert count_queries(client, few.url) == count_queries(client, many.url) <= 18


def test_circuit_index_queries_do_not_grow_with_circuits(client, home, directory):
    index = make_circuit_index(home)
    stops = museums(directory, 4)
    for n in range(2):
        make_circuit(index, stops, title=f"Circuit {n}")
    few = count_queries(client, index.url)
    for n in range(2, 10):
        make_circuit(index, stops[: 2 + n % 3], title=f"Circuit {n}")
    many = count_queries(client, index.url)
    assert few == many <= 16
