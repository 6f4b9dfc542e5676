"""Bulk indexing: what the import calls, and its PostgreSQL path against Wagtail's own."""

import pytest
from django.db import connection

from musenor.plugins.notices.models import Record
from musenor.plugins.notices.search.engine import CollectionSearch
from musenor.plugins.notices.search.indexing import index_records, unindex_records

pytestmark = pytest.mark.django_db


def test_records_written_in_bulk_are_found_once_indexed(collection):
    record = collection["records"]["paysage"]
    Record.objects.filter(pk=record.pk).update(title="Marine au clair de lune")
    assert not list(CollectionSearch(q="marine").results)
    assert index_records([record.pk]) == 1
    assert [r.pk for r in CollectionSearch(q="marine").results] == [record.pk]


def test_records_deleted_in_bulk_leave_the_index(collection):
    from wagtail.search.backends import get_search_backend

    record = collection["records"]["paysage"]
    Record.objects.filter(pk=record.pk).delete()
    unindex_records([record.pk])
    results = get_search_backend().search("Mortefontaine", Record.objects.all())
    assert list(results) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL path")
def test_postgresql_entries_are_those_of_wagtails_backend(collection):
    from modelsearch.backends.database.postgres.postgres import IndexEntry
    from wagtail.search.backends import get_search_backend

    ids = [r.pk for r in collection["records"].values()]

    def entries():
        rows = IndexEntry.objects.filter(object_id__in=[str(pk) for pk in ids])
        return {
            e.object_id: (str(e.title), str(e.body), str(e.autocomplete), e.title_text, e.body_text)
            for e in rows
        }

    index_records(ids)
    ours = entries()
    get_search_backend().add_bulk(Record, list(Record.get_indexed_objects().filter(pk__in=ids)))
    assert ours == entries()
    assert len(ours) == len(ids)
