"""The Muséofile facts: the reviewed table of matches, the cleaning, the museum pages."""

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from musenor.pages.museums.museofile import (
    MATCHES_CSV,
    MUSEOFILE_CSV,
    MUSEUMS_CSV,
    clean_address,
    clean_phone,
    clean_website,
    museum_facts,
    propose_matches,
    read,
    unmatched,
)

DOCS = Path(__file__).resolve().parents[3] / "docs" / "museums.md"


def test_the_reviewed_table_pairs_existing_rows_one_to_one():
    matches = read(MATCHES_CSV)
    ours = {(row["name"], row["city"]) for row in read(MUSEUMS_CSV)}
    theirs = {(row["name"], row["city"]) for row in read(MUSEOFILE_CSV)}
    pairs_ours = [(row["name"], row["city"]) for row in matches]
    pairs_theirs = [(row["museofile_name"], row["museofile_city"]) for row in matches]
    assert set(pairs_ours) <= ours
    assert set(pairs_theirs) <= theirs
    assert len(set(pairs_ours)) == len(pairs_ours) == len(set(pairs_theirs))
    assert len(matches) == 82


def test_the_matcher_proposes_what_was_reviewed_and_only_people_added_the_rest():
    proposed = {(a["name"], a["city"], b["name"], b["city"]) for a, b, _method in propose_matches()}
    for row in read(MATCHES_CSV):
        key = (row["name"], row["city"], row["museofile_name"], row["museofile_city"])
        assert (key in proposed) == (row["method"] != "reviewed"), key


@pytest.mark.parametrize(
    ("name", "city", "expected"),
    [
        ("Musée des Beaux-Arts de Calais", "Calais", "musée des beaux-arts et de la dentelle"),
        ("Cité internationale de la dentelle et de la mode", "Calais", "cité internationale"),
        ("Musée des Papillons", "Saint-Quentin", "musée entomologique"),
        ("Musée Quentovic", "Étaples-sur-Mer", "musée Quentovic"),
        ("LAAC", "Dunkerque", "musée d'art contemporain"),
    ],
)
def test_names_that_differ_are_matched_with_care(name, city, expected):
    pairs = {(row["name"], row["city"]): row["museofile_name"] for row in read(MATCHES_CSV)}
    assert pairs[(name, city)].startswith(expected)


def test_museums_muséofile_does_not_list_are_left_alone_and_named_in_the_docs():
    ours, theirs = unmatched()
    assert {row["name"] for row in ours} >= {"Louvre-Lens", "Musée Arkéos"}
    text = DOCS.read_text(encoding="utf-8")
    for row in ours:
        assert row["name"] in text, row["name"]
    for row in theirs:
        assert row["name"] in text, row["name"]


def test_a_post_office_box_is_not_a_street_address():
    assert clean_address("BP 90") == ""
    assert clean_address("S'adresser au Musée de Picardie") == ""
    assert clean_address("Site de l'Arsenal - BP 43") == "Site de l'Arsenal"
    assert clean_address("Palais Fénelon Place du Commandant Richez BP 70056") == (
        "Palais Fénelon Place du Commandant Richez"
    )
    assert clean_address("130 rue des Chartreux") == "130 rue des Chartreux"


def test_websites_are_valid_addresses():
    assert clean_website("https://hhttps://officedelaculture.fr/musee-pillon.html") == (
        "https://officedelaculture.fr/musee-pillon.html"
    )
    assert clean_website("www.example.org") == ""
    assert all(
        facts.website == "" or facts.website.startswith(("http://", "https://"))
        for facts in museum_facts().values()
    )


def test_phone_numbers_are_written_the_french_way():
    assert clean_phone("33 (0) 3 27 82 27 90") == "03 27 82 27 90"
    assert clean_phone("+33 (0)3 59 73 38 00") == "03 59 73 38 00"
    assert clean_phone("03 21 47 00 10 (mairie)") == "03 21 47 00 10 (mairie)"
    assert clean_phone("") == ""


def test_facts_come_from_muséofile_and_are_never_invented():
    facts = museum_facts()
    chartreuse = facts[("Musée de la Chartreuse", "Douai")]
    assert chartreuse.address == "130 rue des Chartreux"
    assert chartreuse.postcode == "59500"
    assert chartreuse.phone == "03 27 71 38 80"
    assert chartreuse.latitude is not None
    caudry = facts[("Musée des dentelles et broderies", "Caudry")]
    assert caudry.address == "" and caudry.phone == ""  # Muséofile gives neither
    assert ("Louvre-Lens", "Lens") not in facts
    with open(MUSEOFILE_CSV, encoding="utf-8") as handle:
        rows = {(row["name"], row["city"]): row for row in csv.DictReader(handle)}
    row = rows[("musée de la Chartreuse", "Douai")]
    assert chartreuse.latitude == Decimal(row["latitude"]).quantize(Decimal("0.00001"))


@pytest.mark.django_db
def test_the_demo_gives_museum_pages_their_facts(home, directory):
    from musenor.pages.museums.demo import museums
    from musenor.pages.museums.models import MuseumPage

    museums(directory)
    chartreuse = MuseumPage.objects.get(title="Musée de la Chartreuse")
    assert (chartreuse.address, chartreuse.phone) == ("130 rue des Chartreux", "03 27 71 38 80")
    assert chartreuse.website.startswith("http")
    lens = MuseumPage.objects.get(title="Louvre-Lens")
    assert (lens.address, lens.phone, lens.website) == ("", "", "")
    # Muséofile's coordinates of the building replace the town's.
    assert chartreuse.latitude == Decimal("50.37440")
    assert MuseumPage.objects.exclude(address="").count() >= 70
