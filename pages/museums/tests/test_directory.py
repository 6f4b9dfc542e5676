import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.home.models import HomePage
from musenor.pages.museums.factories import make_museum
from musenor.pages.museums.models import MuseumIndexPage, MuseumPage, OpeningHours
from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db


def listed_titles(response):
    return [museum.title for museum in response.context["museums"]]


def test_directory_lists_live_museums_only(client, directory):
    make_museum(directory, title="Musée de la Chartreuse", city="Douai")
    make_museum(directory, title="Brouillon", publish=False)
    response = client.get(directory.url)
    assert response.status_code == 200
    assert listed_titles(response) == ["Musée de la Chartreuse"]
    assert "1 musée" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("department=62", ["Louvre-Lens"]),
        ("theme=archeologie", ["Forum antique de Bavay", "Louvre-Lens"]),
        ("city=Bavay", ["Forum antique de Bavay"]),
        ("q=lens", ["Louvre-Lens"]),
        ("q=chartreuse", ["Musée de la Chartreuse"]),
        ("department=59&theme=beaux-arts", ["Musée de la Chartreuse"]),
        ("department=80", []),
    ],
)
def test_directory_filters(client, directory, query, expected):
    make_museum(
        directory,
        title="Louvre-Lens",
        city="Lens",
        department="62",
        themes=["beaux-arts", "archéologie"],
    )
    make_museum(
        directory,
        title="Forum antique de Bavay",
        city="Bavay",
        department="59",
        themes=["archéologie"],
    )
    make_museum(
        directory,
        title="Musée de la Chartreuse",
        city="Douai",
        department="59",
        themes=["beaux-arts"],
    )
    response = client.get(f"{directory.url}?{query}")
    assert response.status_code == 200
    assert listed_titles(response) == expected


def test_invalid_filter_values_show_every_museum_with_an_error(client, directory):
    make_museum(directory, title="Musée A")
    response = client.get(f"{directory.url}?department=99")
    assert response.status_code == 200
    assert listed_titles(response) == ["Musée A"]
    assert response.context["filter_form"].errors["department"]


def test_text_filter_matches_a_word_of_the_summary_through_the_search_index(client, directory):
    make_museum(directory, title="Musée A", summary="Une collection de faïences fines")
    make_museum(directory, title="Musée B", summary="Des peintures flamandes")
    response = client.get(f"{directory.url}?q=faïences")
    assert listed_titles(response) == ["Musée A"]


def test_directory_paginates_and_keeps_filters(client, directory):
    for n in range(35):
        make_museum(directory, title=f"Musée {n:02d}", department="59")
    response = client.get(f"{directory.url}?department=59&page=2")
    assert len(listed_titles(response)) == 5
    assert "department=59&amp;page=1" in response.content.decode()


def test_map_data_has_one_point_per_listed_museum(client, directory, settings):
    settings.MUSENOR_MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    make_museum(directory, title="Musée A")
    make_museum(directory, title="Sans coordonnées", latitude=None, longitude=None)
    response = client.get(directory.url)
    points = response.context["map_points"]
    assert [p["name"] for p in points] == ["Musée A"]
    assert 'id="museum-map-data"' in response.content.decode()


def test_no_map_without_tile_server(client, directory, settings):
    settings.MUSENOR_MAP_TILES_URL = ""
    make_museum(directory, title="Musée A")
    html = client.get(directory.url).content.decode()
    assert "leaflet.js" not in html
    assert "Musée A" in html


def test_museum_page_shows_practical_information(client, directory):
    museum = make_museum(
        directory,
        title="La Piscine",
        city="Roubaix",
        address="23 rue de l'Espérance",
        postcode="59100",
        musee_de_france=True,
        wheelchair_access=True,
        website="https://www.roubaix-lapiscine.com/",
        phone="03 20 69 23 60",
        themes=["beaux-arts", "textile"],
    )
    OpeningHours.objects.create(museum=museum, weekday=1, opens="11:00", closes="18:00")
    OpeningHours.objects.create(museum=museum, weekday=5, opens="13:00", closes="18:00")
    response = client.get(museum.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "23 rue de l&#x27;Espérance" in html
    assert "11:00–18:00" in html
    assert "Fermé" in html  # Monday
    assert "Musée de France" in html
    assert "accessible aux personnes en fauteuil roulant" in html.lower()
    assert 'href="tel:+33320692360"' in html
    assert "?theme=textile" in html


def test_opening_hours_must_close_after_opening(directory):
    from django.core.exceptions import ValidationError

    museum = make_museum(directory)
    slot = OpeningHours(museum=museum, weekday=0, opens="18:00", closes="10:00")
    with pytest.raises(ValidationError):
        slot.full_clean()


def test_creating_a_museum_creates_its_editors_group(directory):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    museum = make_museum(directory, title="Musée Matisse")
    group = Group.objects.get(name="Éditeurs – Musée Matisse")
    codenames = set(
        GroupPagePermission.objects.filter(group=group, page=museum).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page", "publish_page"}
    assert group.permissions.filter(codename="access_admin").exists()


def test_museum_editors_can_edit_their_museum_only(directory):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    mine = make_museum(directory, title="Musée Matisse")
    other = make_museum(directory, title="Musée de Cambrai")
    user = get_user_model().objects.create_user(email="editor@example.org", password="x")
    user.groups.add(*Group.objects.filter(name="Éditeurs – Musée Matisse"))
    assert mine.permissions_for_user(user).can_edit()
    assert not other.permissions_for_user(user).can_edit()
    assert not directory.permissions_for_user(user).can_edit()


class TestPageTree(WagtailPageTestCase):
    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(MuseumPage, {MuseumIndexPage})
        self.assertAllowedSubpageTypes(MuseumIndexPage, {MuseumPage})
        self.assertCanCreateAt(HomePage, MuseumIndexPage)
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(HomePage, MuseumPage)
        self.assertAllowedParentPageTypes(HomePage, {Page})
