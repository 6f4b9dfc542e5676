"""Educational showcases, selections and the quiz: queries do not grow with content.

Each page is rendered with little content and with much more (more showcases,
levels, subjects, files, linked museums, works, paths, images; more museums in
a selection; more questions, answers and matching museums in the quiz), and
the number of queries must be the same, under a fixed ceiling.
"""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.tests.utils import get_test_image_file

from musenor.pages.education.factories import (
    make_document,
    make_showcase,
    make_showcase_index,
    make_subject,
)
from musenor.pages.education.models import (
    SchoolLevel,
    ShowcasePath,
    ShowcaseTeachingFile,
    ShowcaseWork,
)
from musenor.pages.museums.factories import make_museum, make_theme
from musenor.pages.museums.models import OpeningHours
from musenor.pages.paths.factories import make_path, make_path_index
from musenor.pages.selections.factories import (
    answer,
    make_quiz,
    make_selection,
    make_selection_index,
    quiz_questions,
    stable_id,
)
from musenor.site.models import PortalImage

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm caches that are per process (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def image(n):
    return PortalImage.objects.create(
        title=f"Image {n}", description=f"Une vue {n}", file=get_test_image_file()
    )


def museums(directory, count, start=0, **fields):
    return [
        make_museum(
            directory,
            title=f"Musée {n:03d}",
            department=["59", "62", "80"][n % 3],
            themes=["beaux-arts", f"thème {n % 4}"],
            image=image(n) if n % 2 else None,
            wheelchair_access=bool(n % 2),
            **fields,
        )
        for n in range(start, start + count)
    ]


# --- Showcases ---------------------------------------------------------------


def add_showcases(index, count, start=0):
    for n in range(start, start + count):
        make_showcase(
            index,
            title=f"Vitrine {n:03d}",
            levels=["cycle-2", "cycle-3", "lycee"][: 1 + n % 3],
            subjects=["Histoire", "Arts plastiques", f"Discipline {n % 4}"][: 1 + n % 3],
            image=image(n) if n % 2 else None,
        )


@pytest.mark.parametrize("query", ["", "?level=cycle-3", "?level=cycle-2&subject=histoire"])
def test_showcase_index_queries_do_not_grow(client, home, query):
    index = make_showcase_index(home)
    add_showcases(index, 2)
    few = count_queries(client, index.url + query)
    add_showcases(index, 10, start=2)
    many = count_queries(client, index.url + query)
    assert few == many
    assert many <= 20


def test_showcase_page_queries_do_not_grow(client, home, directory):
    index = make_showcase_index(home)
    path_index = make_path_index(home)
    showcase = make_showcase(index, title="Vitrine", levels=["cycle-3"], subjects=["Histoire"])

    def enrich(count, start):
        linked = museums(directory, count, start)
        showcase.levels.add(*SchoolLevel.objects.all()[:count])
        showcase.subjects.add(*[make_subject(f"Discipline {n}") for n in range(start + count)])
        for n, museum in enumerate(linked, start):
            showcase.teaching_files.add(
                ShowcaseTeachingFile(document=make_document(f"Fiche {n}"), description="A4")
            )
            showcase.linked_museums.add(showcase.linked_museums.model(museum=museum, note="Note"))
            showcase.linked_works.add(ShowcaseWork(title=f"Œuvre {n}", museum=museum))
            showcase.linked_paths.add(
                ShowcasePath(path=make_path(path_index, title=f"Parcours {n}"))
            )
        showcase.activities = [
            ("activity", {"title": f"Activité {n}", "duration": 30, "description": "<p>x</p>"})
            for n in range(start + count)
        ]
        showcase.save_revision().publish()

    enrich(1, 0)
    few = count_queries(client, showcase.url)
    enrich(6, 1)
    many = count_queries(client, showcase.url)
    assert few == many
    assert many <= 22


# --- Selections ------------------------------------------------------------------


def test_selection_page_queries_do_not_grow(client, home, directory):
    picked = museums(directory, 2)
    page = make_selection(
        home, picked=[(m, "Note") for m in picked], themes=[make_theme("beaux-arts")]
    )
    museums(directory, 1, start=3)  # in the automatic list, with an image
    few = count_queries(client, page.url)
    more = museums(directory, 12, start=4)
    for museum in more[:6]:
        page.picked_museums.add(page.picked_museums.model(museum=museum, note="Note"))
    page.save_revision().publish()
    many = count_queries(client, page.url)
    assert len(page.picked_museums.all()) == 8
    assert few == many
    assert many <= 26


def test_selection_index_queries_do_not_grow(client, home, directory):
    index = make_selection_index(home)
    museum = museums(directory, 1)[0]
    make_selection(index, title="Sélection 0", picked=[museum], listing_image=image(0))
    make_quiz(index, [("Où ?", False, [answer("Nord", departments=["59"]), answer("Ailleurs")])])
    few = count_queries(client, index.url)
    for n in range(1, 8):
        make_selection(index, title=f"Sélection {n}", picked=[museum], listing_image=image(n))
    make_quiz(
        index,
        [("Où ?", False, [answer("Nord", departments=["59"]), answer("Ailleurs")])],
        title="Un autre quiz",
    )
    many = count_queries(client, index.url)
    assert few == many
    assert many <= 20


# --- Quiz ----------------------------------------------------------------------------


def quiz_url(quiz, picks):
    params = [("quiz", "1")]
    params += [
        ("q-" + stable_id("quiz", question), stable_id("quiz", question, label))
        for question, label in picks
    ]
    return f"{quiz.url}?{urlencode(params)}"


def questions(count):
    return [
        (
            f"Question {n}",
            True,
            [
                answer("Beaux-arts", themes=["beaux-arts"]),
                answer("Nord", departments=["59"]),
                answer("Fauteuil", features=["wheelchair_access"]),
                answer("Dimanche", features=["open_sunday"]),
                answer("Rien"),
            ],
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("with_results", [False, True], ids=["form", "results"])
def test_quiz_queries_do_not_grow(client, home, directory, with_results):
    few_museums = museums(directory, 3)
    OpeningHours.objects.create(museum=few_museums[0], weekday=6, opens="10:00", closes="18:00")
    quiz = make_quiz(home, questions(1), result_count=30)
    picks = [("Question 0", label) for label in ("Beaux-arts", "Nord", "Fauteuil", "Dimanche")]
    url = quiz_url(quiz, picks) if with_results else quiz.url
    few = count_queries(client, url)

    for museum in museums(directory, 15, start=3):
        OpeningHours.objects.create(museum=museum, weekday=6, opens="10:00", closes="18:00")
    quiz.questions = quiz_questions(questions(5))
    quiz.save_revision().publish()
    picks += [(f"Question {n}", "Nord") for n in range(1, 5)]
    url = quiz_url(quiz, picks) if with_results else quiz.url
    response = client.get(url)
    if with_results:
        assert len(response.context["matches"]) == 18
    many = count_queries(client, url)
    assert few == many
    assert many <= 22
