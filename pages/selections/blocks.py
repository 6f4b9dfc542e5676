"""The quiz's blocks: a question and its answers, each answer mapped to what museums offer."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from musenor.pages.museums.choices import Department

from .criteria import Feature, theme_choices


class ThemeChoiceBlock(blocks.MultipleChoiceBlock):
    """Museum themes by slug, the choices read from the directory when an editor opens a form.

    Wagtail normalises a stored value against the choices, which would run the
    choices' query once per answer on every page view; slugs are already the
    stored strings, so reading them needs no query.
    """

    def to_python(self, value):
        if value is None:
            return []
        return [str(item) for item in (value if isinstance(value, (list, tuple)) else [value])]


class AnswerBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("Answer"), max_length=120, help_text=_("As the visitor says it: “I love science”.")
    )
    themes = ThemeChoiceBlock(
        label=_("Museum themes"),
        choices=theme_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Museums with any of these themes match the answer."),
    )
    features = blocks.MultipleChoiceBlock(
        label=_("Accessibility, label and opening days"),
        choices=Feature.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Museums with any of these match the answer."),
    )
    departments = blocks.MultipleChoiceBlock(
        label=_("Départements"),
        choices=Department.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    weight = blocks.IntegerBlock(
        label=_("Weight"),
        default=1,
        min_value=1,
        max_value=5,
        help_text=_("How much the answer counts in the ranking, from 1 to 5."),
    )
    required = blocks.BooleanBlock(
        label=_("Only show museums that match"),
        required=False,
        help_text=_(
            "Leave unticked unless the answer rules museums out: a museum that has not "
            "declared an arrangement may still have it."
        ),
    )

    class Meta:
        icon = "tick"
        label = _("Answer")
        form_classname = "struct-block quiz-answer-block"

    def clean(self, value):
        value = super().clean(value)
        if value.get("required") and not (
            value.get("themes") or value.get("features") or value.get("departments")
        ):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "required": ValidationError(
                        _(
                            "An answer that rules museums out must name a theme, a feature "
                            "or a département."
                        )
                    )
                }
            )
        return value


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    help_text = blocks.CharBlock(
        label=_("Help"),
        max_length=255,
        required=False,
        help_text=_("Shown under the question, e.g. “Several answers are possible”."),
    )
    multiple = blocks.BooleanBlock(
        label=_("Several answers allowed"),
        required=False,
        help_text=_("Ticked: check boxes. Unticked: the visitor picks one answer."),
    )
    answers = blocks.ListBlock(AnswerBlock(), label=_("Answers"), min_num=2, max_num=12)

    class Meta:
        icon = "help"
        label = _("Question")
        description = _("A question of the quiz and its answers.")
        template = "musenor_selections/blocks/question.html"
        preview_value = {
            "question": "Qu'aimez-vous regarder ?",
            "help_text": "Plusieurs réponses sont possibles.",
            "multiple": True,
            "answers": [
                {"label": "Des tableaux et des sculptures", "themes": [], "weight": 1},
                {"label": "Les sciences et les machines", "themes": [], "weight": 1},
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # The stream gives each question its id; a preview has none.
        context["field_name"] = f"q-{(parent_context or {}).get('id') or 'preview'}"
        context.setdefault("chosen", set())
        return context

    def clean(self, value):
        value = super().clean(value)
        labels = [answer["label"].strip().casefold() for answer in value["answers"]]
        if len(labels) != len(set(labels)):
            raise blocks.StructBlockValidationError(
                block_errors={"answers": ValidationError(_("Two answers have the same text."))}
            )
        return value


class QuizStreamBlock(blocks.StreamBlock):
    question = QuestionBlock()

    class Meta:
        label = _("Questions")
        min_num = 1
        max_num = 12
