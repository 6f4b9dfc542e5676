"""Showcases, selections and the quiz in a real browser: accessibility, and all of it
without JavaScript (filters, downloads, the quiz's form and its results)."""

from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def showcases(home, museums):
    from musenor.pages.education.factories import (
        make_document,
        make_showcase,
        make_showcase_index,
    )
    from musenor.pages.education.models import ShowcaseTeachingFile, ShowcaseWork

    index = make_showcase_index(home, intro="Pour les classes, de la maternelle au lycée.")
    historial = museums["Historial de la Grande Guerre"]
    war = make_showcase(
        index,
        title="La Grande Guerre au cycle 3",
        levels=["cycle-3"],
        subjects=["Histoire", "Histoire des arts"],
        museums=[historial],
        objectives="<ul><li>Situer la guerre dans le temps.</li></ul>",
        activities=[
            (
                "activity",
                {
                    "title": "Visite guidée",
                    "duration": 90,
                    "place": "museum",
                    "description": "<p>Trois armées face à face.</p>",
                },
            )
        ],
        teaching_files=[
            ShowcaseTeachingFile(
                document=make_document("Dossier enseignant", ["Déroulé de la visite."]),
                description="Deux pages.",
            )
        ],
        linked_works=[
            ShowcaseWork(title="Der Krieg", artist="Otto Dix", date="1924", museum=historial)
        ],
    )
    clouds = make_showcase(
        index,
        title="Paysages et nuages au cycle 2",
        levels=["cycle-2"],
        subjects=["Arts plastiques"],
        museums=[museums["Musée des Beaux-Arts d'Arras"]],
    )
    return index, war, clouds


@pytest.fixture
def quiz(home, museums):
    from musenor.pages.selections.factories import answer, make_quiz, make_selection_index

    index = make_selection_index(home)
    return make_quiz(
        index,
        [
            (
                "Qu'aimez-vous regarder ?",
                "Plusieurs réponses sont possibles.",
                True,
                [
                    answer("Des tableaux", themes=["beaux-arts"]),
                    answer("Les sciences", themes=["sciences"]),
                    answer("L'histoire", themes=["histoire"]),
                ],
            ),
            (
                "Où voulez-vous aller ?",
                "",
                False,
                [
                    answer("Dans le Nord", departments=["59"]),
                    answer("Dans la Somme", departments=["80"]),
                    answer("Peu importe"),
                ],
            ),
        ],
        intro="Deux questions pour trouver votre musée.",
    )


@pytest.fixture
def selection(home, museums):
    from musenor.pages.museums.factories import make_theme
    from musenor.pages.selections.factories import make_selection, make_selection_index

    index = make_selection_index(home)
    return make_selection(
        index,
        title="Les beaux-arts dans le Nord",
        intro="De Lille à Douai.",
        picked=[(museums["Palais des Beaux-Arts"], "Un des plus grands musées de France.")],
        themes=[make_theme("Beaux-arts")],
        department="59",
    )


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_teachers_filter_showcases_by_level_and_subject(
    live_server, showcases, new_page, javascript
):
    index, war, clouds = showcases
    page = new_page(javascript=javascript)
    page.goto(live_server.url + index.url)
    titles = page.locator(".showcase-list .card h3 a")
    assert sorted(titles.all_inner_texts()) == sorted([war.title, clouds.title])
    for name in ("level", "subject"):
        field = page.locator(f"form.filters [name={name}]")
        assert page.locator(f"label[for='{field.get_attribute('id')}']").is_visible()

    page.select_option("form.filters [name=level]", "cycle-3")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert parse_qs(urlsplit(page.url).query)["level"] == ["cycle-3"]
    assert titles.all_inner_texts() == [war.title]

    page.select_option("form.filters [name=level]", "")
    page.select_option("form.filters [name=subject]", "arts-plastiques")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert titles.all_inner_texts() == [clouds.title]


def test_teaching_file_downloads_without_javascript(live_server, showcases, new_page):
    _index, war, _clouds = showcases
    page = new_page(javascript=False)
    page.goto(live_server.url + war.url)
    link = page.locator(".teaching-files a[download]")
    assert "PDF" in link.inner_text()
    with page.expect_download() as download:
        link.click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(8) == b"%PDF-1.4"
    assert page.locator("time[datetime=PT1H30M]").inner_text() == "1 h 30"


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_quiz_answers_and_results(live_server, quiz, museums, new_page, javascript):
    page = new_page(javascript=javascript)
    page.goto(live_server.url + quiz.url)
    assert page.locator("#quiz-results").count() == 0
    assert page.locator("fieldset legend").all_inner_texts() == [
        "Qu'aimez-vous regarder ?",
        "Où voulez-vous aller ?",
    ]
    # Labels are tied to the inputs: clicking the text ticks the box.
    page.get_by_text("L'histoire", exact=True).click()
    page.get_by_label("Dans la Somme").check()
    with page.expect_navigation():
        page.locator("form#quiz-form button[type=submit]").click()

    assert urlsplit(page.url).fragment == "quiz-results"
    results = page.locator("#quiz-results ol.quiz-matches > li h3")
    # The Somme and history first (two answers), then the other history museums.
    names = results.all_inner_texts()
    assert names[:2] == ["Historial de la Grande Guerre", "Maison de Jules Verne"]
    assert set(names) == {
        "Historial de la Grande Guerre",
        "Maison de Jules Verne",
        "Musée de Picardie",
        "Musée de la Chartreuse",
        "Musée de la Mine",
    }
    first = page.locator("#quiz-results ol.quiz-matches > li").first
    assert "Dans la Somme" in first.locator(".why").inner_text()
    # The answers stay ticked, ready to change.
    assert page.get_by_label("L'histoire").is_checked()
    assert page.get_by_label("Dans la Somme").is_checked()

    # Nothing ticked: a message, not an error.
    page.get_by_label("L'histoire").uncheck()
    page.get_by_label("Peu importe").check()
    with page.expect_navigation():
        page.locator("form#quiz-form button[type=submit]").click()
    assert page.locator("#quiz-results .notice").count() == 1
    assert page.locator("ol.quiz-matches").count() == 0


def test_tampered_quiz_link_shows_a_message(live_server, quiz, page):
    page.goto(live_server.url + quiz.url + "?quiz=1&q-nope=nope")
    assert page.locator("#quiz-results .notice").count() == 2  # ignored, and nothing chosen
    assert page.locator("main h1").inner_text() == quiz.title


@pytest.fixture
def education_page(request, live_server, new_page):
    """Open one page of each type of the two apps, fully rendered."""

    def open_page(target, viewport):
        if target in ("showcase-index", "showcase"):
            index, war, _clouds = request.getfixturevalue("showcases")
            url = index.url if target == "showcase-index" else war.url
        elif target == "selection":
            url = request.getfixturevalue("selection").url
        else:
            quiz = request.getfixturevalue("quiz")
            url = quiz.url
            if target == "quiz-results":
                from musenor.pages.selections.quiz import questions_of

                questions = questions_of(quiz.questions)
                first = next(iter(questions[0].answers))
                url += f"?quiz=1&q-{questions[0].id}={first}"
            elif target == "selection-index":
                url = quiz.get_parent().url
        page = new_page(viewport=viewport)
        page.goto(live_server.url + url)
        return page

    return open_page


@pytest.mark.parametrize(
    "target",
    ["showcase-index", "showcase", "selection-index", "selection", "quiz", "quiz-results"],
)
def test_axe_finds_no_violation(education_page, check_accessibility, artifacts_dir, target):
    for viewport in ("desktop", "mobile"):
        page = education_page(target, viewport)
        check_accessibility(page, viewport)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the {viewport} {target} page scrolls sideways by {overflow}px"
        page.screenshot(path=str(artifacts_dir / f"{target}-{viewport}.png"), full_page=True)
