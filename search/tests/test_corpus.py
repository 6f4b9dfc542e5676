"""What visitors type, and the pages they must find: the search corpus on the demo site.

Each query is written as a family, a teacher or an art lover would type it
(no accents, plurals, town names, a phrase in quotes) about the real museums
and exhibitions of the demo (``manage.py load_demo``). Each must find every
page it names on the first page of results (ten). The suite runs on SQLite and,
with ``DATABASE_URL`` set, on PostgreSQL (see docs/search.md). The corpus is
``data/corpus.json`` beside this file.
"""

import json
from pathlib import Path

import pytest
from wagtail.models import Locale, Page

from musenor.search.query import parse_query

# What each visitor types, who they are, and the titles of the pages they must
# find on the first page of results.
CORPUS = [
    (row["query"], row["who"], row["finds"])
    for row in json.loads((Path(__file__).parent / "data" / "corpus.json").read_text("utf-8"))
]


def search(query):
    pages = Page.objects.live().public().filter(locale=Locale.get_default()).specific()
    return pages.search(parse_query(query))


def test_the_corpus_is_large_and_varied():
    assert len(CORPUS) >= 30
    assert {"family", "teacher", "art lover"} <= {who for _query, who, _titles in CORPUS}


@pytest.mark.django_db
@pytest.mark.parametrize(("query", "who", "titles"), CORPUS, ids=[row[0] for row in CORPUS])
def test_a_visitor_query_finds_its_pages(demo_site, query, who, titles):
    found = [page.title for page in search(query)[:10]]
    missing = [title for title in titles if title not in found]
    assert not missing, f"{query!r} ({who}) misses {missing}; first results: {found}"


@pytest.mark.django_db
def test_a_phrase_in_quotes_finds_what_the_words_find_together(demo_site):
    quoted = {page.pk for page in search('"grande guerre"')}
    unquoted = {page.pk for page in search("grande guerre")}
    assert len(quoted) >= 3
    # The phrase is stricter: every page it finds, the words find too.
    assert quoted <= unquoted
    # And it is a phrase: the words far apart do not count ("guerre ... grande").
    assert not {page.pk for page in search('"guerre grande"')}
