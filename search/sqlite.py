"""The SQLite side of the French search: stems in the index, stems in the query.

Imported by :func:`musenor.search.database.SearchBackend` on SQLite only
(modelsearch's SQLite module loads models that exist on SQLite alone).
"""

from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite as sqlite_backend

from . import french
from .database import SafeQueryMixin, french_text


class FrenchObjectIndexer(sqlite_backend.ObjectIndexer):
    """Indexes the French stems of titles and bodies; autocompletion keeps the words."""

    @cached_property
    def title(self):
        return french.normalise(super().title)

    @cached_property
    def body(self):
        return french.normalise(super().body)


class FrenchSQLiteIndex(sqlite_backend.SQLiteIndex):
    """modelsearch's SQLite index, with :class:`FrenchObjectIndexer`.

    ``add_items`` is modelsearch's own (1.3), which names its indexer class as a
    module global; it is repeated here rather than swapping that global, which
    another thread could be using.
    """

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = FrenchObjectIndexer(obj, self.backend)
            data[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
        if not data:
            return
        content_type_pk = sqlite_backend.get_content_type_pk(model)
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            sqlite_backend.IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


class FrenchSQLiteMixin(SafeQueryMixin):
    index_class = FrenchSQLiteIndex
    text_of = staticmethod(french_text)
