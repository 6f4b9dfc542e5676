"""The site in every language: synchronised trees, ``lang="fr"``, the switcher, dates, order."""

import re
from datetime import date

import pytest
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale, Page

from musenor.site.dates import long_date
from musenor.site.demo import publish_child, translate_page
from musenor.site.sorting import sort_key
from musenor.site.translations import synchronise_locales

pytestmark = pytest.mark.django_db


def main_tag(html):
    return re.search(r"<main [^>]*>", html).group(0)


@pytest.fixture
def synchronised(site_tree, django_capture_on_commit_callbacks):
    """The home page, the directory and two museums, with the en and nl trees synchronised."""
    from musenor.pages.museums.factories import make_museum

    home, directory = site_tree
    lens = make_museum(directory, title="Louvre-Lens", city="Lens", department="62")
    make_museum(directory, title="Musée Quentovic", city="Étaples", department="62")
    synchronise_locales()
    return home, directory, lens


def test_every_french_page_has_a_counterpart_in_english_and_dutch(synchronised, client):
    home = synchronised[0]
    french = Page.objects.descendant_of(home, inclusive=True).live()
    assert french.count() == 4
    for page in french:
        for code in ("en", "nl"):
            counterpart = page.get_translation(Locale.objects.get(language_code=code))
            assert counterpart.live
            url = counterpart.url
            assert url.startswith(f"/{code}/"), url
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            assert f'<html lang="{code}">' in html
            # Untranslated: the French text is declared French, inside the English page.
            assert 'lang="fr"' in main_tag(html)
            assert escape(page.title) in html


def test_a_translated_page_is_no_longer_marked_french(synchronised, client):
    home, directory, lens = synchronised
    english = Locale.objects.get(language_code="en")
    with translation.override("fr"):
        translate_page(lens, english, {"Louvre-Lens": "Louvre-Lens museum"})
    page = lens.get_translation(english)
    assert page.alias_of_id is None
    html = client.get(page.url).content.decode()
    assert 'lang="fr"' not in main_tag(html)
    assert "Louvre-Lens museum" in html
    # The directory is still an alias: its menu entry is marked French.
    assert re.search(r'<a href="/en/[^"]*"[^>]* lang="fr">Les musées</a>', html)


def test_a_page_published_by_code_appears_in_every_language(
    synchronised, client, django_capture_on_commit_callbacks
):
    """An import or the demo publishes pages without the admin: they get aliases too."""
    from musenor.pages.standard.models import StandardPage

    home, directory, lens = synchronised
    with django_capture_on_commit_callbacks(execute=True):
        page = publish_child(
            home, StandardPage, "contact", title="Nous écrire", intro="Écrivez-nous."
        )
    for code in ("en", "nl"):
        alias = page.get_translation(Locale.objects.get(language_code=code))
        assert alias.alias_of_id == page.pk
        assert client.get(alias.url).status_code == 200


def test_the_switcher_keeps_the_visitor_on_the_same_page(synchronised, client):
    home, directory, lens = synchronised
    html = client.get(lens.url).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switcher))
    by_language = {code: url for url, code in links.items()}
    assert by_language == {"en": "/en/musees/louvre-lens/", "nl": "/nl/musees/louvre-lens/"}
    # And back: from the Dutch page to the French one.
    dutch = client.get(by_language["nl"]).content.decode()
    assert 'href="/musees/louvre-lens/" hreflang="fr"' in dutch


def test_the_switcher_keeps_the_directorys_filters(synchronised, client):
    _, directory, _ = synchronised
    html = client.get(directory.url, {"department": "62", "q": "Louvre"}).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/en/musees/?department=62&amp;q=Louvre" hreflang="en"' in switcher
    assert 'href="/nl/musees/?department=62&amp;q=Louvre" hreflang="nl"' in switcher


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("fr", date(2026, 6, 1), "1er juin 2026"),
        ("fr", date(2026, 6, 2), "2 juin 2026"),
        ("fr", date(2026, 1, 11), "11 janvier 2026"),
        ("en", date(2026, 6, 1), "June 1, 2026"),
        ("nl", date(2026, 6, 1), "1 juni 2026"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language, day, expected):
    with translation.override(language):
        assert long_date(day) == expected


def test_an_exhibition_starting_on_the_first_reads_1er(site_tree, client):
    from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index

    home, directory = site_tree
    exhibition = make_exhibition(
        make_exhibition_index(home),
        title="Dentelles",
        start_date=date(2026, 6, 1),
        end_date=date(2026, 9, 1),
    )
    html = client.get(exhibition.url).content.decode()
    assert "1er juin 2026" in html
    assert "1er septembre 2026" in html


def test_french_names_sort_with_their_letter():
    towns = ["Lille", "Étaples", "Eu", "Amiens", "Évin-Malmaison", "Zuydcoote", "Ecques"]
    assert sorted(towns, key=sort_key) == [
        "Amiens",
        "Ecques",
        "Étaples",
        "Eu",
        "Évin-Malmaison",
        "Lille",
        "Zuydcoote",
    ]


def test_the_directory_and_its_city_filter_sort_accents_in_place(site_tree, client):
    from musenor.pages.museums.factories import make_museum

    home, directory = site_tree
    for title, city in [
        ("Musée Quentovic", "Étaples"),
        ("Écomusée de l'Avesnois", "Fourmies"),
        ("Musée d'Ostrevant", "Bouchain"),
        ("Familistère de Guise", "Guise"),
        ("Zoo", "Zuydcoote"),
    ]:
        make_museum(directory, title=title, city=city)
    html = client.get(directory.url).content.decode()
    titles = [
        escape(t)
        for t in ["Écomusée de l'Avesnois", "Familistère de Guise", "Musée d'Ostrevant", "Zoo"]
    ]
    positions = [html.index(f">{title}<") for title in titles]
    assert positions == sorted(positions)
    select = re.search(r'<select name="city".*?</select>', html, re.S).group(0)
    cities = re.findall(r'<option value="([^"]+)"', select)
    assert cities == ["Bouchain", "Étaples", "Fourmies", "Guise", "Zuydcoote"]


def test_search_results_and_footer_links_mark_french_titles_in_english(synchronised, client):
    from musenor.site.models import SiteLinks

    home, directory, lens = synchronised
    site = home.get_site()
    SiteLinks.objects.update_or_create(site=site, defaults={"legal_notice_page": directory})
    html = client.get("/en/recherche/", {"q": "Louvre"}).content.decode()
    results = html[html.index('<ul class="search-results">') :]
    assert '<a href="/en/musees/louvre-lens/" lang="fr">Louvre-Lens</a>' in results
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/en/musees/" lang="fr">' in footer


def test_a_museums_postal_address_is_not_translated(synchronised, client):
    from wagtail_localize.models import StringSegment, TranslationSource

    home, directory, lens = synchronised
    english = Locale.objects.get(language_code="en")
    with translation.override("fr"):
        translate_page(lens, english, {"Louvre-Lens": "Louvre-Lens museum"})
    source = TranslationSource.objects.get_for_instance(lens)
    segments = StringSegment.objects.filter(source=source)
    offered = set(segments.values_list("string__data", flat=True))
    assert "Lens" not in offered
    # The English directory's town filter keeps one entry per town.
    html = client.get(lens.get_translation(english).get_parent().url).content.decode()
    assert html.count('<option value="Lens">Lens</option>') == 1
