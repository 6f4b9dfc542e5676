from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.home.models import HomePage
from musenor.pages.museums.factories import make_museum, make_site_tree
from musenor.pages.museums.models import MuseumIndexPage
from musenor.pages.operations.factories import make_operation, make_operation_index
from musenor.pages.operations.models import (
    OperationIndexPage,
    OperationPage,
    OperationResource,
    Organiser,
)
from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db


class TestCreationRules(WagtailPageTestCase):
    def test_index_goes_anywhere_and_holds_operations_only(self):
        self.assertCanCreateAt(HomePage, OperationIndexPage)
        self.assertAllowedSubpageTypes(OperationIndexPage, {OperationPage})

    def test_operation_lives_under_the_index_only_and_has_no_children(self):
        self.assertAllowedParentPageTypes(OperationPage, {OperationIndexPage})
        self.assertAllowedSubpageTypes(OperationPage, set())
        self.assertCanNotCreateAt(HomePage, OperationPage)
        self.assertCanNotCreateAt(MuseumIndexPage, OperationPage)
        self.assertCanNotCreateAt(StandardPage, OperationPage)

    def test_one_index_per_parent(self):
        home, _directory = make_site_tree()
        make_operation_index(home)
        assert not OperationIndexPage.can_create_at(home)


def test_years_read_as_people_write_them():
    assert OperationPage(start_year=2019, end_year=2022).years == "2019–2022"
    assert OperationPage(start_year=1977, end_year=1977).years == "1977"
    assert "2023" in OperationPage(start_year=2023, end_year=None).years


def test_last_year_cannot_precede_the_first(home):
    index = make_operation_index(home)
    page = OperationPage(title="À l'envers", slug="a-lenvers", start_year=2020, end_year=2019)
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    assert "end_year" in error.value.message_dict


def test_index_separates_ongoing_and_past_operations(client, home):
    index = make_operation_index(home)
    year = timezone.localdate().year
    make_operation(index, title="Musées et Reconstructions", start_year=2023, end_year=None)
    make_operation(index, title="Cette année", start_year=year - 1, end_year=year)
    make_operation(index, title="Textile(s)", start_year=2022, end_year=year - 1)
    make_operation(index, title="Brouillon", publish=False)
    response = client.get(index.url)
    assert response.status_code == 200
    ongoing = [page.title for page in response.context["ongoing"]]
    past = [page.title for page in response.context["past"]]
    assert ongoing == ["Cette année", "Musées et Reconstructions"]
    assert past == ["Textile(s)"]
    assert "Brouillon" not in response.content.decode()


def test_operation_page_lists_museums_exhibitions_and_resources(client, home, directory):
    amiens = make_museum(directory, title="Musée de Picardie", city="Amiens", department="80")
    cambrai = make_museum(directory, title="Musée des Beaux-Arts de Cambrai", city="Cambrai")
    closed = make_museum(directory, title="Musée fermé", publish=False)
    operation = make_operation(
        make_operation_index(home),
        title="MuséoSciences",
        organiser=Organiser.HAUTS_DE_FRANCE,
        museums=[amiens, cambrai, closed],
        intro="Les sciences éclairent les collections.",
    )
    document = get_document_model().objects.create(
        title="Dossier de presse", file=ContentFile(b"%PDF-1.4 test", name="presse.pdf")
    )
    OperationResource.objects.create(operation=operation, document=document, sort_order=0)
    exhibitions = make_exhibition_index(home)
    today = timezone.localdate()
    make_exhibition(
        exhibitions,
        title="Regarder les nuages",
        museums=[cambrai],
        operation=operation,
        start_date=date(2019, 12, 1),
        end_date=date(2020, 3, 31),
    )
    make_exhibition(
        exhibitions,
        title="Le cabinet de curiosités",
        museums=[amiens],
        operation=operation,
        start_date=date(2020, 6, 1),
        end_date=None,
    )
    make_exhibition(
        exhibitions,
        title="Bientôt",
        museums=[amiens],
        operation=operation,
        start_date=today + timedelta(days=10),
    )
    make_exhibition(exhibitions, title="Sans rapport", museums=[amiens])

    response = client.get(operation.url)
    html = response.content.decode()
    assert response.status_code == 200
    groups = response.context["exhibitions"]
    assert [e.title for e in groups["past"]] == ["Regarder les nuages"]
    assert [e.title for e in groups["current"]] == ["Le cabinet de curiosités"]
    assert [e.title for e in groups["upcoming"]] == ["Bientôt"]
    assert "Sans rapport" not in html
    assert [m.title for m in response.context["museums"]] == [
        "Musée de Picardie",
        "Musée des Beaux-Arts de Cambrai",
    ]
    assert "Musée fermé" not in html
    assert "Dossier de presse" in html
    assert document.url in html
    assert "2019–2022" in html


def test_resource_title_falls_back_to_the_document_title():
    document = get_document_model()(title="Catalogue")
    assert OperationResource(document=document).display_title == "Catalogue"
    assert OperationResource(document=document, title="Le livret").display_title == "Le livret"
