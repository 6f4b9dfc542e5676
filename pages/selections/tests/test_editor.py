"""The editor's side: the selection and quiz pages open, preview, save and validate in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from musenor.pages.museums.factories import make_museum, make_theme
from musenor.pages.selections.blocks import AnswerBlock, QuestionBlock
from musenor.pages.selections.factories import (
    answer,
    make_quiz,
    make_selection,
    make_selection_index,
)
from musenor.pages.selections.models import QuizPage, SelectionPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser(
        email="staff@musenor.test", password="pw", first_name="A", last_name="B"
    )
    client.force_login(user)
    return user


@pytest.fixture
def pages(home, directory):
    museum = make_museum(directory, title="Musée de Picardie", themes=["beaux-arts"])
    index = make_selection_index(home)
    return {
        "index": index,
        "selection": make_selection(index, title="Beaux-arts", picked=[(museum, "Puvis")]),
        "quiz": make_quiz(
            index,
            [("Où ?", "", False, [answer("Nord", departments=["59"]), answer("Ailleurs")])],
        ),
    }


def test_every_page_type_opens_and_previews_in_the_admin(client, staff, pages):
    for page in pages.values():
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit.status_code == 200, page
        preview = page.specific.make_preview_request()
        assert preview.status_code == 200
        assert page.title in preview.content.decode()


def add_url(parent, model):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, parent.pk],
    )


def quiz_form(title, answers):
    data = nested_form_data(
        {
            "title": title,
            "slug": "quiz-admin",
            "intro": "",
            "result_count": "5",
            "body": streamfield([]),
            "questions": streamfield(
                [
                    (
                        "question",
                        {
                            "question": "Qu'aimez-vous ?",
                            "help_text": "",
                            "multiple": "on",
                            "answers": streamfield([("item", a) for a in answers]),
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )
    return data


def test_create_a_quiz_through_the_admin(client, staff, pages, directory):
    make_theme("beaux-arts")
    data = quiz_form(
        "Un quiz",
        [{"label": "La peinture", "weight": "2"}, {"label": "Rien de spécial", "weight": "1"}],
    )
    data["questions-0-value-answers-0-value-themes"] = ["beaux-arts"]
    data["questions-0-value-answers-0-value-required"] = "on"
    response = client.post(add_url(pages["index"], QuizPage), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    quiz = QuizPage.objects.get(slug="quiz-admin")
    question = quiz.questions[0]
    first = question.value["answers"].bound_blocks[0]
    assert first.value["themes"] == ["beaux-arts"]
    assert first.value["required"] is True
    # The ids the admin gave the question and the answer work in the public form.
    url = f"{quiz.url}?q-{question.id}={first.id}"
    result = client.get(url)
    assert [m.museum.title for m in result.context["matches"]] == ["Musée de Picardie"]


def test_a_quiz_answer_that_rules_out_must_say_what(client, staff, pages):
    data = quiz_form("Un quiz", [{"label": "A", "weight": "1"}, {"label": "B", "weight": "1"}])
    data["questions-0-value-answers-0-value-required"] = "on"
    response = client.post(add_url(pages["index"], QuizPage), data)
    assert response.status_code == 200
    assert not QuizPage.objects.filter(slug="quiz-admin").exists()


def test_blocks_validate():
    from wagtail.blocks import StructBlockValidationError

    block = AnswerBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Fauteuil", "required": True, "weight": 1}))
    value = block.to_python(
        {"label": "Fauteuil", "features": ["wheelchair_access"], "required": True, "weight": 1}
    )
    assert block.clean(value)["required"] is True

    question = QuestionBlock()
    twice = question.to_python(
        {
            "question": "Avec qui ?",
            "answers": [{"label": "Seul", "weight": 1}, {"label": "seul ", "weight": 1}],
        }
    )
    with pytest.raises(StructBlockValidationError) as error:
        question.clean(twice)
    assert "answers" in error.value.block_errors


def test_question_preview_renders():
    block = QuestionBlock()
    html = block.render(block.get_preview_value())
    assert "<legend>Qu&#x27;aimez-vous regarder ?</legend>" in html
    assert html.count('type="checkbox"') == 2


def selection_form(**extra):
    data = nested_form_data(
        {
            "title": "Une sélection",
            "slug": "selection-admin",
            "intro": "",
            "department": "",
            "automatic_limit": "12",
            "body": streamfield([]),
            "picked_museums": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data.update(extra)
    return data


def test_a_selection_needs_museums_or_a_theme(client, staff, pages):
    url = add_url(pages["index"], SelectionPage)
    response = client.post(url, selection_form())
    assert response.status_code == 200
    assert not SelectionPage.objects.filter(slug="selection-admin").exists()
    assert response.context["form"].non_field_errors()

    response = client.post(url, selection_form(department="80"))
    assert response.status_code == 302
    assert SelectionPage.objects.get(slug="selection-admin").department == "80"
