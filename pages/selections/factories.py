"""Build selections and quizzes for tests, benchmarks and the demo."""

import uuid

from .models import QuizPage, SelectionIndexPage, SelectionMuseum, SelectionPage

# Stable ids: a quiz's answers are addressed by id in result links, so the demo
# and the tests give the same ids to the same answers on every run.
NAMESPACE = uuid.UUID("6f1d7c1e-7d7a-4d0e-9a55-2f0c3b1a9e11")


def stable_id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def make_selection_index(parent, *, title="Choisir un musée", slug="choisir-un-musee", **fields):
    index = SelectionIndexPage.objects.child_of(parent).filter(slug=slug).first()
    if index is None:
        index = SelectionIndexPage(title=title, slug=slug, **fields)
        parent.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_selection(parent, *, title="Une sélection", picked=(), themes=(), publish=True, **fields):
    """``picked`` is a list of museums or ``(museum, note)`` pairs; ``themes`` MuseumThemes."""
    rows = [item if isinstance(item, tuple) else (item, "") for item in picked]
    page = SelectionPage(
        title=title,
        live=publish,
        themes=list(themes),
        picked_museums=[SelectionMuseum(museum=museum, note=note) for museum, note in rows],
        **fields,
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page


def answer(label, *, themes=(), features=(), departments=(), weight=1, required=False):
    return {
        "label": label,
        "themes": list(themes),
        "features": list(features),
        "departments": list(departments),
        "weight": weight,
        "required": required,
    }


def quiz_questions(questions, *, key="quiz"):
    """Raw StreamField data for ``[(question, multiple, [answer(...), ...]), ...]``.

    Question ids are ``stable_id(key, question)`` and answer ids
    ``stable_id(key, question, answer label)``.
    """
    return [
        {
            "type": "question",
            "id": stable_id(key, text),
            "value": {
                "question": text,
                "help_text": help_text,
                "multiple": multiple,
                "answers": [
                    {"type": "item", "id": stable_id(key, text, item["label"]), "value": item}
                    for item in answers
                ],
            },
        }
        for text, help_text, multiple, answers in (
            question if len(question) == 4 else (question[0], "", *question[1:])
            for question in questions
        )
    ]


def make_quiz(parent, questions, *, title="Quel musée pour moi ?", key="quiz", **fields):
    page = QuizPage(title=title, questions=quiz_questions(questions, key=key), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
