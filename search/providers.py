"""The protocol plugins implement to add non-page content to the site search."""

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from wagtail.search.backends import get_search_backend

from .query import parse_query


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    summary: str = ""
    # A short label for the kind of content ("Object record", "Forum post").
    kind: str = ""


@runtime_checkable
class SearchProvider(Protocol):
    """What the ``search_providers`` hook returns.

    ``name`` is a stable identifier (used in URLs to show one provider's
    results), ``label`` the heading of its section on the results page.
    ``search`` must respect what ``request.user`` may see and return at most
    ``limit`` hits, best first. ``query`` is the visitor's text, cleaned by
    :func:`musenor.search.query.clean_text` (no control characters, at most
    200 characters) and holding at least one word; a provider that searches
    through Wagtail's backend passes it through
    :func:`musenor.search.query.parse_query`, never as a string.
    """

    name: str
    label: str

    def search(self, query: str, request, limit: int) -> list[SearchHit]: ...


class ModelSearchProvider:
    """A provider over an ``index.Indexed`` model, through Wagtail's search backend.

    Subclasses set ``name``, ``label`` and ``model`` and may override
    :meth:`get_queryset` (to filter by permission) and :meth:`to_hit`.
    """

    name = ""
    label = ""
    model = None

    def get_queryset(self, request):
        return self.model._default_manager.all()

    def to_hit(self, obj, request):
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        return SearchHit(title=str(obj), url=url, kind=str(self.label))

    def search(self, query, request, limit):
        # Through the backend: the model's own queryset has no ``search()``
        # (only page querysets do).
        parsed = parse_query(query)
        if parsed is None:
            return []
        backend = get_search_backend()
        results = backend.search(parsed, self.get_queryset(request))[:limit]
        return [self.to_hit(obj, request) for obj in results]
