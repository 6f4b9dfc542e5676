"""The collection search: a parsed query, facet filters and a sort become records and facet counts.

Free text goes through Wagtail's search framework (the backend of the site:
the database's own full text by default, Elasticsearch or OpenSearch when
configured); words qualified by a ``[Field]`` and the facet filters are SQL
conditions on the record and its vocabularies. A query such as
``("sport") AND (beaux-arts [Domaine])`` is therefore one search of the
backend for ``sport``, among the public records whose domain matches
``beaux arts``. A free-text part under ``OR`` or ``NOT`` becomes a subquery of
the records the backend matches (``pk IN (...)``), so any combination works.

Facet counts ignore the facet's own filter (so that choosing "peinture"
still shows how many "dessin" there are: values of one facet are
alternatives); every facet and the total are counted in one query
(:mod:`.facets`). The number of queries of a search does not depend on the
number of records or results.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Or, Phrase, PlainText

from ..models import (
    Author,
    Denomination,
    Domain,
    Period,
    Place,
    Record,
    School,
    Subject,
    Technique,
    term_key,
)
from .facets import TOTAL, facet_rows
from .query import Group, Negation, Term, parse

#: Record ids a search backend without SQL (Elasticsearch) may hand over for one
#: free-text part under OR or NOT; the database backends give a subquery instead.
MAX_BACKEND_IDS = 10_000

#: ``[Field]`` -> the record's relation to a vocabulary.
VOCABULARY_FIELDS = {
    "domain": "domains",
    "denomination": "denominations",
    "period": "periods",
    "technique": "techniques",
    "author": "authors",
    "place": "places",
    "school": "schools",
    "subject": "subjects",
}
#: ``[Field]`` -> the record's text columns it looks in.
TEXT_FIELDS = {
    "title": ("title", "appellation"),
    "description": ("description",),
    "epoch": ("epoch",),
    "inventory": ("inventory_number", "ref"),
    "museum": ("museum__title", "museum__city", "museo"),
}


@dataclass(frozen=True)
class Facet:
    key: str
    label: str
    #: The record's relation (a vocabulary's many-to-many, or ``museum``), or None for has-image.
    relation: str | None
    #: Values shown; the rest are counted but not listed.
    size: int = 12


FACETS = (
    Facet("museum", _("Museum"), "museum", size=70),
    Facet("domain", _("Domain"), "domains"),
    Facet("denomination", _("Denomination"), "denominations"),
    Facet("period", _("Period"), "periods"),
    Facet("technique", _("Technique"), "techniques"),
    Facet("author", _("Author"), "authors"),
    Facet("image", _("Photograph"), None),
)
FACETS_BY_KEY = {f.key: f for f in FACETS}
_VOCABULARY_MODELS = {
    "domains": Domain,
    "denominations": Denomination,
    "periods": Period,
    "techniques": Technique,
    "authors": Author,
    "places": Place,
    "schools": School,
    "subjects": Subject,
}


@dataclass(frozen=True)
class Sort:
    key: str
    label: str
    order_by: tuple


SORTS = (
    Sort("relevance", _("Relevance"), ()),
    Sort("title", _("Title (A to Z)"), ("title", "appellation", "pk")),
    Sort("museum", _("Museum"), ("museum__title", "inventory_number", "pk")),
    Sort("inventory", _("Inventory number"), ("inventory_number", "pk")),
    Sort("updated", _("Recently updated"), ("-updated_at", "-pk")),
)
SORTS_BY_KEY = {s.key: s for s in SORTS}


# --- from the query tree to SQL and search queries -----------------------------------


def _is_free_text(node):
    """A subtree of unqualified words under AND and OR only: one query of the search backend."""
    if isinstance(node, Term):
        return node.field is None
    if isinstance(node, Group):
        return all(_is_free_text(child) for child in node.children)
    return False


def search_query(node):
    """A ``wagtail.search.query`` object for a free-text subtree."""
    if isinstance(node, Term):
        text = " ".join(node.words)
        return Phrase(text) if node.phrase else PlainText(text)
    parts = [search_query(child) for child in node.children]
    return And(parts) if node.operator == "AND" else Or(parts)


def _through_exists(relation, condition):
    """Records linked through ``relation`` to a vocabulary entry meeting ``condition``."""
    model_field = Record._meta.get_field(relation)
    through = model_field.remote_field.through
    source, target = model_field.m2m_field_name(), model_field.m2m_reverse_field_name()
    return Exists(
        through.objects.filter(**{source: OuterRef("pk")}, **{f"{target}__in": condition})
    )


def _vocabulary_condition(model, term):
    """Vocabulary entries whose words start with the term's words (a phrase: in a row)."""
    keys = [term_key(word) for word in term.words]
    keys = [key for key in keys if key]
    if term.phrase:
        phrase = " ".join(keys)
        condition = Q(key__startswith=phrase) | Q(key__contains=" " + phrase)
    else:
        condition = Q()
        for key in keys:
            condition &= Q(key__startswith=key) | Q(key__contains=" " + key)
    return model.objects.filter(condition).values("pk")


def _text_condition(columns, term):
    pieces = [" ".join(term.words)] if term.phrase else list(term.words)
    condition = Q()
    for piece in pieces:
        any_column = Q()
        for column in columns:
            any_column |= Q(**{f"{column}__icontains": piece})
        condition &= any_column
    return condition


class _Compiler:
    def __init__(self, backend):
        self.backend = backend

    def matching(self, query):
        """``Q`` for the records the search backend matches for ``query`` (a subquery)."""
        results = self.backend.search(query, Record.objects.all(), order_by_relevance=False)
        if hasattr(results, "get_queryset"):
            return Q(pk__in=results.get_queryset().values("pk"))
        return Q(pk__in=[obj.pk for obj in results[:MAX_BACKEND_IDS]])

    def term(self, term):
        if term.field is None:
            return self.matching(search_query(term))
        if term.field in VOCABULARY_FIELDS:
            relation = VOCABULARY_FIELDS[term.field]
            return Q(
                _through_exists(relation, _vocabulary_condition(_VOCABULARY_MODELS[relation], term))
            )
        return _text_condition(TEXT_FIELDS[term.field], term)

    def condition(self, node):
        """``Q`` for any subtree."""
        if _is_free_text(node):
            return self.matching(search_query(node))
        if isinstance(node, Term):
            return self.term(node)
        if isinstance(node, Negation):
            return ~self.condition(node.child)
        free = [child for child in node.children if _is_free_text(child)]
        parts = [self.condition(child) for child in node.children if not _is_free_text(child)]
        if free:
            # Free-text siblings make one query of the backend, not one each.
            combined = [search_query(child) for child in free]
            if len(combined) > 1:
                combined = [And(combined) if node.operator == "AND" else Or(combined)]
            parts.insert(0, self.matching(combined[0]))
        result = parts[0]
        for part in parts[1:]:
            result = result & part if node.operator == "AND" else result | part
        return result

    def split(self, node):
        """``(free-text query or None, Q or None)``: the records are the backend's matches
        for the query among those meeting the condition. The free text at the top
        goes to the backend directly, which also ranks the results by relevance."""
        if node is None:
            return None, None
        if _is_free_text(node):
            return search_query(node), None
        if isinstance(node, Group) and node.operator == "AND":
            free = [search_query(c) for c in node.children if _is_free_text(c)]
            rest = [c for c in node.children if not _is_free_text(c)]
            text = (free[0] if len(free) == 1 else And(free)) if free else None
            condition = Q()
            for child in rest:
                condition &= self.condition(child)
            return text, condition
        return None, self.condition(node)


# --- the search ----------------------------------------------------------------------


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetResult:
    facet: Facet
    values: list = field(default_factory=list)

    @property
    def key(self):
        return self.facet.key

    @property
    def label(self):
        return self.facet.label

    @property
    def selected(self):
        return [v for v in self.values if v.selected]


@dataclass
class CollectionSearch:
    """One search of the public collection.

    ``filters`` maps a facet key to the selected values (ids as ints; for
    ``image``, ``["1"]`` means "with a photograph only"). ``results`` is a
    sliceable sequence (a queryset or the backend's results) for a paginator.
    """

    q: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = ""
    backend: object = None

    def __post_init__(self):
        self.parsed = parse(self.q)
        if self.backend is None:
            self.backend = get_search_backend()
        self._text, self._condition = _Compiler(self.backend).split(self.parsed.node)
        if self.sort not in SORTS_BY_KEY or (self.sort == "relevance" and self._text is None):
            self.sort = "relevance" if self._text is not None else "title"

    @property
    def ranked(self):
        """True when free text can rank the results by relevance."""
        return self._text is not None

    @property
    def messages(self):
        return self.parsed.messages

    def conditions(self, filtered=True):
        """``Q`` objects for the query's qualified parts and (``filtered``) the facet filters."""
        conditions = [] if self._condition is None else [self._condition]
        for key, values in self.filters.items() if filtered else ():
            if not values:
                continue
            facet = FACETS_BY_KEY[key]
            if facet.relation is None:
                conditions.append(Q(has_image=True))
            elif facet.relation == "museum":
                conditions.append(Q(museum_id__in=values))
            else:
                conditions.append(Q(_through_exists(facet.relation, values)))
        return conditions

    def records(self, filtered=True, ranked=False):
        """The matched public records as a queryset (ranked: ordered by relevance;
        not ``filtered``: before the facet filters, which :mod:`.facets` applies).

        The backend searches the public records (filters it understands on every
        backend); the SQL conditions then apply to the queryset the database
        backends return, which keeps their ranking.
        """
        public = Record.objects.public()
        if self._text is None:
            return public.filter(*self.conditions(filtered))
        results = self.backend.search(self._text, public, order_by_relevance=ranked)
        if hasattr(results, "get_queryset"):
            return results.get_queryset().filter(*self.conditions(filtered))
        ids = [record.pk for record in results[:MAX_BACKEND_IDS]]
        return public.filter(pk__in=ids).filter(*self.conditions(filtered))

    @property
    def results(self):
        """The page-able results, in the chosen order."""
        if getattr(self, "_results", None) is None:
            relevance = self.sort == "relevance"
            queryset = self.records(ranked=relevance)
            if not relevance:
                queryset = queryset.order_by(*SORTS_BY_KEY[self.sort].order_by)
            self._results = queryset.select_related("museum", "primary_image").prefetch_related(
                "authors", "domains", "primary_image__renditions"
            )
        return self._results

    def facets(self):
        """One :class:`FacetResult` per facet, and :attr:`total`: one query for all."""
        rows = facet_rows(
            self.records(filtered=False),
            FACETS,
            self.filters,
            limit=max(facet.size for facet in FACETS),
            query_words=self.parsed.node is not None,
        )
        by_key = {facet.key: [] for facet in FACETS}
        self.total = 0
        for key, value, label, count in rows:
            if key == TOTAL:
                self.total = count
            else:
                by_key[key].append((value, label, count))
        return [self._facet_result(facet, by_key[facet.key]) for facet in FACETS]

    def _facet_result(self, facet, rows):
        selected = {str(v) for v in self.filters.get(facet.key, [])}
        if facet.relation is None:
            count = rows[0][2] if rows else 0
            return FacetResult(
                facet, [FacetValue("1", str(_("With a photograph")), count, "1" in selected)]
            )
        result = FacetResult(
            facet,
            [
                FacetValue(str(pk), label, count, str(pk) in selected)
                for pk, label, count in rows[: facet.size]
            ],
        )
        # A selected value outside the top ones still shows, so it can be removed.
        result.values += [
            FacetValue(str(pk), label, count, True)
            for pk, label, count in rows[facet.size :]
            if str(pk) in selected
        ]
        missing = selected - {v.value for v in result.values}
        if missing:
            result.values += self._selected_labels(facet, missing)
        return result

    def _selected_labels(self, facet, values):
        ids = [int(v) for v in values if v.isdigit()]
        if facet.relation == "museum":
            model = Record._meta.get_field("museum").related_model
            rows = model.objects.filter(pk__in=ids).values_list("pk", "title")
        else:
            rows = (
                _VOCABULARY_MODELS[facet.relation]
                .objects.filter(pk__in=ids)
                .values_list("pk", "label")
            )
        return [FacetValue(str(pk), label, 0, True) for pk, label in rows]
