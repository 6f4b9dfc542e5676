"""The quiz's server side: read the visitor's answers, rank the museums, say why.

The form is a plain GET form: one field ``q-<question id>`` per question, whose
values are answer ids (the ids Wagtail gives stream blocks and list items).
Anything else in the query string is either ignored (unrelated parameters) or
counted as a tampered answer (an unknown question or answer id), never an
error page.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import add, or_

from django.db.models import Case, IntegerField, Q, Value, When

from musenor.pages.museums.choices import Department
from musenor.site.translations import localized

from .criteria import (
    ACCESSIBILITY_FEATURES,
    FEATURES,
    Feature,
    accessibility_known,
    has_accessibility_data,
    has_any_theme,
)

FIELD_PREFIX = "q-"
SUBMITTED = "quiz"
MAX_VALUES_PER_QUESTION = 20


@dataclass(frozen=True)
class Answer:
    id: str
    label: str
    themes: frozenset = frozenset()
    features: tuple = ()
    departments: frozenset = frozenset()
    weight: int = 1
    required: bool = False

    @classmethod
    def from_block(cls, bound):
        value = bound.value
        return cls(
            id=bound.id,
            label=value["label"],
            themes=frozenset(value.get("themes") or ()),
            features=tuple(f for f in value.get("features") or () if f in FEATURES),
            departments=frozenset(value.get("departments") or ()),
            weight=value.get("weight") or 1,
            required=bool(value.get("required")),
        )

    @property
    def has_criteria(self):
        return bool(self.themes or self.features or self.departments)

    def condition(self):
        """The database's version of :meth:`matches`."""
        parts = []
        if self.themes:
            parts.append(has_any_theme(self.themes))
        parts += [FEATURES[name].condition() for name in self.features]
        if self.departments:
            parts.append(Q(department__in=self.departments))
        return reduce(or_, parts)

    def matches(self, museum, theme_names):
        """What of this answer ``museum`` offers, as labels; empty when it does not match.

        ``theme_names`` maps the museum's theme slugs to their names.
        """
        reasons = [theme_names[slug] for slug in sorted(self.themes & theme_names.keys())]
        reasons += [
            str(Feature(name).label) for name in self.features if FEATURES[name].matches(museum)
        ]
        if museum.department in self.departments:
            reasons.append(Department(museum.department).label)
        return reasons


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    multiple: bool
    answers: dict


def questions_of(stream):
    """The quiz's questions, in order, from its StreamField value."""
    return [
        Question(
            id=child.id,
            text=child.value["question"],
            multiple=bool(child.value["multiple"]),
            answers={
                bound.id: Answer.from_block(bound) for bound in child.value["answers"].bound_blocks
            },
        )
        for child in stream
        if child.block_type == "question"
    ]


@dataclass
class Submission:
    submitted: bool = False
    answers: list = field(default_factory=list)
    ignored: int = 0

    @property
    def chosen_ids(self):
        return {answer.id for answer in self.answers}

    @property
    def scoring_answers(self):
        return [answer for answer in self.answers if answer.has_criteria]


def read_submission(questions, data):
    """The answers chosen in ``data`` (a QueryDict), and how many values were not understood."""
    submission = Submission(
        submitted=SUBMITTED in data or any(key.startswith(FIELD_PREFIX) for key in data)
    )
    by_field = {FIELD_PREFIX + question.id: question for question in questions}
    for key in data:
        if not key.startswith(FIELD_PREFIX):
            continue
        values = data.getlist(key)
        question = by_field.get(key)
        if question is None:
            submission.ignored += len(values)
            continue
        kept = []
        for value in values[:MAX_VALUES_PER_QUESTION]:
            answer = question.answers.get(value)
            if answer is None or answer in kept:
                submission.ignored += answer is None
                continue
            if kept and not question.multiple:
                submission.ignored += 1  # a second answer to a one-answer question
                continue
            kept.append(answer)
        submission.ignored += max(0, len(values) - MAX_VALUES_PER_QUESTION)
        submission.answers += kept
    return submission


@dataclass
class Match:
    museum: object
    score: int
    reasons: list  # [(answer label, [what matched])]
    # The accessibility asked for that the museum does not confirm, as labels, and
    # whether it has recorded nothing at all about its accessibility.
    unconfirmed: list = field(default_factory=list)
    no_accessibility_data: bool = False


def asked_accessibility(answers):
    """The accessibility features ``answers`` ask for, in order, once each."""
    asked = [name for answer in answers for name in answer.features]
    return list(dict.fromkeys(name for name in asked if name in ACCESSIBILITY_FEATURES))


def museums_without_accessibility_data(museums, answers, exclude=()):
    """When ``answers`` ask about accessibility: the museums that have said nothing about it.

    They may be accessible or not: the quiz neither recommends nor rules them
    out, it names them so that the visitor can ask them.
    """
    if not asked_accessibility(answers):
        return []
    return list(
        museums.exclude(accessibility_known())
        .exclude(pk__in=[museum.pk for museum in exclude])
        .defer_streamfields()
        .order_by("title")
    )


def rank_museums(museums, answers, limit):
    """The ``limit`` best museums for ``answers``, best first, each with its reasons.

    One query ranks (the score is computed by the database), two more load the
    themes and, when an answer asks about opening days, the opening hours of
    the museums shown: the count does not depend on the number of museums.
    """
    answers = [answer for answer in answers if answer.has_criteria]
    if not answers:
        return []
    score = reduce(
        add,
        [
            Case(
                When(answer.condition(), then=Value(answer.weight)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for answer in answers
        ],
    )
    ranked = museums.annotate(quiz_score=score).filter(quiz_score__gt=0)
    for answer in answers:
        if answer.required:
            ranked = ranked.filter(answer.condition())
    prefetches = ["themes", "image__renditions", "listing_image__renditions"]
    if any(FEATURES[name].needs_hours for answer in answers for name in answer.features):
        prefetches.append("opening_hours")
    ranked = (
        ranked.select_related("image", "listing_image")
        .prefetch_related(*prefetches)
        .order_by("-quiz_score", "title")[:limit]
    )
    asked = asked_accessibility(answers)
    matches = []
    ranked = list(ranked)
    # The themes' names in the visitor's language (one query for all, none in French).
    names = {
        theme.translation_key: theme.name
        for theme in localized({theme for museum in ranked for theme in museum.themes.all()})
    }
    for museum in ranked:
        theme_names = {
            theme.slug: names.get(theme.translation_key, theme.name)
            for theme in museum.themes.all()
        }
        reasons = []
        for answer in answers:
            if matched := answer.matches(museum, theme_names):
                reasons.append((answer.label, matched))
        unconfirmed = [
            str(Feature(name).label) for name in asked if not FEATURES[name].matches(museum)
        ]
        matches.append(
            Match(
                museum=museum,
                score=museum.quiz_score,
                reasons=reasons,
                unconfirmed=unconfirmed,
                no_accessibility_data=bool(unconfirmed) and not has_accessibility_data(museum),
            )
        )
    return matches
