"""Fixtures of the circuits' tests: museums of the Great War circuit, with their hours."""

from datetime import time
from decimal import Decimal

import pytest


@pytest.fixture
def circuit_index(home):
    from musenor.pages.circuits.factories import make_circuit_index

    return make_circuit_index(home)


@pytest.fixture
def war_museums(directory):
    """Fromelles, Péronne and Blérancourt, north to south; Péronne opens every day."""
    from musenor.pages.museums.factories import make_museum
    from musenor.pages.museums.models import OpeningHours

    rows = [
        ("Musée de la Bataille de Fromelles", "Fromelles", "59", "50.6050", "2.8550"),
        ("Historial de la Grande Guerre", "Péronne", "80", "49.9322", "2.9367"),
        ("Musée franco-américain", "Blérancourt", "02", "49.5167", "3.1500"),
    ]
    museums = []
    for title, city, department, lat, lon in rows:
        museums.append(
            make_museum(
                directory,
                title=title,
                city=city,
                department=department,
                latitude=Decimal(lat),
                longitude=Decimal(lon),
                publish=False,
            )
        )
    fromelles, peronne, blerancourt = museums
    for day in (0, 2, 3, 4, 5, 6):
        fromelles.opening_hours.add(OpeningHours(weekday=day, opens=time(9, 30), closes=time(17)))
    for day in range(7):
        peronne.opening_hours.add(OpeningHours(weekday=day, opens=time(9, 30), closes=time(18)))
    peronne.opening_hours_note = "Fermé de mi-décembre à mi-janvier."
    for museum in museums:
        museum.save_revision().publish()
    return museums
