"""Wagtail's database search backend, with no search syntax from its callers.

The site's own search inputs build their queries with :mod:`musenor.search.query`.
Other callers (the Wagtail admin's search boxes, a plugin that passes a string)
hand the backend text as it came, and the SQLite and PostgreSQL backends put
parts of it into FTS5 and tsquery syntax unescaped: ``"`` or a NUL byte gave a
500. This backend (the one ``musenor.search.backends`` selects when no
``SEARCH_URL`` is set) keeps only the letters and digits of every string and
every ``PlainText``, ``Phrase`` and ``Fuzzy`` of a query, whoever built it.
Elasticsearch and OpenSearch escape their input themselves and are not wrapped.
"""

from modelsearch.backends.database import SearchBackend as vendor_backend
from wagtail.search.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from .query import clean_text, words_of

# Longer than a visitor's query: the admin's search boxes go through here too.
MAX_LENGTH = 1000


def safe_text(text):
    return " ".join(words_of(clean_text(text, MAX_LENGTH)))


def safe_query(query):
    """``query`` with only words in its texts; "" when nothing is left to look for."""
    if isinstance(query, str):
        return safe_text(query)
    if isinstance(query, PlainText):
        text = safe_text(query.query_string)
        return PlainText(text, operator=query.operator, boost=query.boost) if text else ""
    if isinstance(query, Phrase):
        text = safe_text(query.query_string)
        return Phrase(text) if text else ""
    if isinstance(query, Fuzzy):
        text = safe_text(query.query_string)
        return Fuzzy(text, operator=query.operator, unaccent=query.unaccent) if text else ""
    if isinstance(query, (And, Or)):
        parts = [part for part in map(safe_query, query.subqueries) if part != ""]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else type(query)(parts)
    if isinstance(query, Not):
        inner = safe_query(query.subquery)
        return Not(inner) if inner != "" else ""
    if isinstance(query, Boost):
        inner = safe_query(query.subquery)
        return Boost(inner, query.boost) if inner != "" else ""
    return query  # MatchAll and what this module does not know


class SafeQueryMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        # An empty string is the backend's own "no results".
        return super()._search(query_compiler_class, safe_query(query), model_or_queryset, **kwargs)


_classes = {}


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The database backend for the connection's vendor, with :class:`SafeQueryMixin`."""
    backend = vendor_backend(params)
    base = type(backend)
    if base not in _classes:
        _classes[base] = type(base.__name__, (SafeQueryMixin, base), {"__module__": __name__})
    backend.__class__ = _classes[base]
    return backend
