"""Circuits: where they live, and what a visitor planning the trip reads on them."""

import json
import re

import pytest
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.circuits.factories import make_circuit
from musenor.pages.circuits.models import CircuitIndexPage, CircuitPage
from musenor.pages.home.models import HomePage
from musenor.pages.museums.factories import make_museum
from musenor.pages.paths.models import PathIndexPage

pytestmark = pytest.mark.django_db

TILES = "https://tiles.example.org/{z}/{x}/{y}.png"


class TestCreationRules(WagtailPageTestCase):
    def test_index_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(CircuitIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CircuitIndexPage, {CircuitPage})

    def test_circuit_lives_under_the_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(CircuitPage, {CircuitIndexPage})
        self.assertAllowedSubpageTypes(CircuitPage, set())
        self.assertCanNotCreateAt(PathIndexPage, CircuitPage)

    def test_a_stop_is_a_museum_of_the_directory(self):
        from musenor.pages.circuits.models import CircuitStop
        from musenor.pages.museums.models import MuseumPage

        assert CircuitStop._meta.get_field("museum").related_model is MuseumPage


def stop_titles(html):
    return re.findall(
        r'<li class="circuit-stop" id="stop-(\d+)">.*?<a href="[^"]+">([^<]+)</a>', html, re.S
    )


def test_circuit_lists_its_stops_in_order_with_distances(client, circuit_index, war_museums):
    fromelles, peronne, blerancourt = war_museums
    circuit = make_circuit(
        circuit_index,
        [
            (fromelles, {"note": "La bataille du 19 juillet 1916.", "suggested_minutes": 90}),
            (peronne, {"day": 1}),
            (blerancourt, {"day": 2}),
        ],
        title="Sur les traces de la Grande Guerre",
        duration_days=2,
        theme="Mémoire",
        practical_info="<p>Nuit conseillée à Péronne.</p>",
    )
    response = client.get(circuit.url)
    assert response.status_code == 200
    html = response.content.decode()

    assert stop_titles(html) == [
        ("1", "Musée de la Bataille de Fromelles"),
        ("2", "Historial de la Grande Guerre"),
        ("3", "Musée franco-américain"),
    ]
    assert "Péronne (Somme)" in html and "Blérancourt (Aisne)" in html
    assert "La bataille du 19 juillet 1916." in html
    assert '<time datetime="PT1H30M">1 h 30</time>' in html
    # Fromelles → Péronne ≈ 75 km, Péronne → Blérancourt ≈ 49 km, as the crow flies.
    itinerary = response.context["itinerary"]
    legs = [item["leg"].km if item["leg"] else None for item in itinerary["items"]]
    assert legs[0] is None
    assert legs[1] == pytest.approx(75, abs=1) and legs[2] == pytest.approx(49, abs=1)
    assert itinerary["total_km"] == pytest.approx(124, abs=1)
    assert not itinerary["total_is_partial"]
    crow = _("%(distance)s as the crow flies") % {"distance": "≈ 124 km"}
    assert escape(crow) in html
    leg = _("%(distance)s as the crow flies from the previous stop") % {"distance": "≈ 75 km"}
    assert escape(leg) in html
    assert "Nuit conseillée à Péronne." in html


def test_circuit_shows_each_stops_opening_days(client, circuit_index, war_museums):
    circuit = make_circuit(circuit_index, war_museums)
    html = client.get(circuit.url).content.decode()
    stops = html.split('<li class="circuit-stop"')[1:]
    # Fromelles is closed on Tuesdays, Péronne opens every day, Blérancourt gave no hours.
    tuesday = _("Every day except %(days)s") % {"days": "mardi"}
    assert escape(tuesday) in stops[0] and "09:30–17:00" in stops[0]
    assert escape(_("Every day")) in stops[1] and "09:30–18:00" in stops[1]
    assert "Fermé de mi-décembre à mi-janvier." in stops[1]
    assert escape(_("Ask the museum for its opening hours.")) in stops[2]


def test_a_stop_without_coordinates_leaves_its_legs_unknown(client, circuit_index, war_museums):
    fromelles, peronne, _blerancourt = war_museums
    nowhere = make_museum(
        peronne.get_parent(), title="Musée sans adresse", latitude=None, longitude=None
    )
    circuit = make_circuit(circuit_index, [fromelles, nowhere, peronne])
    response = client.get(circuit.url)
    html = response.content.decode()
    itinerary = response.context["itinerary"]
    assert [item["leg"].km for item in itinerary["items"][1:]] == [None, None]
    assert itinerary["total_is_partial"]
    assert itinerary["total_km"] == 0
    unknown = _("Distance from the previous stop unknown: a museum's location is missing.")
    assert html.count(escape(unknown)) == 2
    assert escape(_("(not counting the stops whose location is unknown)")) in html


def test_a_museum_removed_from_the_directory_leaves_a_marked_gap(
    client, circuit_index, war_museums
):
    circuit = make_circuit(circuit_index, war_museums)
    war_museums[1].delete()
    html = client.get(circuit.url).content.decode()
    assert escape(_("Museum no longer in the directory")) in html
    assert html.count('class="circuit-stop"') == 3


def test_map_data_lists_the_stops_in_order_when_tiles_are_configured(
    client, circuit_index, war_museums, settings
):
    circuit = make_circuit(circuit_index, war_museums)
    settings.MUSENOR_MAP_TILES_URL = ""
    html = client.get(circuit.url).content.decode()
    assert "circuit-map-data" not in html and "leaflet" not in html

    settings.MUSENOR_MAP_TILES_URL = TILES
    html = client.get(circuit.url).content.decode()
    data = re.search(r'<script id="circuit-map-data" type="application/json">(.*?)</script>', html)
    points = json.loads(data.group(1))
    assert [(p["n"], p["name"]) for p in points] == [
        (1, "Musée de la Bataille de Fromelles"),
        (2, "Historial de la Grande Guerre"),
        (3, "Musée franco-américain"),
    ]
    assert points[1]["url"] == war_museums[1].url
    # The map starts hidden: the script shows it once Leaflet and the tiles answer.
    assert re.search(r'<section class="circuit-map"[^>]* hidden data-circuit-map', html)
    assert "vendor/leaflet/leaflet.js" in html


def test_circuit_prints_well(client, circuit_index, war_museums):
    circuit = make_circuit(circuit_index, war_museums)
    html = client.get(circuit.url).content.decode()
    assert 'href="/static/musenor_circuits/css/circuits.css"' in html
    # The print button is hidden until the script makes it work.
    assert re.search(r'<button type="button" class="print-button" data-print hidden>', html)
    assert 'src="/static/musenor_circuits/js/circuit.js"' in html
    from django.contrib.staticfiles import finders

    with open(finders.find("musenor_circuits/css/circuits.css"), encoding="utf-8") as handle:
        css = handle.read()
    print_rules = css[css.index("@media print") :]
    for selector in (".circuit-map", ".print-button", ".main-nav", ".site-footer"):
        assert selector in print_rules


def test_index_lists_live_circuits_with_their_cities(client, circuit_index, war_museums):
    make_circuit(circuit_index, war_museums, title="Grande Guerre", duration_days=2)
    make_circuit(circuit_index, war_museums[:2], title="Brouillon", publish=False)
    response = client.get(circuit_index.url)
    html = response.content.decode()
    assert [c.title for c in response.context["circuits"]] == ["Grande Guerre"]
    assert re.search(r"Fromelles<span aria-hidden=\"true\"> → </span>.*Péronne.*Blérancourt", html)
