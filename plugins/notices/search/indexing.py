"""Keeping the search index in step with records, one by one or in bulk.

Wagtail indexes a record when it is saved (its ``post_save`` signal), before
the many-to-many vocabularies of a snippet are written; the plugin reindexes
it again once published (:func:`reindex_record`). An import writes records in
bulk, without signals, and then calls :func:`index_records` with their ids.
"""

from itertools import islice

from wagtail.search.backends import get_search_backends

from ..models import Record

#: Records read and written to the index at once.
CHUNK_SIZE = 1000


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def index_records(record_ids=None, *, chunk_size=CHUNK_SIZE):
    """Add or update the records ``record_ids`` (every record when None) in every search
    backend that updates automatically; returns the number of records indexed.

    One read of the records (with their museum and vocabularies, in bulk) and
    one bulk write per backend per chunk: the import's path, far faster than
    saving records one by one.
    """
    if record_ids is None:
        record_ids = Record.objects.order_by("pk").values_list("pk", flat=True).iterator()
    backends = list(get_search_backends(with_auto_update=True))
    count = 0
    for chunk in _chunks(record_ids, chunk_size):
        records = list(Record.get_indexed_objects().filter(pk__in=chunk).order_by())
        for backend in backends:
            backend.add_bulk(Record, records)
        count += len(records)
    return count


def unindex_records(record_ids):
    """Remove the records ``record_ids`` from every backend (after a bulk delete)."""
    records = [Record(pk=pk) for pk in record_ids]
    for backend in get_search_backends(with_auto_update=True):
        for record in records:
            backend.delete(record)
