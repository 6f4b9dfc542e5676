"""The quiz: the form, the ranking, the reasons, and what happens with odd input."""

import itertools
import re
from urllib.parse import urlencode

import pytest
from django.utils import translation

from musenor.pages.museums.factories import make_museum
from musenor.pages.museums.models import MuseumPage, OpeningHours
from musenor.pages.selections.factories import answer, make_quiz, quiz_questions, stable_id
from musenor.pages.selections.models import QuizPage
from musenor.pages.selections.quiz import Answer, questions_of, rank_museums, read_submission

pytestmark = pytest.mark.django_db

LIKES = "Qu'aimez-vous regarder ?"
WHERE = "Où voulez-vous aller ?"
NEEDS = "Avez-vous des besoins particuliers ?"
QUESTIONS = [
    (
        LIKES,
        "Plusieurs réponses sont possibles.",
        True,
        [
            answer("Les sciences", themes=["sciences-et-techniques", "histoire-naturelle"]),
            answer("La peinture", themes=["beaux-arts"]),
            answer("L'histoire", themes=["histoire"], weight=2),
        ],
    ),
    (
        WHERE,
        False,
        [
            answer("Dans le Nord", departments=["59"]),
            answer("Dans la Somme", departments=["80"]),
            answer("Peu importe"),
        ],
    ),
    (
        NEEDS,
        True,
        [
            answer("Je viens en fauteuil roulant", features=["wheelchair_access"], required=True),
            answer("Le dimanche", features=["open_sunday"]),
        ],
    ),
]


def fr(message):
    with translation.override("fr"):
        return str(translation.gettext(message))


def field(question):
    return "q-" + stable_id("quiz", question)


def choice(question, label):
    return stable_id("quiz", question, label)


def ask(client, quiz, *pairs, extra=()):
    """GET the quiz with ``(question, answer label)`` pairs ticked."""
    params = [("quiz", "1")]
    params += [(field(question), choice(question, label)) for question, label in pairs]
    params += list(extra)
    response = client.get(f"{quiz.url}?{urlencode(params)}")
    assert response.status_code == 200
    return response


def ranked(response):
    return [(m.museum.title, m.score) for m in response.context["matches"]]


@pytest.fixture
def museums(directory):
    return {
        page.title: page
        for page in [
            make_museum(
                directory,
                title="Musée des sciences",
                department="59",
                themes=["sciences et techniques"],
                wheelchair_access=True,
            ),
            make_museum(
                directory,
                title="Musée d'histoire naturelle",
                department="59",
                themes=["histoire naturelle", "sciences et techniques"],
            ),
            make_museum(
                directory,
                title="Musée des beaux-arts",
                city="Arras",
                department="62",
                themes=["beaux-arts"],
                wheelchair_access=True,
            ),
            make_museum(
                directory, title="Historial", city="Péronne", department="80", themes=["histoire"]
            ),
            make_museum(directory, title="Musée sans thème", city="Amiens", department="80"),
        ]
    }


@pytest.fixture
def quiz(home, museums):
    return make_quiz(home, QUESTIONS, intro="Cinq questions pour trouver votre musée.")


def test_the_form_works_without_javascript(client, quiz):
    response = client.get(quiz.url)
    html = response.content.decode()
    assert "matches" not in response.context
    assert 'id="quiz-results"' not in html
    form = re.search(r'<form id="quiz-form".*?</form>', html, re.S)[0]
    assert 'method="get"' in form
    assert f'action="{quiz.url}#quiz-results"' in form
    assert form.count("<fieldset") == 3
    assert [
        re.sub(r"\s+", " ", legend) for legend in re.findall(r"<legend>(.*?)</legend>", form)
    ] == [
        LIKES.replace("'", "&#x27;"),
        WHERE.replace("'", "&#x27;"),
        NEEDS,
    ]
    # One question, one answer: radio buttons; several answers: check boxes.
    assert form.count(f'type="radio" name="{field(WHERE)}"') == 3
    assert form.count(f'type="checkbox" name="{field(LIKES)}"') == 3
    # Every input has its label.
    ids = re.findall(r'<input type="(?:radio|checkbox)"[^>]* id="([^"]+)"', form)
    assert len(ids) == 8
    for input_id in ids:
        assert f'<label for="{input_id}">' in form
    # The help text is tied to its fieldset.
    assert f'aria-describedby="{field(LIKES)}-help"' in form
    assert f'id="{field(LIKES)}-help"' in form


def test_museums_are_ranked_by_their_answers(client, quiz):
    response = ask(
        client, quiz, (LIKES, "Les sciences"), (LIKES, "L'histoire"), (WHERE, "Dans la Somme")
    )
    # L'histoire weighs 2; the Somme adds 1; ties by name.
    assert ranked(response) == [
        ("Historial", 3),
        ("Musée d'histoire naturelle", 1),
        ("Musée des sciences", 1),
        ("Musée sans thème", 1),
    ]
    html = response.content.decode()
    assert html.index('id="quiz-results"') < html.index('id="quiz-form"')
    # The answers stay ticked.
    assert re.search(rf'value="{choice(WHERE, "Dans la Somme")}" id="[^"]+" checked', html)
    assert not re.search(rf'value="{choice(WHERE, "Dans le Nord")}" id="[^"]+" checked', html)


def test_results_say_why_each_museum_matches(client, quiz):
    response = ask(client, quiz, (LIKES, "Les sciences"), (WHERE, "Dans le Nord"))
    matches = {m.museum.title: m for m in response.context["matches"]}
    assert matches["Musée d'histoire naturelle"].reasons == [
        ("Les sciences", ["histoire naturelle", "sciences et techniques"]),
        ("Dans le Nord", ["Nord"]),
    ]
    html = response.content.decode()
    assert "histoire naturelle, sciences et techniques" in html
    assert '<ol class="card-list museum-list quiz-matches">' in html


def test_a_required_answer_rules_other_museums_out(client, quiz):
    response = ask(client, quiz, (LIKES, "L'histoire"), (NEEDS, "Je viens en fauteuil roulant"))
    assert ranked(response) == [("Musée des beaux-arts", 1), ("Musée des sciences", 1)]
    reasons = response.context["matches"][0].reasons
    assert reasons == [("Je viens en fauteuil roulant", [fr("accessible to wheelchair users")])]


def test_opening_days_come_from_the_opening_hours(client, quiz, museums):
    OpeningHours.objects.create(
        museum=museums["Historial"], weekday=6, opens="10:00", closes="18:00"
    )
    OpeningHours.objects.create(
        museum=museums["Musée sans thème"], weekday=0, opens="10:00", closes="18:00"
    )
    response = ask(client, quiz, (NEEDS, "Le dimanche"))
    assert ranked(response) == [("Historial", 1)]
    assert response.context["matches"][0].reasons == [("Le dimanche", [fr("open on Sundays")])]


def test_no_answer_gets_a_clear_message(client, quiz):
    response = ask(client, quiz)
    html = response.content.decode()
    assert response.context["matches"] == []
    assert (
        fr("You have not chosen any answer. Choose at least one answer below, then ask again.")
        in html
    )


def test_answers_that_narrow_nothing_point_to_the_directory(client, quiz, directory):
    html = ask(client, quiz, (WHERE, "Peu importe")).content.decode()
    assert fr("Your answers leave every museum of the network open.") in html
    assert f'<a href="{directory.url}">' in html


def test_no_museum_matches(client, quiz):
    # Every museum has said something of its accessibility: none is unknown.
    MuseumPage.objects.update(wheelchair_access=False, accessibility_info="<p>Deux étages.</p>")
    response = ask(client, quiz, (NEEDS, "Je viens en fauteuil roulant"))
    assert response.context["matches"] == []
    message = fr(
        "No museum of the directory matches all your answers. Untick the answers that rule "
        "museums out, or browse the directory."
    )
    assert message in response.content.decode()


def test_tampered_answers_are_ignored_with_a_message(client, quiz):
    response = ask(
        client,
        quiz,
        (LIKES, "La peinture"),
        extra=[
            (field(LIKES), "not-an-answer"),
            (field(LIKES), choice(WHERE, "Dans le Nord")),  # an answer of another question
            ("q-00000000-0000-0000-0000-000000000000", "x"),
            ("q-", ""),
            ("page", "2"),
        ],
    )
    assert response.context["submission"].ignored == 4
    assert ranked(response) == [("Musée des beaux-arts", 1)]
    message = fr(
        "Some answers were not recognised (the quiz may have changed since the link was made) "
        "and were left out."
    )
    assert message in response.content.decode()


def test_two_answers_to_a_one_answer_question_keep_the_first(client, quiz):
    response = ask(client, quiz, (WHERE, "Dans la Somme"), (WHERE, "Dans le Nord"))
    assert response.context["submission"].ignored == 1
    assert {title for title, _score in ranked(response)} == {"Historial", "Musée sans thème"}


@pytest.mark.parametrize(
    "query",
    ["q-%ff=%00", "quiz=1&" + "&".join(f"q-{n}={n}" for n in range(300)), "q-=&q-=&quiz="],
)
def test_garbage_never_breaks_the_page(client, quiz, query):
    response = client.get(f"{quiz.url}?{query}")
    assert response.status_code == 200
    assert response.context["submission"].answers == []


def test_database_and_python_agree_on_every_combination(quiz, museums):
    """The score the database ranks by is the sum of the weights of the answers that
    :meth:`Answer.matches` explains, for every combination of two answers."""
    OpeningHours.objects.create(
        museum=museums["Historial"], weekday=6, opens="10:00", closes="18:00"
    )
    questions = questions_of(quiz.questions)
    answers = [a for q in questions for a in q.answers.values() if a.has_criteria]
    everything = MuseumPage.objects.live()
    for combination in itertools.combinations(answers, 2):
        matches = rank_museums(everything, combination, limit=30)
        listed = {m.museum.pk for m in matches}
        for match in matches:
            explained = {label for label, _reasons in match.reasons}
            assert match.score == sum(a.weight for a in combination if a.label in explained)
        for museum in everything.prefetch_related("themes", "opening_hours"):
            if museum.pk in listed:
                continue
            names = {t.slug: t.name for t in museum.themes.all()}
            matched = [a for a in combination if a.matches(museum, names)]
            required = [a for a in combination if a.required]
            assert not matched or any(a not in matched for a in required), (combination, museum)


def test_submission_reader_alone():
    from django.http import QueryDict

    questions = questions_of(QuizPage(questions=quiz_questions(QUESTIONS)).questions)
    data = QueryDict(mutable=True)
    submission = read_submission(questions, data)
    assert not submission.submitted
    data.setlist(field(LIKES), [choice(LIKES, "La peinture"), choice(LIKES, "La peinture")])
    submission = read_submission(questions, data)
    assert submission.submitted
    assert [a.label for a in submission.answers] == ["La peinture"]  # duplicates count once
    assert submission.ignored == 0
    assert isinstance(submission.answers[0], Answer)


# --- Honest about missing accessibility data --------------------------------


def test_a_wheelchair_user_alone_learns_which_museums_have_no_data(client, quiz):
    response = ask(client, quiz, (NEEDS, "Je viens en fauteuil roulant"))
    assert ranked(response) == [("Musée des beaux-arts", 1), ("Musée des sciences", 1)]
    assert all(not m.unconfirmed for m in response.context["matches"])
    unknown = [museum.title for museum in response.context["without_accessibility_data"]]
    assert unknown == ["Historial", "Musée d'histoire naturelle", "Musée sans thème"]
    html = response.content.decode()
    assert "3 musées du réseau ne nous ont rien dit de leur accessibilité" in html
    section = html[html.index('class="quiz-unknown-accessibility"') :]
    assert "Historial</a> (Péronne)" in section


def test_with_no_confirmed_museum_the_unknown_ones_are_named_not_hidden(client, quiz, museums):
    MuseumPage.objects.update(wheelchair_access=False)
    MuseumPage.objects.filter(title="Historial").update(accessibility_info="<p>Marches.</p>")
    response = ask(client, quiz, (NEEDS, "Je viens en fauteuil roulant"))
    assert response.context["matches"] == []
    html = response.content.decode()
    assert "Aucun musée de l’annuaire n’a confirmé l’accessibilité demandée" in html
    assert "No museum of the directory matches" not in html
    unknown = [museum.title for museum in response.context["without_accessibility_data"]]
    # The Historial said it has steps: known, and not accessible; not listed as unknown.
    assert "Historial" not in unknown
    assert len(unknown) == 4


def test_combined_answers_never_silently_recommend_unknown_accessibility(client, home, museums):
    quiz = make_quiz(
        home,
        [
            QUESTIONS[0],
            (
                NEEDS,
                True,
                [answer("Je viens en fauteuil roulant", features=["wheelchair_access"])],
            ),
        ],
        slug="quiz-souple",
    )
    MuseumPage.objects.filter(title="Historial").update(accessibility_info="<p>Marches.</p>")
    response = ask(
        client,
        quiz,
        (LIKES, "Les sciences"),
        (LIKES, "L'histoire"),
        (NEEDS, "Je viens en fauteuil roulant"),
    )
    matches = {m.museum.title: m for m in response.context["matches"]}
    assert set(matches) >= {"Musée des sciences", "Musée d'histoire naturelle", "Historial"}
    assert matches["Musée des sciences"].unconfirmed == []
    assert matches["Musée d'histoire naturelle"].no_accessibility_data
    assert not matches["Historial"].no_accessibility_data
    assert matches["Historial"].unconfirmed == [fr("accessible to wheelchair users")]
    html = response.content.decode()
    cards = html.split('<li class="card museum-card">')[1:]
    natural = next(card for card in cards if "histoire naturelle</a></h3>" in card)
    assert "Accessibilité inconnue :" in natural
    historial = next(card for card in cards if ">Historial</a></h3>" in card)
    assert "Non confirmé par ce musée :" in historial
    sciences = next(card for card in cards if ">Musée des sciences</a></h3>" in card)
    assert "Accessibilité inconnue" not in sciences and "Non confirmé" not in sciences


def test_reasons_name_the_themes_in_the_visitors_language(
    client, quiz, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from musenor.pages.museums.factories import make_theme
    from musenor.site.demo import translate_page
    from musenor.site.translations import synchronise_locales

    with django_capture_on_commit_callbacks(execute=True):
        synchronise_locales()
        with translation.override("fr"):
            translate_page(
                make_theme("sciences et techniques"),
                Locale.objects.get(language_code="en"),
                {"sciences et techniques": "science and technology"},
            )
    english = quiz.get_translation(Locale.objects.get(language_code="en"))
    response = ask(client, english, (LIKES, "Les sciences"))
    matches = {m.museum.title: m for m in response.context["matches"]}
    # Translated where it is, French where nobody translated it.
    assert matches["Musée d'histoire naturelle"].reasons == [
        ("Les sciences", ["histoire naturelle", "science and technology"]),
    ]
