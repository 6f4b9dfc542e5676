"""Accordion, two columns, call to action, document link and download blocks."""

import json
import re

import pytest
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from musenor.streamfields.blocks import (
    AccordionBlock,
    CallToActionBlock,
    DocumentLinkBlock,
    DownloadBlock,
    TwoColumnsBlock,
)

# --- Accordion / FAQ -----------------------------------------------------------


def accordion_raw(is_faq=False, questions=None):
    return {
        "heading": "Questions fréquentes",
        "questions": questions
        or [
            {
                "question": "Les musées sont-ils gratuits ?",
                "answer": "<p>Le premier <b>dimanche</b>.</p>",
            },
            {
                "question": "Peut-on venir en groupe ?",
                "answer": "<p>Oui, sur réservation &amp; <i>avec</i> un guide.</p>",
            },
        ],
        "is_faq": is_faq,
    }


def test_accordion_uses_details_and_summary():
    block = AccordionBlock()
    html = block.render(block.clean(block.to_python(accordion_raw())))
    assert "<h2>Questions fréquentes</h2>" in html
    assert html.count("<details>") == 2
    assert "<summary>Les musées sont-ils gratuits ?</summary>" in html
    assert "<b>dimanche</b>" in html
    assert "application/ld+json" not in html


def test_faq_emits_schema_org_data_that_cannot_break_out_of_its_script():
    block = AccordionBlock()
    questions = [
        {"question": "Et </script><script>alert(1)</script> ?", "answer": "<p>Non.</p>"},
        {
            "question": "Peut-on venir en groupe ?",
            "answer": "<p>Oui &amp; <i>avec</i> un guide.</p>",
        },
    ]
    html = block.render(block.clean(block.to_python(accordion_raw(True, questions))))
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in script
    data = json.loads(script)
    assert data["@type"] == "FAQPage"
    assert data["mainEntity"][1] == {
        "@type": "Question",
        "name": "Peut-on venir en groupe ?",
        "acceptedAnswer": {"@type": "Answer", "text": "Oui & avec un guide."},
    }
    assert data["mainEntity"][0]["name"].startswith("Et </script>")


def test_accordion_refuses_the_same_question_twice():
    block = AccordionBlock()
    questions = [
        {"question": "Horaires ?", "answer": "<p>10 h.</p>"},
        {"question": "horaires ? ", "answer": "<p>18 h.</p>"},
    ]
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(accordion_raw(questions=questions)))
    assert "asked twice" in str(excinfo.value.block_errors["questions"].messages)


def test_accordion_needs_a_question():
    block = AccordionBlock()
    raw = accordion_raw()
    raw["questions"] = []
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(raw))


# --- Two columns ---------------------------------------------------------------


def columns_raw(left, right, widths="wide-left"):
    return {"widths": widths, "left": left, "right": right}


def text(html):
    return {"type": "text", "value": html}


@pytest.mark.django_db
def test_two_columns_render_each_stream(home):
    block = TwoColumnsBlock()
    cta = {
        "type": "call_to_action",
        "value": {"text": "Voir les musées", "page": home.pk, "url": "", "description": ""},
    }
    value = block.clean(block.to_python(columns_raw([text("<p>À gauche.</p>")], [cta])))
    html = block.render(value)
    assert 'class="block-columns columns-wide-left"' in html
    left, right = html.split('<div class="column">')[1:]
    assert "À gauche." in left and "Voir les musées" in right


def test_two_columns_refuse_an_empty_column():
    block = TwoColumnsBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(columns_raw([text("<p>Seul.</p>")], [])))
    assert isinstance(excinfo.value.block_errors["right"], StreamBlockValidationError)


def test_two_columns_hold_only_text_images_and_calls_to_action():
    block = TwoColumnsBlock()
    assert set(block.child_blocks["left"].child_blocks) == {"text", "image", "call_to_action"}


# --- Links ----------------------------------------------------------------------


@pytest.mark.parametrize("vague", ["Cliquez ici", "click here", "En savoir plus…", "Télécharger"])
def test_link_texts_must_say_where_they_lead(vague):
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(
            block.to_python({"text": vague, "url": "https://example.org", "description": ""})
        )
    assert "text" in excinfo.value.block_errors


@pytest.mark.django_db
def test_download_shows_title_description_format_and_size(make_document):
    document = make_document(name="dossier.pdf", content=b"%PDF" + b"x" * 2044)
    block = DownloadBlock()
    raw = {
        "document": document.pk,
        "title": "Dossier pédagogique",
        "description": "Pour le cycle 3.\nAvec corrigés.",
    }
    html = block.render(block.clean(block.to_python(raw)))
    assert f'<a href="{document.url}" download>Dossier pédagogique' in html
    assert "PDF, 2.0\xa0KB" in html
    assert "Pour le cycle 3.<br>Avec corrigés." in html


@pytest.mark.django_db
def test_download_needs_a_meaningful_title(make_document):
    block = DownloadBlock()
    for title in ("", "Télécharger"):
        with pytest.raises(StructBlockValidationError) as excinfo:
            block.clean(block.to_python({"document": make_document().pk, "title": title}))
        assert "title" in excinfo.value.block_errors


@pytest.mark.django_db
def test_document_link_refuses_a_vague_text(make_document):
    block = DocumentLinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"document": make_document().pk, "title": "ici"}))
    value = block.clean(block.to_python({"document": make_document().pk, "title": ""}))
    assert ">Programme</a>" in block.render(value)
