"""A page whose body holds every block translates into English with wagtail-localize.

wagtail-localize extracts the translatable text of each block and writes the
translations back into a copy of the stream; a block it does not understand
breaks the translation of every page that uses it.
"""

import json

import pytest
from wagtail.models import Locale

from musenor.site.demo import translate_page
from musenor.streamfields.blocks import BodyStreamBlock
from musenor.streamfields.storage import as_stored

from .sample import every_block

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Tous les blocs": "Every block",
    "Musenor": "Musenor",
    "Les salles du musée": "The museum's rooms",
    "Salle 2": "Room 2",
    "Questions fréquentes": "Frequently asked questions",
    "Peut-on venir en groupe ?": "Can groups visit?",
    "Musées par département": "Museums by département",
    "Département": "Département (EN)",
    "Pas-de-Calais": "Pas-de-Calais (EN)",
    "Les grandes dates": "Key dates",
    "Création du musée": "The museum is founded",
    "Le réseau en chiffres": "The network in figures",
    "musées membres": "member museums",
    "Visite des réserves": "A visit to the stores",
    "Dossier pédagogique — cycle 3": "Teaching pack — years 4 to 6",
    "Trouver un musée": "Find a museum",
}


def test_every_block_translates_into_english(
    home, directory, client, django_capture_on_commit_callbacks
):
    from musenor.pages.standard.models import StandardPage

    names = {type(child).__name__: name for name, child in BodyStreamBlock().child_blocks.items()}
    content = every_block(home, directory)
    body = [{"type": names[name], "value": raw} for name, raw in content]
    stored = as_stored(BodyStreamBlock(), body)
    page = StandardPage(title="Tous les blocs", slug="tous-les-blocs", body=json.dumps(stored))
    home.add_child(instance=page)
    page.save_revision().publish()

    english = Locale.objects.create(language_code="en")
    for source in (home, page):
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(source, english, ENGLISH)
    translated = page.get_translation(english).specific
    assert translated.live and translated.title == "Every block"

    response = client.get(translated.url)
    assert response.status_code == 200
    html = response.content.decode()
    for french, english_text in ENGLISH.items():
        if french not in ("Musenor", "Tous les blocs"):
            assert english_text.replace("'", "&#x27;") in html, english_text
    # Blocks without text to translate come through unchanged.
    assert html.count("<details>") == 2 and "<video controls" in html
    assert 'class="block-museum-map"' in html and "Louvre-Lens" in html
    # The French page is untouched.
    assert "Les salles du musée" in client.get(page.url).content.decode()


def test_hand_written_streams_are_stored_as_the_editor_stores_them():
    raw = [
        {
            "type": "two_columns",
            "value": {"widths": "equal", "left": [{"type": "text", "value": "<p>A</p>"}]},
        },
        {"type": "key_figures", "value": {"figures": [{"number": "1.50", "label": "un"}]}},
    ]
    stored = as_stored(BodyStreamBlock(), raw)
    columns, figures = stored
    assert columns["id"] and columns["value"]["left"][0]["id"]
    assert columns["value"]["right"] == []
    item = figures["value"]["figures"][0]
    assert item["type"] == "item" and item["id"]
    assert item["value"] == {"number": "1.50", "unit": "", "label": "un"}
    assert figures["value"]["heading"] == "" and figures["value"]["source"] == ""
    json.dumps(stored)  # ready for a StreamField
