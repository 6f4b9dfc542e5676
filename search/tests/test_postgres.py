"""PostgreSQL searches start from the GIN index and find what Wagtail's own code finds."""

import pytest
from django.db import connection, transaction
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from musenor.pages.museums.factories import make_museum
from musenor.pages.museums.models import MuseumPage
from musenor.search import french
from musenor.search.postgres import IndexedSearchQueryCompiler, document

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's full-text index; SQLite's FTS5 table is its own index")


@pytest.fixture
def museums(directory):
    return [
        make_museum(directory, title="Musée des dentelles", city="Calais", summary="Broderies"),
        make_museum(directory, title="Musée de la mine", city="Lewarde", summary="Charbon"),
        make_museum(directory, title="Musée de la dentelle", city="Caudry", summary="Tulle"),
    ]


def _vendor_backend():
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return PostgresSearchBackend({"SEARCH_CONFIG": french.POSTGRES_CONFIG})


QUERIES = [
    PlainText("dentelle"),
    # One word in the title, the other in the summary: the match is over both.
    PlainText("dentelle calais"),
    PlainText("mine tulle"),
    Phrase("musée de la mine"),
    Or([PlainText("charbon"), PlainText("broderie")]),
    And([PlainText("musée"), Not(PlainText("calais"))]),
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
def test_the_indexed_search_finds_what_wagtails_code_finds(postgres, museums, query):
    backend = get_search_backend()
    assert backend.query_compiler_class is IndexedSearchQueryCompiler
    ours = list(backend.search(query, MuseumPage.objects.all()))
    theirs = list(_vendor_backend().search(query, MuseumPage.objects.all()))
    # Same pages, in the same order of relevance.
    assert ours == theirs
    assert [p.title for p in backend.search(PlainText("dentelle calais"), MuseumPage)] == [
        "Musée des dentelles"
    ]


def test_the_match_is_served_by_the_gin_index(postgres, museums):
    from django.contrib.postgres.search import SearchQuery
    from wagtail.search.models import IndexEntry

    # The expression the compiler matches (document()) is the one the migration indexes.
    entries = IndexEntry.objects.annotate(_document=document()).filter(
        _document=SearchQuery("dentelle", config=french.POSTGRES_CONFIG)
    )
    assert entries.count() == 2
    sql, params = entries.values("object_id").query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # A handful of rows make a sequential scan cheaper; forbid it to see whether
        # the index can serve the expression at all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "musenor_indexentry_document_gin" in plan, plan
