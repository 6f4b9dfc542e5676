"""The French and Dutch message catalogues are complete, compiled and used.

The catalogues live in ``site/locale/<lang>/LC_MESSAGES/django.po`` (one for the
whole project). Refresh them with ``manage.py makemessages`` (see the docs), fill
every ``msgstr``, then ``manage.py compilemessages``: the ``.mo`` files are
committed because CI has no gettext.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

LANGUAGES = {
    "fr": "nplurals=2; plural=(n > 1);",
    "nl": "nplurals=2; plural=(n != 1);",
}
# %(name)s and its variants (%(n)02d, %(name)r), %s, {{ var }} and {name}.
PLACEHOLDER = re.compile(
    r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%[sdif]|\{\{\s*\w+\s*\}\}|\{\w*\}"
)


def catalogue_path(lang, ext="po"):
    for base in settings.LOCALE_PATHS:
        path = Path(base) / lang / "LC_MESSAGES" / f"django.{ext}"
        if path.exists():
            return path
    pytest.fail(f"No django.{ext} for {lang!r} in LOCALE_PATHS")


def live_entries(po):
    return [entry for entry in po if not entry.obsolete]


def label(entry):
    return repr(entry.msgid) if not entry.msgctxt else f"{entry.msgctxt}|{entry.msgid!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header_declares_language_and_plural_forms(lang):
    po = polib.pofile(str(catalogue_path(lang)))
    assert po.metadata.get("Language") == lang
    assert po.metadata.get("Plural-Forms") == LANGUAGES[lang]
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_and_not_fuzzy(lang):
    po = polib.pofile(str(catalogue_path(lang)))
    entries = live_entries(po)
    assert entries, f"the {lang} catalogue is empty"
    untranslated = []
    fuzzy = []
    for entry in entries:
        if "fuzzy" in entry.flags:
            fuzzy.append(label(entry))
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if sorted(forms) != [0, 1] or not all(forms.values()):
                untranslated.append(label(entry))
        elif not entry.msgstr:
            untranslated.append(label(entry))
    assert not untranslated, f"untranslated in {lang}: {', '.join(untranslated)}"
    assert not fuzzy, f"fuzzy in {lang}: {', '.join(fuzzy)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders(lang):
    po = polib.pofile(str(catalogue_path(lang)))
    wrong = []
    for entry in live_entries(po):
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural.get(0, ""))]
            pairs += [(entry.msgid_plural, s) for n, s in entry.msgstr_plural.items() if n]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, target in pairs:
            if target and sorted(PLACEHOLDER.findall(source)) != sorted(
                PLACEHOLDER.findall(target)
            ):
                wrong.append(f"{source!r} -> {target!r}")
    assert not wrong, f"placeholders changed in {lang}: {'; '.join(wrong)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(lang):
    """The committed .mo holds exactly the .po's translations (it was recompiled)."""

    def key(entry):
        return (entry.msgctxt or None, entry.msgid)

    def value(entry):
        if entry.msgid_plural:
            return tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
        return entry.msgstr

    po = polib.pofile(str(catalogue_path(lang)))
    mo = polib.mofile(str(catalogue_path(lang, "mo")))
    expected = {key(e): value(e) for e in live_entries(po) if e.translated()}
    compiled = {key(e): value(e) for e in mo if e.msgid}
    assert compiled == expected, "the .mo is stale: run manage.py compilemessages"


@pytest.mark.parametrize(
    ("lang", "closed", "skip", "one", "many"),
    [
        ("fr", "Fermé", "Aller au contenu", "1 musée", "2 musées"),
        ("nl", "Gesloten", "Naar de inhoud", "1 museum", "2 musea"),
    ],
)
def test_django_renders_the_translations(lang, closed, skip, one, many):
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} museum"
        "{% plural %}{{ counter }} museums{% endblocktranslate %}"
    )
    with translation.override(lang):
        assert translation.gettext("Closed") == closed
        assert translation.gettext("Skip to content") == skip
        assert template.render(Context({"n": 1})) == one
        assert template.render(Context({"n": 2})) == many


def test_french_plural_covers_zero_and_one():
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} museum"
        "{% plural %}{{ counter }} museums{% endblocktranslate %}"
    )
    with translation.override("fr"):
        assert template.render(Context({"n": 0})) == "0 musée"
    with translation.override("nl"):
        assert template.render(Context({"n": 0})) == "0 musea"


def test_fixed_french_wording():
    expected = {
        "Closed": "Fermé",
        "Search": "Rechercher",
        "Skip to content": "Aller au contenu",
        "accessible to wheelchair users": "accessible aux personnes en fauteuil roulant",
        "Monday": "Lundi",
        "Sunday": "Dimanche",
        "Musée de France": "Musée de France",
    }
    with translation.override("fr"):
        assert {k: translation.gettext(k) for k in expected} == expected
