"""Wagtail's database search backend, with no search syntax from its callers.

The site's own search inputs build their queries with :mod:`musenor.search.query`.
Other callers (the Wagtail admin's search boxes, a plugin that passes a string)
hand the backend text as it came, and the SQLite and PostgreSQL backends put
parts of it into FTS5 and tsquery syntax unescaped: ``"`` or a NUL byte gave a
500. This backend (the one ``musenor.search.backends`` selects when no
``SEARCH_URL`` is set) keeps only the letters and digits of every string and
every ``PlainText``, ``Phrase`` and ``Fuzzy`` of a query, whoever built it.
Elasticsearch and OpenSearch escape their input themselves and are not wrapped.

It also reads French (:mod:`musenor.search.french`): on PostgreSQL through the
``musenor_french`` text search configuration (stems, no accents); on SQLite,
whose FTS5 only folds case and accents, by indexing the stems of titles and
bodies and searching for the stems of a query's words.

On PostgreSQL, searches start from the full-text index (:mod:`musenor.search.postgres`).
"""

from modelsearch.backends.database import SearchBackend as vendor_backend
from wagtail.search.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from . import french
from .query import clean_text, words_of

# Longer than a visitor's query: the admin's search boxes go through here too.
MAX_LENGTH = 1000


def safe_text(text, *, phrase=False):
    return " ".join(words_of(clean_text(text, MAX_LENGTH)))


def safe_query(query, text_of=safe_text):
    """``query`` with only words in its texts; "" when nothing is left to look for.

    ``text_of(text, phrase=…)`` turns each text into the words to look for (the
    SQLite backend passes :func:`french_text`, which also stems them).
    """
    if isinstance(query, str):
        return text_of(query)
    if isinstance(query, PlainText):
        text = text_of(query.query_string)
        return PlainText(text, operator=query.operator, boost=query.boost) if text else ""
    if isinstance(query, Phrase):
        text = text_of(query.query_string, phrase=True)
        return Phrase(text) if text else ""
    if isinstance(query, Fuzzy):
        text = text_of(query.query_string)
        return Fuzzy(text, operator=query.operator, unaccent=query.unaccent) if text else ""
    if isinstance(query, (And, Or)):
        parts = [part for part in (safe_query(sub, text_of) for sub in query.subqueries) if part]
        if not parts:
            return ""
        return parts[0] if len(parts) == 1 else type(query)(parts)
    if isinstance(query, Not):
        inner = safe_query(query.subquery, text_of)
        return Not(inner) if inner != "" else ""
    if isinstance(query, Boost):
        inner = safe_query(query.subquery, text_of)
        return Boost(inner, query.boost) if inner != "" else ""
    return query  # MatchAll and what this module does not know


def french_text(text, *, phrase=False):
    """The stems of the words of ``text``, as the SQLite index holds them; stop
    words are left out except in a phrase (the index keeps them, in place)."""
    return french.normalise(clean_text(text, MAX_LENGTH), drop_stop_words=not phrase)


class SafeQueryMixin:
    #: How the texts of a search (not an autocompletion) become words to look for.
    text_of = staticmethod(safe_text)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        # Autocompletion matches the start of words as written (no stems), on
        # every database; a search may transform its words (FrenchSQLiteMixin).
        is_autocomplete = query_compiler_class is self.autocomplete_query_compiler_class
        query = safe_query(query, safe_text if is_autocomplete else self.text_of)
        # An empty string is the backend's own "no results".
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


_classes = {}


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The database backend for the connection's vendor, with :class:`SafeQueryMixin`
    (and, on SQLite, the French stems of :class:`FrenchSQLiteMixin`)."""
    params = {"SEARCH_CONFIG": french.POSTGRES_CONFIG, **params}
    backend = vendor_backend(params)
    if hasattr(backend, "autocomplete_config") and backend.config == french.POSTGRES_CONFIG:
        # PostgreSQL's backend autocompletes with "simple", which keeps accents.
        backend.autocomplete_config = french.POSTGRES_AUTOCOMPLETE_CONFIG
    base = type(backend)
    if base not in _classes:
        mixin, attributes = SafeQueryMixin, {"__module__": __name__}
        if base.__module__.endswith(".sqlite.sqlite"):
            # Imported only on SQLite: modelsearch's SQLite module needs its models.
            from .sqlite import FrenchSQLiteMixin as mixin
        elif base.__module__.endswith(".postgres.postgres"):
            from .postgres import IndexedSearchQueryCompiler

            attributes["query_compiler_class"] = IndexedSearchQueryCompiler
        _classes[base] = type(base.__name__, (mixin, base), attributes)
    backend.__class__ = _classes[base]
    return backend
