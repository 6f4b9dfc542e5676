"""Every page type of the portal translates into English with wagtail-localize.

The page types are found through Wagtail's registry, not listed by hand: a new
page type without a builder here fails ``test_every_page_type_has_a_builder``.
wagtail-localize publishes a translation when the transaction commits, hence
``django_capture_on_commit_callbacks(execute=True)``.
"""

from datetime import date, timedelta

import pytest
from django.utils.html import escape
from wagtail.models import Locale, get_page_models

from musenor.site.demo import publish_child, translate_page

pytestmark = pytest.mark.django_db


def portal_page_models():
    return sorted(
        (
            model
            for model in get_page_models()
            if model._meta.app_label.startswith("musenor_") and not model._meta.abstract
        ),
        key=lambda model: model._meta.label,
    )


# --- One published page of each type, under the home page and the directory ---------


def _museum(home, directory):
    from musenor.pages.museums.factories import make_museum

    return make_museum(directory, title="Louvre-Lens", city="Lens", department="62")


def _standard(home, directory):
    from musenor.pages.standard.models import StandardPage

    return publish_child(home, StandardPage, "a-propos", title="À propos", intro="L'association.")


def _landing(home, directory):
    from musenor.pages.standard.models import LandingPage

    return publish_child(home, LandingPage, "campagne", title="Campagne", hero_title="Venez !")


def _contact(home, directory):
    from musenor.pages.standard.factories import make_contact_page

    return make_contact_page(home)


def _exhibition_index(home, directory):
    from musenor.pages.exhibitions.factories import make_exhibition_index

    return make_exhibition_index(home)


def _exhibition(home, directory):
    from musenor.pages.exhibitions.factories import make_exhibition

    return make_exhibition(
        _exhibition_index(home, directory),
        title="Trésors d'Égypte",
        museums=[_museum(home, directory)],
        summary="Des sarcophages et des papyrus.",
    )


def _operation_index(home, directory):
    from musenor.pages.operations.factories import make_operation_index

    return make_operation_index(home)


def _operation(home, directory):
    from musenor.pages.operations.factories import make_operation

    return make_operation(
        _operation_index(home, directory), title="MuséoSciences", museums=[_museum(home, directory)]
    )


def _news_index(home, directory):
    from musenor.pages.news.factories import make_news_index

    return make_news_index(home)


def _news(home, directory):
    from musenor.pages.news.factories import make_news

    return make_news(
        _news_index(home, directory),
        title="Nuit des musées",
        tags=["nuit"],
        museums=[_museum(home, directory)],
    )


def _path_index(home, directory):
    from musenor.pages.paths.factories import make_path_index

    return make_path_index(home)


def _path(home, directory):
    from musenor.pages.paths.factories import make_path

    museum = _museum(home, directory)
    return make_path(
        _path_index(home, directory),
        title="En famille au musée",
        steps=[
            ("text", {"title": "Bienvenue", "text": "<p>Commençons.</p>"}),
            ("museum", {"title": "Au Louvre-Lens", "museum": museum.pk, "note": ""}),
        ],
    )


def _circuit_index(home, directory):
    from musenor.pages.circuits.factories import make_circuit_index

    return make_circuit_index(home)


def _circuit(home, directory):
    from musenor.pages.circuits.factories import make_circuit
    from musenor.pages.museums.factories import make_museum

    second = make_museum(directory, title="Musée de la Mine", city="Lens", department="62")
    return make_circuit(
        _circuit_index(home, directory),
        [_museum(home, directory), second],
        title="Lens en un jour",
    )


def _showcase_index(home, directory):
    from musenor.pages.education.factories import make_showcase_index

    return make_showcase_index(home)


def _showcase(home, directory):
    from musenor.pages.education.factories import make_showcase

    return make_showcase(
        _showcase_index(home, directory),
        title="L'Égypte au cycle 3",
        subjects=["Histoire"],
        museums=[_museum(home, directory)],
    )


def _selection_index(home, directory):
    from musenor.pages.selections.factories import make_selection_index

    return make_selection_index(home)


def _selection(home, directory):
    from musenor.pages.selections.factories import make_selection

    return make_selection(
        _selection_index(home, directory),
        title="Musées d'archéologie",
        picked=[_museum(home, directory)],
    )


def _quiz(home, directory):
    from musenor.pages.selections.factories import answer, make_quiz

    return make_quiz(
        _selection_index(home, directory),
        [("Qu'aimez-vous ?", False, [answer("Les vieilles pierres", themes=["archeologie"])])],
    )


BUILDERS = {
    "musenor_home.HomePage": lambda home, directory: home,
    "musenor_standard.StandardPage": _standard,
    "musenor_standard.LandingPage": _landing,
    "musenor_standard.ContactPage": _contact,
    "musenor_museums.MuseumIndexPage": lambda home, directory: directory,
    "musenor_museums.MuseumPage": _museum,
    "musenor_exhibitions.ExhibitionIndexPage": _exhibition_index,
    "musenor_exhibitions.ExhibitionPage": _exhibition,
    "musenor_operations.OperationIndexPage": _operation_index,
    "musenor_operations.OperationPage": _operation,
    "musenor_news.NewsIndexPage": _news_index,
    "musenor_news.NewsPage": _news,
    "musenor_paths.PathIndexPage": _path_index,
    "musenor_paths.ThematicPathPage": _path,
    "musenor_circuits.CircuitIndexPage": _circuit_index,
    "musenor_circuits.CircuitPage": _circuit,
    "musenor_education.ShowcaseIndexPage": _showcase_index,
    "musenor_education.ShowcasePage": _showcase,
    "musenor_selections.SelectionIndexPage": _selection_index,
    "musenor_selections.SelectionPage": _selection,
    "musenor_selections.QuizPage": _quiz,
}


def english(text):
    return f"{text} (EN)"


def translate_with_ancestors(page, locale, commit):
    """Translate ``page`` and, first, every ancestor below the root that is not translated.

    ``commit`` is pytest-django's ``django_capture_on_commit_callbacks``: each
    translation is published before the next is made, as when an editor
    translates one page after another. Publishing a parent's translation after
    its children were created under it would write back the parent's stale
    child count and hide them (the tree corruption of wagtail-localize#773).
    """
    for ancestor in [*page.get_ancestors().filter(depth__gt=1).specific(), page]:
        with commit(execute=True):
            translate_page(ancestor, locale, {ancestor.title: english(ancestor.title)})
    return page.get_translation(locale).specific


def test_every_page_type_has_a_builder():
    labels = {model._meta.label for model in portal_page_models()}
    # The walk finds the portal's page types (it is not vacuous)…
    assert {"musenor_home.HomePage", "musenor_museums.MuseumPage"} <= labels
    # …and each has a way to build one here.
    missing = sorted(labels - BUILDERS.keys())
    assert not missing, f"add a builder to tests/test_translations_pages.py for {missing}"


@pytest.mark.parametrize(
    "label", [model._meta.label for model in portal_page_models()], ids=lambda label: label
)
def test_page_type_translates_into_english_and_renders(
    label, site_tree, client, django_capture_on_commit_callbacks
):
    if label not in BUILDERS:
        pytest.fail(f"no builder for {label} (see test_every_page_type_has_a_builder)")
    home, directory = site_tree
    source = BUILDERS[label](home, directory)
    assert source.specific_class._meta.label == label
    english_locale, _ = Locale.objects.get_or_create(language_code="en")

    translated = translate_with_ancestors(
        source, english_locale, django_capture_on_commit_callbacks
    )

    translated.refresh_from_db()
    assert translated.locale.language_code == "en"
    assert translated.live, "the translation is published"
    assert translated.title == english(source.title)
    url = translated.url
    assert url.startswith("/en/"), url
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert escape(english(source.title)) in html
    # The French page is still there, untouched.
    assert client.get(source.url).status_code == 200


def test_a_translated_exhibition_keeps_its_dates_and_is_listed_in_english(
    site_tree, client, django_capture_on_commit_callbacks
):
    home, directory = site_tree
    source = _exhibition(home, directory)
    source.start_date = date.today() - timedelta(days=3)
    source.end_date = date.today() + timedelta(days=40)
    source.save_revision().publish()
    english_locale, _ = Locale.objects.get_or_create(language_code="en")
    translated = translate_with_ancestors(
        source, english_locale, django_capture_on_commit_callbacks
    )
    assert (translated.start_date, translated.end_date) == (source.start_date, source.end_date)
    listing = client.get(translated.get_parent().url).content.decode()
    assert escape("Trésors d'Égypte (EN)") in listing


# --- The editor of every page type reads in French ------------------------------------


def _in_french_catalogue(text):
    """Whether a French catalogue (the portal's, Django's, Wagtail's…) has ``text``.

    A word spelled the same in both languages ("Image", "Audio") is translated
    when the catalogue has it, even though the French reads like the English.
    Form labels are the verbose names with a capital: try both.
    """
    from django.utils.translation import trans_real

    catalogue = trans_real.translation("fr")._catalog
    return text in catalogue or (text[:1].lower() + text[1:]) in catalogue


def _editor_strings(model):
    """Every translatable label, help text, heading and choice of ``model``'s editor form."""
    from django.utils.functional import Promise
    from wagtail import blocks

    strings = []

    def add(value, where):
        if isinstance(value, Promise):
            strings.append((value, where))

    def walk_block(block, where, seen):
        if id(block) in seen:
            return
        seen.add(id(block))
        add(block.label, where)
        for attr in ("help_text", "label", "description", "group"):
            add(getattr(block.meta, attr, None), where)
        if isinstance(block, blocks.ChoiceBlock):
            for _value, label in block.field.choices:
                add(label, where)
        if getattr(block, "field", None) is not None:
            add(block.field.help_text, where)
        for child in getattr(block, "child_blocks", {}).values():
            walk_block(child, where, seen)
        if hasattr(block, "child_block"):
            walk_block(block.child_block, where, seen)

    def walk_panel(panel):
        for attr in ("heading", "help_text", "label"):
            add(getattr(panel, attr, None), f"panel {getattr(panel, 'heading', '')!s}")
        for child in getattr(panel, "children", None) or []:
            walk_panel(child)

    handler = model.get_edit_handler()
    walk_panel(handler)
    for name, field in handler.get_form_class().base_fields.items():
        add(field.label, name)
        add(field.help_text, name)
        choices = getattr(field, "choices", None)
        if choices is not None and not hasattr(choices, "queryset"):
            for _value, label in choices:
                add(label, f"{name} (choice)")
        if getattr(field, "block", None) is not None:
            walk_block(field.block, name, set())
    return strings


def test_every_editor_label_and_help_text_reads_in_french():
    from django.utils import translation

    untranslated = set()
    for model in portal_page_models():
        for value, where in _editor_strings(model):
            with translation.override("en"):
                english_text = str(value)
            with translation.override("fr"):
                french_text = str(value)
            if english_text == french_text and not _in_french_catalogue(english_text):
                untranslated.add(f"{model.__name__}.{where}: {english_text!r}")
    assert not untranslated, "Not translated into French (site/locale/fr):\n" + "\n".join(
        sorted(untranslated)
    )


def test_the_scan_of_editor_strings_is_not_vacuous():
    from django.utils import translation

    from musenor.pages.exhibitions.models import ExhibitionPage

    with translation.override("en"):
        found = {str(value) for value, _where in _editor_strings(ExhibitionPage)}
    assert {"Start date", "Leave empty for a permanent display."} <= found
    # The catalogue lookup tells a word spelled alike from a missing translation.
    assert _in_french_catalogue("Image") and _in_french_catalogue("Latitude")
    assert not _in_french_catalogue("A label nobody has translated")


@pytest.mark.parametrize(
    "label", [model._meta.label for model in portal_page_models()], ids=lambda label: label
)
def test_the_editor_of_every_page_type_opens_in_french(label, site_tree, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    home, directory = site_tree
    page = BUILDERS[label](home, directory)
    user = get_user_model().objects.create_superuser(email="redaction@musenor.test", password="x")
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="fr"' in html
    assert "Enregistrer le brouillon" in html
    # The page type's own name, translated.
    assert escape(str(page.specific_class._meta.verbose_name)).lower() in html.lower()


# --- An untranslated copy links into its own language ---------------------------------

# Addresses that are not pages of a language tree.
NEUTRAL_PREFIXES = ("/static/", "/media/", "/documents/", "/_util/", "/admin/")


@pytest.mark.parametrize(
    "label", [model._meta.label for model in portal_page_models()], ids=lambda label: label
)
def test_the_english_copy_of_every_page_type_links_into_english(
    label, site_tree, client, django_capture_on_commit_callbacks
):
    """A French page's English copy (an alias of the synchronised tree) leads to
    English pages: its museums, stops and steps, not back into the French tree."""
    import re

    from musenor.site.translations import synchronise_locales

    home, directory = site_tree
    source = BUILDERS[label](home, directory)
    with django_capture_on_commit_callbacks(execute=True):
        synchronise_locales()
    english = source.get_translation(Locale.objects.get(language_code="en"))
    html = client.get(english.url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    links = [
        href
        for href in re.findall(r'href="(/[^"#]*)', main)
        if not href.startswith(NEUTRAL_PREFIXES)
    ]
    french = [href for href in links if not href.startswith("/en/")]
    assert not french, f"{english.url} links into the French tree: {french}"
