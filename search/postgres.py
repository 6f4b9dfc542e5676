"""PostgreSQL searches that use the full-text index instead of scanning every entry.

Wagtail's PostgreSQL backend (modelsearch) matches ``title || body`` of the
index entry joined to each searched row, on ``object_id = id::varchar``. The
``tsvector`` columns each have a GIN index, but the concatenation had none,
and the join runs from the searched table: over 100,000 collection records,
every search read every entry. Here:

- the core's migration ``0002_index_entry_document_gin`` indexes the
  expression ``title || body`` itself (GIN), with the same meaning as the
  backend's match: words found across title and body still match;
- the match is a subquery of the matching entries' ids, cast to the model's
  integer key, so the database starts from the index and then reads the few
  rows it found by their primary key;
- ranking by relevance still reads the entry of each matched row (the
  backend's own expression), only for the rows found.

Models whose key is not an integer, field-restricted searches, fuzzy and
match-all queries go through the backend's own code unchanged.
"""

from django.db import models
from django.db.models import F
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchQueryCompiler,
    get_descendants_content_types_pks,
)
from wagtail.search.query import Fuzzy, MatchAll, Not

#: The primary keys this module casts ``object_id`` (text) to.
_INTEGER_KEYS = (models.AutoField, models.BigAutoField, models.IntegerField)


def document(prefix=""):
    """The expression the GIN index covers: an entry's title and body vectors, joined."""
    return CombinedExpression(F(f"{prefix}title"), "||", F(f"{prefix}body"))


def _integer_key(model):
    key = model._meta.pk
    while key.remote_field is not None and key.primary_key:
        # A page type's key is its link to Wagtail's page: an integer too.
        key = key.target_field
    return isinstance(key, _INTEGER_KEYS)


class IndexedSearchQueryCompiler(PostgresSearchQueryCompiler):
    def _uses_backend_code(self):
        query = self.query
        return (
            self.fields is not None
            or isinstance(query, (MatchAll, Fuzzy))
            or (isinstance(query, Not) and isinstance(query.subquery, MatchAll))
            or not _integer_key(self.queryset.model)
        )

    def matching_ids(self, search_query):
        """The ids of the rows whose index entry matches, as a subquery served by the GIN index."""
        model = self.queryset.model
        entries = model._meta.get_field("index_entries").related_model
        return (
            entries.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
            .annotate(_document=document())
            .filter(_document=search_query)
            .values_list(Cast("object_id", output_field=models.BigIntegerField()), flat=True)
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        if self._uses_backend_code():
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        queryset = self.queryset.filter(pk__in=self.matching_ids(search_query))
        rank_expression = None
        if self.order_by_relevance or score_field is not None:
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)
