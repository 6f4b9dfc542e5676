"""Museum pages that say what is unknown, list their exhibitions and show their spot;
the directory's shared spots and distance sort; the admin report of gaps."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.museums.factories import make_museum
from musenor.pages.museums.models import OpeningHours

pytestmark = pytest.mark.django_db


def test_unknown_facts_are_said_plainly(client, directory):
    museum = make_museum(directory, title="Musée Arkéos", city="Douai")
    html = client.get(museum.url).content.decode()
    assert "Horaires à confirmer auprès du musée." in html
    assert "Accessibilité à confirmer auprès du musée." in html
    assert "Adresse à confirmer auprès du musée." in html
    assert "Coordonnées pas encore connues." in html


def test_known_facts_replace_the_unknowns(client, directory):
    museum = make_museum(
        directory,
        title="Musée de la Chartreuse",
        city="Douai",
        address="130 rue des Chartreux",
        postcode="59500",
        phone="03 21 47 00 10 (mairie)",
        website="https://museedelachartreuse.fr/",
        wheelchair_access=True,
    )
    OpeningHours.objects.create(museum=museum, weekday=2, opens="10:00", closes="18:00")
    html = client.get(museum.url).content.decode()
    assert "130 rue des Chartreux" in html
    assert 'href="tel:+33321470010"' in html and "03 21 47 00 10 (mairie)" in html
    assert "à confirmer" not in html
    assert "Coordonnées pas encore connues." not in html


def test_a_museum_lists_its_current_and_coming_exhibitions_not_its_past(client, home, directory):
    museum = make_museum(directory, title="Musée de Picardie", city="Amiens", department="80")
    other = make_museum(directory, title="Autre musée", city="Lille")
    index = make_exhibition_index(home)
    today = timezone.localdate()
    make_exhibition(
        index, title="Nuages", museums=[museum], start_date=today - timedelta(days=3),
        end_date=today + timedelta(days=30),
    )  # fmt: skip
    make_exhibition(
        index, title="Estampes à venir", museums=[museum], start_date=today + timedelta(days=9),
        end_date=today + timedelta(days=60),
    )  # fmt: skip
    make_exhibition(
        index, title="Terminée", museums=[museum], start_date=today - timedelta(days=90),
        end_date=today - timedelta(days=1),
    )  # fmt: skip
    make_exhibition(index, title="Ailleurs", museums=[other], start_date=today, end_date=today)
    html = client.get(museum.url).content.decode()
    assert "En cours" in html and "Bientôt" in html
    assert html.index("Nuages") < html.index("Estampes à venir")
    assert "Terminée" not in html and "Ailleurs" not in html


def test_the_museum_page_shows_its_spot_on_a_map_when_tiles_are_set(client, directory, settings):
    museum = make_museum(directory, latitude=Decimal("50.37440"), longitude=Decimal("3.07548"))
    assert "data-block-map" not in client.get(museum.url).content.decode()  # no tiles in tests
    settings.MUSENOR_MAP_TILES_URL = "https://tiles.example/{z}/{x}/{y}.png"
    html = client.get(museum.url).content.decode()
    assert 'data-tiles="https://tiles.example/{z}/{x}/{y}.png"' in html
    assert '"lat": 50.3744' in html
    assert "musenor_streamfields/js/museum-map" in html


def test_museums_sharing_a_spot_share_a_marker_and_say_so(client, directory):
    spot = {"latitude": Decimal("49.89050"), "longitude": Decimal("2.29950"), "city": "Amiens"}
    make_museum(directory, title="Musée de Picardie", **spot)
    make_museum(directory, title="Cabinet d'estampes", **spot)
    make_museum(directory, title="Musée de Lille", latitude=Decimal("50.63"))
    response = client.get(directory.url)
    points = response.context["map_points"]
    assert len(points) == 2
    shared = next(point for point in points if len(point["museums"]) == 2)
    assert {m["name"] for m in shared["museums"]} == {"Musée de Picardie", "Cabinet d'estampes"}
    html = response.content.decode()
    assert "Au même endroit :" in html
    assert html.count("Au même endroit :") == 2


def test_museums_sorted_by_distance_from_a_town_without_javascript(client, directory):
    make_museum(directory, title="A Lille", city="Lille", latitude=Decimal("50.63"),
                longitude=Decimal("3.06"))  # fmt: skip
    make_museum(directory, title="B Amiens", city="Amiens", latitude=Decimal("49.89"),
                longitude=Decimal("2.30"))  # fmt: skip
    make_museum(directory, title="C Arras", city="Arras", latitude=Decimal("50.29"),
                longitude=Decimal("2.78"))  # fmt: skip
    response = client.get(directory.url + "?near=amiens")
    assert [m.title for m in response.context["museums"]] == ["B Amiens", "C Arras", "A Lille"]
    html = response.content.decode()
    assert "les plus proches de Amiens d’abord" in html
    assert "à 0 km de Amiens" in html
    # Accents and case do not matter; an unknown town is said, and nothing is sorted.
    response = client.get(directory.url + "?near=VILLERS-COTTERETS")
    assert response.context["near_town"][0] == "Villers-Cotterêts"
    response = client.get(directory.url + "?near=Atlantis")
    assert "ne fait pas partie des villes que nous connaissons" in response.content.decode()
    assert [m.title for m in response.context["museums"]] == ["A Lille", "B Amiens", "C Arras"]


def test_the_report_lists_museum_pages_missing_hours_accessibility_or_a_photo(
    admin_client, directory
):
    from musenor.site.demo_images import illustration

    complete = make_museum(directory, title="Complet", wheelchair_access=True)
    complete.image = illustration("museum", "complet", 1, "Complet")
    complete.save_revision().publish()
    OpeningHours.objects.create(museum=complete, weekday=1, opens="10:00", closes="17:00")
    no_photo = make_museum(directory, title="Sans photo", accessibility_info="<p>Rampe</p>")
    OpeningHours.objects.create(museum=no_photo, weekday=1, opens="10:00", closes="17:00")
    make_museum(directory, title="Rien du tout")

    response = admin_client.get("/admin/reports/incomplete-museums/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sans photo" in html and "Rien du tout" in html
    assert "Complet" not in html.replace("incomplètes", "")
    assert "horaires d’ouverture, accessibilité, photographie" in html
    response = admin_client.get("/admin/reports/incomplete-museums/?missing=hours")
    titles = [m.title for m in response.context["object_list"]]
    assert titles == ["Rien du tout"]
    export = admin_client.get("/admin/reports/incomplete-museums/?export=csv")
    assert export.status_code == 200
    assert "Sans photo" in b"".join(export.streaming_content).decode("utf-8-sig")
    menu = admin_client.get("/admin/reports/incomplete-museums/").content.decode()
    assert "Pages de musées incomplètes" in menu
