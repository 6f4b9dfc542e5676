import json
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.exhibitions.choices import ExhibitionKind
from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.exhibitions.models import ExhibitionIndexPage, ExhibitionPage
from musenor.pages.home.models import HomePage
from musenor.pages.museums.factories import make_museum, make_site_tree
from musenor.pages.museums.models import MuseumIndexPage
from musenor.pages.operations.factories import make_operation, make_operation_index

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def titles(items):
    return [page.title for page in items]


@pytest.fixture
def index(home):
    return make_exhibition_index(home)


@pytest.fixture
def network(home, directory, index):
    """Three museums in two départements, an operation, and exhibitions of every status."""
    today = TODAY()
    amiens = make_museum(directory, title="Musée de Picardie", city="Amiens", department="80")
    peronne = make_museum(
        directory, title="Historial de la Grande Guerre", city="Péronne", department="80"
    )
    lille = make_museum(directory, title="Palais des Beaux-Arts", city="Lille", department="59")
    operation = make_operation(make_operation_index(home), title="MuséoSciences")
    pages = {
        "current": make_exhibition(
            index,
            title="En cours",
            museums=[amiens, peronne],
            operation=operation,
            start_date=today - timedelta(days=10),
            end_date=today + timedelta(days=10),
        ),
        "closing_today": make_exhibition(
            index,
            title="Dernier jour",
            museums=[lille],
            start_date=today - timedelta(days=60),
            end_date=today,
        ),
        "permanent": make_exhibition(
            index,
            title="Parcours permanent",
            museums=[amiens],
            kind=ExhibitionKind.PERMANENT,
            start_date=date(2020, 6, 1),
            end_date=None,
        ),
        "upcoming": make_exhibition(
            index,
            title="À venir",
            museums=[lille],
            operation=operation,
            start_date=today + timedelta(days=1),
        ),
        "past": make_exhibition(
            index,
            title="Terminée",
            museums=[peronne],
            kind=ExhibitionKind.VIRTUAL,
            start_date=date(2020, 3, 1),
            end_date=today - timedelta(days=1),
        ),
        "draft": make_exhibition(index, title="Brouillon", museums=[lille], publish=False),
    }
    return {"amiens": amiens, "peronne": peronne, "lille": lille, "operation": operation, **pages}


class TestCreationRules(WagtailPageTestCase):
    def test_index_goes_under_home_and_holds_exhibitions_only(self):
        self.assertCanCreateAt(HomePage, ExhibitionIndexPage)
        self.assertAllowedSubpageTypes(ExhibitionIndexPage, {ExhibitionPage})

    def test_exhibition_lives_under_the_index_only(self):
        self.assertAllowedParentPageTypes(ExhibitionPage, {ExhibitionIndexPage})
        self.assertAllowedSubpageTypes(ExhibitionPage, set())
        self.assertCanNotCreateAt(HomePage, ExhibitionPage)
        self.assertCanNotCreateAt(MuseumIndexPage, ExhibitionPage)

    def test_one_index_per_parent(self):
        home, _directory = make_site_tree()
        make_exhibition_index(home)
        assert not ExhibitionIndexPage.can_create_at(home)


def test_index_has_three_sections(client, network, index):
    response = client.get(index.url)
    assert response.status_code == 200
    sections = response.context["sections"]
    # Closing soonest first; a permanent display, which never closes, last.
    assert titles(sections["current"]) == ["Dernier jour", "En cours", "Parcours permanent"]
    assert titles(sections["upcoming"]) == ["À venir"]
    assert titles(sections["past"]) == ["Terminée"]
    html = response.content.decode()
    assert "Brouillon" not in html
    assert html.index('id="current-title"') < html.index('id="upcoming-title"')
    assert html.index('id="upcoming-title"') < html.index('id="past-title"')


def test_past_exhibitions_are_paginated_and_keep_filters(client, home, directory, index):
    museum = make_museum(directory, title="Musée A", department="62")
    for n in range(ExhibitionIndexPage.per_page + 3):
        make_exhibition(
            index,
            title=f"Passée {n:02d}",
            museums=[museum],
            start_date=date(2010, 1, 1),
            end_date=date(2010, 2, 1) + timedelta(days=n),
        )
    response = client.get(f"{index.url}?department=62&page=2")
    past = response.context["sections"]["past"]
    assert past.number == 2
    assert titles(past) == ["Passée 02", "Passée 01", "Passée 00"]
    assert "department=62&amp;page=1" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "current", "upcoming", "past"),
    [
        ("museum=musee-de-picardie", ["En cours", "Parcours permanent"], [], []),
        ("department=59", ["Dernier jour"], ["À venir"], []),
        ("department=80", ["En cours", "Parcours permanent"], [], ["Terminée"]),
        ("operation=museosciences", ["En cours"], ["À venir"], []),
        ("kind=virtual", [], [], ["Terminée"]),
        ("department=80&kind=permanent", ["Parcours permanent"], [], []),
        ("department=02", [], [], []),
    ],
)
def test_index_filters(client, network, index, query, current, upcoming, past):
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    sections = response.context["sections"]
    assert titles(sections["current"]) == current
    assert titles(sections["upcoming"]) == upcoming
    assert titles(sections["past"]) == past
    assert response.context["is_filtered"]


def test_an_exhibition_in_two_museums_of_a_departement_is_listed_once(client, network, index):
    # "En cours" is held in Amiens and Péronne, both in the Somme.
    response = client.get(f"{index.url}?department=80")
    assert titles(response.context["sections"]["current"]).count("En cours") == 1


def test_filter_choices_list_only_what_the_index_holds(client, network, index, directory):
    make_museum(directory, title="Musée sans exposition")
    form = client.get(index.url).context["filter_form"]
    museums = [label for value, label in form.fields["museum"].choices if value]
    assert museums == [
        "Historial de la Grande Guerre (Péronne)",
        "Musée de Picardie (Amiens)",
        "Palais des Beaux-Arts (Lille)",
    ]
    assert [v for v, _label in form.fields["operation"].choices if v] == ["museosciences"]


def test_invalid_filters_show_everything_with_an_error(client, network, index):
    response = client.get(f"{index.url}?department=99&museum=nowhere")
    form = response.context["filter_form"]
    assert form.errors["department"]
    assert form.errors["museum"]
    assert titles(response.context["sections"]["upcoming"]) == ["À venir"]
    assert not response.context["is_filtered"]


def test_end_date_before_start_date_is_refused_with_a_clear_message(index):
    page = ExhibitionPage(
        title="À l'envers",
        slug="a-lenvers",
        venue="Salle des fêtes",
        start_date=date(2026, 5, 1),
        end_date=date(2026, 4, 30),
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    message = " ".join(error.value.message_dict["end_date"])
    assert "2026-04-30" in message and "2026-05-01" in message


def test_exhibition_page_shows_dates_places_and_operation(client, network):
    page = network["current"]
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<time datetime="{page.start_date.isoformat()}">' in html
    assert f'<time datetime="{page.end_date.isoformat()}">' in html
    assert network["amiens"].url in html and network["peronne"].url in html
    assert network["operation"].url in html
    assert response.context["status"] == "current"
    assert f'href="{page.url}ical/"' in html


def test_permanent_display_says_so(client, network):
    html = client.get(network["permanent"].url).content.decode()
    assert 'datetime="2020-06-01"' in html
    assert "Permanent" in html or "permanent" in html


def test_json_ld_describes_an_exhibition_event_in_its_museums(client, network):
    page = network["current"]
    html = client.get(page.url).content.decode()
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert found, "no JSON-LD in the page"
    data = json.loads(found.group(1))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ExhibitionEvent"
    assert data["name"] == "En cours"
    assert data["startDate"] == page.start_date.isoformat()
    assert data["endDate"] == page.end_date.isoformat()
    assert [place["@type"] for place in data["location"]] == ["Museum", "Museum"]
    assert {place["address"]["addressLocality"] for place in data["location"]} == {
        "Amiens",
        "Péronne",
    }
    assert data["superEvent"]["name"] == "MuséoSciences"


def test_json_ld_cannot_close_its_script_element(client, index):
    page = make_exhibition(index, title="</script><script>alert(1)</script>", venue="Ici")
    html = client.get(page.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script>"


def test_json_ld_of_a_virtual_exhibition_is_online(client, index):
    page = make_exhibition(index, title="En ligne", kind=ExhibitionKind.VIRTUAL, venue="")
    html = client.get(page.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert data["location"]["@type"] == "VirtualLocation"
    assert "endDate" in data


class TestEditor(WagtailPageTestCase):
    def setUp(self):
        self.home, self.directory = make_site_tree()
        self.index = make_exhibition_index(self.home)
        self.museum = make_museum(self.directory, title="Musée de Picardie", city="Amiens")
        self.user = get_user_model().objects.create_superuser(
            email="staff@musenor.test", password="pw", first_name="A", last_name="B"
        )
        self.client.force_login(self.user)

    def post(self, **fields):
        url = reverse(
            "wagtailadmin_pages:add",
            args=["musenor_exhibitions", "exhibitionpage", self.index.pk],
        )
        data = {
            "title": "Regarder les nuages",
            "slug": "regarder-les-nuages",
            "start_date": "2026-12-01",
            "end_date": "2027-03-31",
            "kind": "exhibition",
            "body-count": "0",
            "tags": "",
            "action-publish": "publish",
            **fields,
        }
        return self.client.post(url, data)

    def test_publish_an_exhibition_through_the_admin(self):
        response = self.post(museums=[self.museum.pk])
        assert response.status_code == 302, response.content.decode()[:3000]
        page = ExhibitionPage.objects.get(slug="regarder-les-nuages")
        assert page.live
        assert list(page.museums.all()) == [self.museum]

    def test_end_before_start_is_refused_in_the_admin(self):
        response = self.post(museums=[self.museum.pk], end_date="2026-11-30")
        assert response.status_code == 200
        assert "2026-11-30" in response.context["form"].errors["end_date"][0]
        assert not ExhibitionPage.objects.exists()

    def test_a_museum_or_a_venue_is_required(self):
        response = self.post()
        assert response.status_code == 200
        assert response.context["form"].errors["museums"]
        response = self.post(venue="Médiathèque de Wimereux")
        assert response.status_code == 302

    def test_editor_and_preview_open(self):
        page = make_exhibition(self.index, title="Aperçu", museums=[self.museum])
        for target in (self.index, page):
            edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
            assert edit.status_code == 200
            preview = target.make_preview_request()
            assert preview.status_code == 200
            assert target.title in preview.content.decode()


def test_exhibitions_and_operations_translate_with_wagtail_localize(
    client, network, index, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from musenor.site.demo import translate_page

    english = Locale.objects.create(language_code="en")
    operation = network["operation"]
    pages = [index.get_parent(), index, operation.get_parent(), operation, network["current"]]
    for page in pages:
        # wagtail-localize publishes each translation when its transaction commits,
        # before the next page is translated under it (as load_demo does).
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(page.specific, english, {"En cours": "Now on"})
    translated = ExhibitionPage.objects.get(locale=english)
    assert translated.title == "Now on"
    assert translated.start_date == network["current"].start_date
    assert translated.translation_key == network["current"].translation_key
    assert translated.openagenda_uid is None
    response = client.get(translated.url)
    assert response.status_code == 200
    assert "Now on" in response.content.decode()
    english_index = index.get_translation(english)
    assert titles(client.get(english_index.url).context["sections"]["current"]) == ["Now on"]
    assert client.get(operation.get_translation(english).url).status_code == 200
