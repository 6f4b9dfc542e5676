"""The directory's themes and the school subjects in every language.

Themes and subjects are translatable snippets (wagtail-localize). Pages link to
the French entries; every page, list, card and filter shows an entry in the
visitor's language where it is translated, and in French where it is not.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from musenor.site.demo import translate_page
from musenor.site.translations import localized, synchronise_locales

pytestmark = pytest.mark.django_db


def translate(entry, code, name):
    with translation.override("fr"):
        translate_page(entry, Locale.objects.get(language_code=code), {entry.name: name})
    return entry.get_translation(Locale.objects.get(language_code=code))


@pytest.fixture
def themed(site_tree, django_capture_on_commit_callbacks):
    """Two museums with themes, the trees synchronised, "beaux-arts" in English and Dutch."""
    from musenor.pages.museums.factories import make_museum, make_theme

    home, directory = site_tree
    lens = make_museum(directory, title="Louvre-Lens", city="Lens", themes=["beaux-arts"])
    make_museum(directory, title="Musée Quentovic", city="Étaples", themes=["archéologie"])
    synchronise_locales()
    with django_capture_on_commit_callbacks(execute=True):
        fine_arts = translate(make_theme("beaux-arts"), "en", "fine arts")
        translate(make_theme("beaux-arts"), "nl", "schone kunsten")
    return directory, lens, fine_arts


def page_in(page, code):
    return page.get_translation(Locale.objects.get(language_code=code))


def test_a_translated_theme_keeps_its_slug_and_gets_its_own_locale(themed):
    from musenor.pages.museums.models import MuseumTheme

    *_, fine_arts = themed
    assert fine_arts.locale.language_code == "en"
    assert fine_arts.slug == "beaux-arts"
    assert MuseumTheme.objects.filter(slug="beaux-arts").count() == 3


def test_the_museum_page_and_the_directory_show_themes_in_the_visitors_language(themed, client):
    directory, lens, _ = themed
    english = client.get(page_in(lens, "en").url).content.decode()
    assert "fine arts" in english and "beaux-arts</a>" not in english
    # The link filters the English directory by the shared slug.
    assert "?theme=beaux-arts" in english
    dutch = client.get(page_in(lens, "nl").url).content.decode()
    assert "schone kunsten" in dutch
    french = client.get(lens.url).content.decode()
    assert "beaux-arts</a>" in french and "fine arts" not in french

    listing = client.get(page_in(directory, "en").url).content.decode()
    assert "<li>fine arts</li>" in listing
    # Nobody translated "archéologie": it stays French.
    assert "<li>archéologie</li>" in listing


def test_the_directory_filter_offers_and_applies_themes_in_english(themed, client):
    directory, *_ = themed
    url = page_in(directory, "en").url
    html = client.get(url).content.decode()
    assert '<option value="beaux-arts">fine arts</option>' in html
    filtered = client.get(url, {"theme": "beaux-arts"}).content.decode()
    assert "Louvre-Lens" in filtered and "Musée Quentovic" not in filtered


def test_the_english_directory_reads_the_translations_once_per_request(themed, client):
    from musenor.pages.museums.factories import make_museum

    directory, *_ = themed
    url = page_in(directory, "en").url

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    for n in range(4):
        make_museum(directory, title=f"Musée {n}", themes=["beaux-arts", "archéologie"])
    assert queries() == before


def test_the_editor_offers_the_french_themes_only(themed):
    from musenor.pages.museums.models import MuseumPage

    _, lens, _ = themed
    form_class = MuseumPage.get_edit_handler().get_form_class()
    form = form_class(instance=lens, for_user=None)
    themes = form.fields["themes"].queryset
    assert sorted(themes.values_list("name", flat=True)) == ["archéologie", "beaux-arts"]


def test_a_map_block_translated_with_its_page_still_finds_the_museums(themed):
    from musenor.streamfields.blocks import MuseumMapBlock

    *_, fine_arts = themed
    block = MuseumMapBlock()
    value = block.to_python({"museums": [], "theme": fine_arts.pk, "department": ""})
    museums = block.get_museums(value, None)
    assert [museum.title for museum in museums] == ["Louvre-Lens"]


def test_localized_keeps_french_without_a_query_and_untranslated_entries_as_they_are(themed):
    from musenor.pages.museums.factories import make_theme

    themes = [make_theme("beaux-arts"), make_theme("archéologie")]
    with translation.override("fr"), CaptureQueriesContext(connection) as captured:
        assert localized(themes) == themes
    assert len(captured) == 0
    with translation.override("en"):
        assert [theme.name for theme in localized(themes)] == ["fine arts", "archéologie"]


def test_subjects_show_in_the_visitors_language_on_showcases(
    site_tree, client, django_capture_on_commit_callbacks
):
    from musenor.pages.education.factories import make_showcase, make_showcase_index, make_subject

    home, _ = site_tree
    index = make_showcase_index(home)
    showcase = make_showcase(index, title="Le musée en classe", subjects=["Histoire des arts"])
    synchronise_locales()
    with django_capture_on_commit_callbacks(execute=True):
        translate(make_subject("Histoire des arts"), "nl", "Kunstgeschiedenis")
    page = client.get(page_in(showcase, "nl").url).content.decode()
    assert "Kunstgeschiedenis" in page and "Histoire des arts" not in page
    listing = client.get(page_in(index, "nl").url).content.decode()
    assert "<li>Kunstgeschiedenis</li>" in listing
    assert '<option value="histoire-des-arts">Kunstgeschiedenis</option>' in listing
    filtered = client.get(page_in(index, "nl").url, {"subject": "histoire-des-arts"})
    assert "Le musée en classe" in filtered.content.decode()
