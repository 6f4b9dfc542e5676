"""Keeping the search index in step with records, one by one or in bulk.

Wagtail indexes a record when it is saved (its ``post_save`` signal), before
the many-to-many vocabularies of a snippet are written; the plugin reindexes
it again once published (:func:`reindex_record`). An import writes records in
bulk, without signals, and then calls :func:`index_records` with their ids.
"""

from itertools import islice

from wagtail.search import index
from wagtail.search.backends import get_search_backends

from ..models import Record

#: Records read and written to the index at once.
CHUNK_SIZE = 1000


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _searched_relations():
    """The record's many-to-many relations that its ``search_fields`` index."""
    return [
        field.field_name
        for field in Record.get_search_fields()
        if isinstance(field, index.RelatedFields)
        and Record._meta.get_field(field.field_name).many_to_many
    ]


def _attach_vocabularies(records):
    """Load the records' searched vocabularies in one query per relation.

    Wagtail does not prefetch a ``ParentalManyToManyField`` (modelcluster's
    manager reads the database on each access, five times per record while
    indexing); a relation set in memory is what modelcluster's manager returns
    without a query.
    """
    by_pk = {record.pk: record for record in records}
    for relation in _searched_relations():
        field = Record._meta.get_field(relation)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        pairs = list(
            through.objects.filter(**{f"{source}_id__in": list(by_pk)}).values_list(
                f"{source}_id", f"{target}_id"
            )
        )
        terms = field.related_model.objects.in_bulk({term_id for _pk, term_id in pairs})
        linked = {pk: [] for pk in by_pk}
        for pk, term_id in pairs:
            linked[pk].append(terms[term_id])
        for pk, found in linked.items():
            found.sort(key=lambda term: term.label)
            cache = getattr(by_pk[pk], "_cluster_related_objects", None)
            if cache is None:
                cache = by_pk[pk]._cluster_related_objects = {}
            cache[relation] = found


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
        _attach_vocabularies(records)
        for backend in backends:
            if _is_postgres_database_backend(backend):
                _postgres_add(backend, records)
            else:
                backend.add_bulk(Record, records)
        count += len(records)
    return count


def unindex_records(record_ids):
    """Remove the deleted records ``record_ids`` from every backend (after a bulk delete).

    The database backends drop every entry whose record is gone in one query;
    the others are told record by record.
    """
    for backend in get_search_backends(with_auto_update=True):
        search_index = backend.get_index_for_model(Record)
        if hasattr(search_index, "delete_stale_model_entries"):
            search_index.delete_stale_model_entries(Record)
        else:
            for pk in record_ids:
                backend.delete(Record(pk=pk))


# --- PostgreSQL: the same index entries as Wagtail's, with the text search done in SQL ---------


def _is_postgres_database_backend(backend):
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    return isinstance(backend, PostgresSearchBackend)


def _prepare(value):
    # What modelsearch's ObjectIndexer.prepare_value does.
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_prepare(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_prepare(item) for item in value.values())
    return "" if value is None else str(value)


def _field_texts(obj, fields):
    """``(field, weight, text)`` in the order modelsearch's ObjectIndexer yields them."""
    from django.db.models import Manager
    from modelsearch.backends.database.postgres.weights import get_weight

    for field in fields:
        if isinstance(field, index.SearchField):
            yield field, get_weight(field.boost), _prepare(_value(obj, field))
        elif isinstance(field, index.AutocompleteField):
            yield field, "D", _prepare(_value(obj, field))
        elif isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            if isinstance(related, Manager):
                related = related.all()
            else:
                related = [related() if callable(related) else related]
            for sub_obj in related:
                yield from _field_texts(sub_obj, field.fields)


def _value(obj, field):
    # Plain attributes directly (the costly part of Wagtail's get_value is for
    # tags, rich text and foreign keys, which the record's text fields are not).
    value = getattr(obj, field.field_name, None)
    return value() if callable(value) else value


def _vector_sql(texts, config):
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        return "to_tsvector(%s)", [""]
    parts, params = [], []
    for text, weight in texts:
        if config:
            parts.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
            params += [config, text, weight]
        else:
            parts.append("setweight(to_tsvector(%s), %s)")
            params += [text, weight]
    return "(" + " || ".join(parts) + ")", params


def _postgres_add(backend, records):
    """Write the index entries of ``records`` as Wagtail's PostgreSQL backend does
    (``PostgresIndex.add_items``: same vectors, weights and plain texts), building
    the ``tsvector`` values in the database instead of compiling one Django
    expression per text in Python, which made indexing run at ~50 records/s."""
    from modelsearch.backends.database.postgres.postgres import IndexEntry
    from modelsearch.utils import get_content_type_pk

    if not records:
        return
    search_index = backend.get_index_for_model(Record)
    fields = Record.get_search_fields()
    content_type_pk = get_content_type_pk(Record)
    # Rows grouped by the shape of their SQL (how many texts each vector has), each
    # group sent with executemany: a few short statements instead of one with tens
    # of thousands of placeholders, which psycopg takes seconds to parse.
    groups = {}
    for record in records:
        title, body, autocomplete = [], [], []
        for field, weight, text in _field_texts(record, fields):
            if isinstance(field, index.AutocompleteField):
                autocomplete.append((text, weight))
            elif field.field_name == "title":
                title.append((text, weight))
            else:
                body.append((text, weight))
        row_params = [content_type_pk, str(record.pk)]
        sqls = []
        for texts, config in (
            (title, backend.config),
            (autocomplete, backend.autocomplete_config),
            (body, backend.config),
        ):
            sql, vector_params = _vector_sql(texts, config)
            sqls.append(sql)
            row_params += vector_params
        row_params += [
            " ".join(t.strip() for t, _w in title if t.strip()),
            " ".join(t.strip() for t, _w in body if t.strip()),
        ]
        groups.setdefault(tuple(sqls), []).append(row_params)
    with search_index.write_connection.cursor() as cursor:
        for (title_sql, autocomplete_sql, body_sql), rows in groups.items():
            cursor.executemany(
                f"""
                INSERT INTO {IndexEntry._meta.db_table}
                    (content_type_id, object_id, title, autocomplete, body, title_norm,
                     title_text, body_text)
                VALUES (%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                    autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                    title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,  # noqa: S608 - the table's name and placeholders only
                rows,
            )
    search_index._refresh_title_norms()
