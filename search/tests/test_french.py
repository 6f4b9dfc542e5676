"""The site search reads French on the database it runs on: stems, accents, phrases.

These tests run on SQLite by default and on PostgreSQL with ``DATABASE_URL``
(the ``musenor_french`` configuration); the results page shows a count and
the kind of every result.
"""

import pytest
from django.db import connection
from django.utils.html import escape
from wagtail.models import Locale, Page

from musenor.search import french
from musenor.search.query import parse_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def museums(directory):
    from musenor.pages.museums.factories import make_museum

    return {
        "caudry": make_museum(
            directory,
            title="Musée des dentelles et broderies",
            city="Caudry",
            summary="Les dentelles Leavers et la broderie mécanique.",
        ),
        "peronne": make_museum(
            directory,
            title="Historial de la Grande Guerre",
            city="Péronne",
            summary="La vie des soldats pendant la Grande Guerre.",
        ),
        "etaples": make_museum(
            directory,
            title="Musée Quentovic",
            city="Étaples",
            summary="Archéologie et histoire maritime.",
        ),
        "arras": make_museum(
            directory,
            title="Musée des Beaux-Arts d'Arras",
            city="Arras",
            summary="Une guerre, puis une grande reconstruction.",
        ),
    }


def titles(query):
    pages = Page.objects.live().filter(locale=Locale.get_default()).specific()
    return {page.title for page in pages.search(parse_query(query))}


def test_stems_fold_case_accents_and_plurals():
    assert french.normalise("Broderies broderie BRODERIE") == "broder broder broder"
    assert french.normalise("Musée musees") == "muse muse"
    assert french.normalise("Étaples") == french.normalise("etaples")
    # Stop words go outside phrases only, and never when nothing else is left.
    assert french.normalise("musée de la mine", drop_stop_words=True) == "muse min"
    assert french.normalise("de la", drop_stop_words=True) == "de la"
    assert french.normalise("musée de la mine") == "muse de la min"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dentelle", "Musée des dentelles et broderies"),
        ("broderie", "Musée des dentelles et broderies"),
        ("BRODERIES", "Musée des dentelles et broderies"),
        ("musee des dentelles", "Musée des dentelles et broderies"),
        ("etaples", "Musée Quentovic"),
        ("Étaples", "Musée Quentovic"),
        ("peronne", "Historial de la Grande Guerre"),
        ("archeologie", "Musée Quentovic"),
    ],
)
def test_words_find_their_pages_whatever_their_form(museums, query, expected):
    assert expected in titles(query)


def test_a_phrase_finds_the_words_together_and_in_order(museums):
    assert titles("grande guerre") == {
        "Historial de la Grande Guerre",
        "Musée des Beaux-Arts d'Arras",
    }
    assert titles('"Grande Guerre"') == {"Historial de la Grande Guerre"}
    assert titles("« grandes guerres »") == {"Historial de la Grande Guerre"}
    assert titles('"guerre grande"') == set()


def test_negation_and_alternatives_still_work(museums):
    assert titles("guerre -reconstruction") == {"Historial de la Grande Guerre"}
    assert titles("dentelle OR etaples") == {"Musée des dentelles et broderies", "Musée Quentovic"}


def test_search_syntax_from_other_callers_is_still_harmless(museums):
    """The backend's own guard (docs/security.md): quotes, NUL and FTS operators."""
    pages = Page.objects.live().specific()
    for text in ['"', 'dentelle"', "broderie\x00", "NEAR(dentelle", "dentelle*", "-"]:
        list(pages.search(text))


def test_the_database_uses_the_french_configuration():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector(%s, %s)::text", [french.POSTGRES_CONFIG, "Étaples"])
        assert cursor.fetchone()[0] == "'etapl':1"


def test_the_results_page_shows_a_count_and_the_kind_of_each_result(museums, client):
    from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index

    home = museums["caudry"].get_parent().get_parent()
    make_exhibition(
        make_exhibition_index(home),
        title="Dentelles de Calais",
        museums=[museums["caudry"]],
        summary="Un siècle de dentelle.",
    )
    html = client.get("/recherche/", {"q": "dentelles"}).content.decode()
    assert "2 pages correspondent à « dentelles »." in html
    assert '<span class="search-kind">Musée</span>' in html
    assert '<span class="search-kind">Exposition</span>' in html
    assert escape("Musée des dentelles et broderies") in html


def test_autocompletion_matches_the_start_of_words_as_written(museums):
    """The admin's choosers autocomplete: prefixes of the words, not of their stems."""
    from musenor.pages.museums.models import MuseumPage

    assert {page.title for page in MuseumPage.objects.autocomplete("dentell")} == {
        "Musée des dentelles et broderies"
    }
    assert {page.title for page in MuseumPage.objects.autocomplete("etap")} == {"Musée Quentovic"}
