"""The demo's showcases, selections and quiz: real museums, real files, safe to load twice."""

import csv
import io
from pathlib import Path

import pytest
from wagtail.documents import get_document_model

from musenor.pages.education import demo as education_demo
from musenor.pages.education.demo_content import SHOWCASES
from musenor.pages.education.models import ShowcasePage
from musenor.pages.museums.factories import make_museum, make_theme
from musenor.pages.selections import demo as selections_demo
from musenor.pages.selections.models import QuizPage, SelectionPage

# Loads the whole demo site: slow, left out of the PostgreSQL pass of CI.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

MUSEUMS_CSV = Path(__file__).resolve().parents[3] / "site" / "data" / "museums.csv"


def network():
    with open(MUSEUMS_CSV, encoding="utf-8", newline="") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


def named_museums():
    names = {name for data in SHOWCASES for name, _note in data["museums"]}
    names |= {w["museum"] for data in SHOWCASES for w in data["works"] if w.get("museum")}
    names |= {name for data in selections_demo.SELECTIONS for name, _note in data["picked"]}
    return names


def test_the_demo_names_museums_of_the_network():
    assert named_museums() <= network().keys()


def test_the_demo_names_themes_of_the_network():
    themes = {theme.strip() for row in network().values() for theme in row["themes"].split(";")}
    from django.utils.text import slugify

    slugs = {slugify(theme) for theme in themes}
    used = {slug for data in selections_demo.SELECTIONS for slug in data["themes"]}
    used |= {
        slug
        for _text, _help, _multiple, answers in selections_demo.QUIZ["questions"]
        for item in answers
        for slug in item["themes"]
    }
    assert used <= slugs


def test_demo_loads_twice_without_duplicates(client, home, directory):
    rows = network()
    for name in sorted(named_museums()):
        row = rows[name]
        make_museum(
            directory,
            title=name,
            city=row["city"],
            department=row["department_code"].zfill(2),
            themes=row["themes"].split(";"),
        )
    for slug in ("sciences et techniques", "histoire naturelle", "beaux-arts"):
        make_theme(slug)
    Document = get_document_model()

    def load():
        out = io.StringIO()
        education_demo.load(home=home, seed=1972, stdout=out)
        selections_demo.load(home=home, seed=1972, stdout=out)
        return (
            ShowcasePage.objects.count(),
            Document.objects.count(),
            SelectionPage.objects.count(),
            QuizPage.objects.count(),
        )

    first = load()
    assert first == (4, 6, 3, 1)
    assert load() == first

    war = ShowcasePage.objects.get(slug="grande-guerre-cycle-3")
    assert [m.museum.title for m in war.linked_museums.all()] == [
        "Historial de la Grande Guerre",
        "Musée de la Bataille de Fromelles",
    ]
    assert war.linked_works.get().museum.title == "Historial de la Grande Guerre"
    document = war.teaching_files.first().document
    with document.open_file() as handle:
        assert handle.read().startswith(b"%PDF-1.4")
    assert document.file_size > 500
    assert client.get(war.url).status_code == 200

    quiz = QuizPage.objects.get()
    ids = [child.id for child in quiz.questions]
    selections_demo.load(home=home, seed=1972, stdout=io.StringIO())
    # Answer ids stay the same from one load to the next: result links keep working.
    assert [child.id for child in QuizPage.objects.get().questions] == ids
    assert client.get(quiz.url).status_code == 200
    memory = SelectionPage.objects.get(slug="memoires-des-deux-guerres")
    assert memory.picked_museums.count() == 5
