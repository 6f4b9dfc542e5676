"""The accordion: questions and answers that open one by one, without JavaScript."""

import html
import json

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import expand_db_html

from .text import RICH_TEXT_FEATURES

# As django.utils.html.json_script: the JSON cannot close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Question or title"),
        max_length=200,
        help_text=_("Always visible; a click or the keyboard opens the answer."),
    )
    answer = blocks.RichTextBlock(
        label=_("Answer"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown when the question is opened."),
    )

    class Meta:
        icon = "help"
        label = _("Question")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Shown above the questions as a level 2 heading; optional."),
    )
    questions = blocks.ListBlock(
        AccordionItemBlock(),
        min_num=1,
        max_num=40,
        label=_("Questions"),
    )
    is_faq = blocks.BooleanBlock(
        label=_("Frequently asked questions"),
        required=False,
        default=False,
        help_text=_(
            "Tick when these are questions visitors ask: search engines may then show "
            "the answers. Use it for one block per page at most."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        group = _("Text")
        template = "musenor_streamfields/blocks/accordion.html"
        description = _(
            "Questions or titles that open to show their text; works without JavaScript."
        )
        preview_value = {
            "heading": "Questions fréquentes",
            "questions": [
                {
                    "question": "Les musées du réseau sont-ils gratuits ?",
                    "answer": "<p>Beaucoup le sont le premier dimanche du mois.</p>",
                },
                {
                    "question": "Comment venir avec une classe ?",
                    "answer": "<p>Contactez le service des publics du musée.</p>",
                },
            ],
            "is_faq": True,
        }

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        for item in value.get("questions") or []:
            question = (item.get("question") or "").strip().casefold()
            if question in seen:
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "questions": ValidationError(
                            _("“%(question)s” is asked twice.") % {"question": item["question"]}
                        )
                    }
                )
            seen.add(question)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if value.get("is_faq"):
            context["json_ld"] = faq_json_ld(value.get("questions") or [])
        return context


def faq_json_ld(items):
    """schema.org FAQPage data for the items, safe inside a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item["question"],
                "acceptedAnswer": {
                    "@type": "Answer",
                    "text": html.unescape(
                        strip_tags(expand_db_html(item["answer"].source))
                    ).strip(),
                },
            }
            for item in items
        ],
    }
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - escaped above
