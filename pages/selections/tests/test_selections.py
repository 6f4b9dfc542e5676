import pytest
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.home.models import HomePage
from musenor.pages.museums.factories import make_museum, make_theme
from musenor.pages.museums.models import MuseumIndexPage
from musenor.pages.selections.factories import (
    answer,
    make_quiz,
    make_selection,
    make_selection_index,
)
from musenor.pages.selections.models import QuizPage, SelectionIndexPage, SelectionPage
from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db


def fr(message):
    with translation.override("fr"):
        return str(translation.gettext(message))


class TestCreationRules(WagtailPageTestCase):
    def test_where_selections_and_quizzes_go(self):
        for parent in (SelectionIndexPage, HomePage, StandardPage):
            self.assertCanCreateAt(parent, SelectionPage)
            self.assertCanCreateAt(parent, QuizPage)
        self.assertCanNotCreateAt(MuseumIndexPage, SelectionPage)
        self.assertCanNotCreateAt(SelectionPage, QuizPage)
        self.assertAllowedSubpageTypes(SelectionIndexPage, {SelectionPage, QuizPage})
        self.assertAllowedSubpageTypes(SelectionPage, set())
        self.assertAllowedSubpageTypes(QuizPage, set())
        self.assertAllowedParentPageTypes(SelectionIndexPage, {HomePage, StandardPage})


@pytest.fixture
def museums(directory):
    specs = [
        ("Historial de la Grande Guerre", "80", ["histoire"]),
        ("Musée de la Bataille de Fromelles", "59", ["histoire"]),
        ("Musée franco-américain", "02", ["histoire"]),
        ("Palais des Beaux-Arts de Lille", "59", ["beaux-arts"]),
        ("La Piscine", "59", ["beaux-arts", "arts décoratifs"]),
        ("Musée de Picardie", "80", ["beaux-arts", "archéologie"]),
    ]
    return {
        title: make_museum(directory, title=title, department=dep, themes=themes)
        for title, dep, themes in specs
    }


def cards(response):
    return {
        "picked": [(m.title, note) for m, note in response.context["picked"]],
        "automatic": [m.title for m in response.context["automatic"]],
    }


def test_hand_picked_museums_keep_their_order_and_notes(client, home, museums):
    page = make_selection(
        home,
        title="Mémoires des guerres",
        picked=[
            (museums["Musée de la Bataille de Fromelles"], "Les soldats australiens de 1916."),
            (museums["Historial de la Grande Guerre"], "Trois armées face à face."),
        ],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    assert cards(response) == {
        "picked": [
            ("Musée de la Bataille de Fromelles", "Les soldats australiens de 1916."),
            ("Historial de la Grande Guerre", "Trois armées face à face."),
        ],
        "automatic": [],
    }
    html = response.content.decode()
    assert html.index("Fromelles") < html.index("Historial")
    assert '<p class="note">Trois armées face à face.</p>' in html
    # One list, its heading for screen readers only.
    assert f'<h2 class="visually-hidden">{fr("Our choice")}</h2>' in html


def test_unpublished_museums_drop_out_of_a_selection(client, home, museums):
    historial = museums["Historial de la Grande Guerre"]
    page = make_selection(home, picked=[historial, museums["Musée franco-américain"]])
    historial.unpublish()
    assert cards(client.get(page.url))["picked"] == [("Musée franco-américain", "")]


def test_automatic_list_by_theme_and_department(client, home, museums):
    page = make_selection(home, themes=[make_theme("beaux-arts")], department="59")
    response = client.get(page.url)
    assert cards(response)["automatic"] == ["La Piscine", "Palais des Beaux-Arts de Lille"]
    html = response.content.decode()
    directory = museums["La Piscine"].get_parent()
    assert f'href="{directory.url}?theme=beaux-arts&amp;department=59"' in html


def test_automatic_list_with_several_themes_is_limited_and_skips_picked(client, home, museums):
    page = make_selection(
        home,
        picked=[museums["Musée de Picardie"]],
        themes=[make_theme("beaux-arts"), make_theme("archéologie")],
        automatic_limit=1,
    )
    response = client.get(page.url)
    assert cards(response) == {
        "picked": [("Musée de Picardie", "")],
        "automatic": ["La Piscine"],
    }
    html = response.content.decode()
    assert f"<h2>{fr('Our choice')}</h2>" in html
    assert f"<h2>{fr('More museums on this theme')}</h2>" in html
    # Two themes: no single directory filter shows them, so no link.
    assert "?theme=" not in html


def test_empty_selection_says_so(client, home, museums):
    page = make_selection(home, picked=[museums["La Piscine"]])
    museums["La Piscine"].unpublish()
    html = client.get(page.url).content.decode()
    assert fr("No museum in this selection for now.") in html


def test_index_lists_selections_and_quizzes(client, home, museums):
    index = make_selection_index(home, intro="Par thème, ou en répondant à quelques questions.")
    make_selection(index, title="Mémoires des guerres", picked=[museums["Musée franco-américain"]])
    make_quiz(index, [("Où ?", False, [answer("Nord", departments=["59"]), answer("Ailleurs")])])
    draft = make_selection(index, title="Brouillon", themes=[make_theme("histoire")], publish=False)
    response = client.get(index.url)
    html = response.content.decode()
    assert [page.title for page in response.context["children"]] == [
        "Mémoires des guerres",
        "Quel musée pour moi ?",
    ]
    assert draft.title not in html
    assert f'<p class="kicker">{fr("Quiz")}</p>' in html
