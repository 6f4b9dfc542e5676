"""Distances as the crow flies, and a museum's week in a few lines."""

from datetime import time
from types import SimpleNamespace

import pytest
from django.utils import translation

from musenor.pages.circuits.geo import format_km, haversine_km
from musenor.pages.circuits.hours import summarise_week

DAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]


def test_haversine_matches_known_distances():
    # Lille ↔ Paris (Notre-Dame) ≈ 204 km; Amiens ↔ Amiens is 0.
    assert haversine_km(50.6292, 3.0573, 48.8530, 2.3499) == pytest.approx(204, abs=2)
    assert haversine_km(49.8942, 2.2957, 49.8942, 2.2957) == 0
    # Symmetric, and Decimal-friendly (the museums store Decimals).
    from decimal import Decimal

    assert haversine_km(Decimal("50.6292"), Decimal("3.0573"), 48.853, 2.3499) == pytest.approx(
        haversine_km(48.853, 2.3499, 50.6292, 3.0573)
    )


@pytest.mark.parametrize(
    ("km", "fr", "en"),
    [
        (0.4, "moins d'un km", "less than 1 km"),
        (2.46, "≈ 2,5 km", "≈ 2.5 km"),
        (23.4, "≈ 23 km", "≈ 23 km"),
        (1234.5, "≈ 1 234 km", "≈ 1,234 km"),
    ],
)
def test_distances_have_no_false_precision(km, fr, en):
    with translation.override("en"):
        assert format_km(km) == en
    with translation.override("fr"):
        text = format_km(km).replace("\u202f", " ").replace("\xa0", " ").replace("’", "'")
        assert text == fr


def week(*hours):
    """Seven entries, Monday first: ``None`` for closed, ``(opens, closes)`` hours otherwise."""
    return [
        (
            DAYS[n],
            [SimpleNamespace(opens=time(*h[0]), closes=time(*h[1]))] if h else [],
        )
        for n, h in enumerate(hours)
    ]


TEN_SIX = ((10, 0), (18, 0))


def summary(w):
    with translation.override("en"):
        return [(g.days, g.hours, g.is_open) for g in summarise_week(w)]


def test_every_day_with_the_same_hours():
    assert summary(week(*[TEN_SIX] * 7)) == [("Every day", "10:00–18:00", True)]


def test_every_day_but_one_or_two():
    assert summary(week(TEN_SIX, None, *[TEN_SIX] * 5)) == [
        ("Every day except Tuesday", "10:00–18:00", True)
    ]
    assert summary(week(None, None, *[TEN_SIX] * 5)) == [
        ("Every day except Monday and Tuesday", "10:00–18:00", True)
    ]


def test_different_hours_group_consecutive_days_across_the_weekend():
    late = ((10, 0), (21, 0))
    weekend = ((14, 0), (18, 0))
    groups = summary(week(weekend, None, TEN_SIX, TEN_SIX, late, weekend, weekend))
    assert groups == [
        ("Saturday – Monday", "14:00–18:00", True),  # the week wraps around
        ("Tuesday", "closed", False),
        ("Wednesday – Thursday", "10:00–18:00", True),
        ("Friday", "10:00–21:00", True),
    ]


def test_few_open_days_are_listed_by_runs():
    assert summary(week(None, None, None, None, None, TEN_SIX, TEN_SIX)) == [
        ("Monday – Friday", "closed", False),
        ("Saturday – Sunday", "10:00–18:00", True),
    ]


def test_no_hours_at_all_gives_nothing_to_show():
    assert summarise_week(week(*[None] * 7)) == []


def test_french_reads_naturally():
    with translation.override("fr"):
        groups = summarise_week(week(TEN_SIX, None, *[TEN_SIX] * 5))
        assert [g.days for g in groups] == [
            translation.gettext("Every day except %(days)s")
            % {"days": translation.pgettext("inside a sentence", "Tuesday")}
        ]
        assert translation.pgettext("inside a sentence", "Tuesday") == "mardi"
