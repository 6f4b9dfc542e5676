"""The protocol plugins implement to add non-page content to the site search.

:func:`provider_sections` runs every provider for the results page: a provider
that raises is logged and left out, as a broken hook is.
"""

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from wagtail.search.backends import get_search_backend

from musenor.plugins.manager import call_each, report_failure

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
        ``limit`` hits, best first.

        Two optional methods (plugin API 2): ``count(query, request)``, the total
        number of hits ``request.user`` may see, and ``results_url(query)``, the
        URL of the plugin's own page of every result for ``query``. The results
        page shows the count and links to that page when they are there.
    ``query`` is the visitor's text, cleaned by
        :func:`musenor.search.query.clean_text` (no control characters, at most
        200 characters) and holding at least one word; a provider that searches
        through Wagtail's backend passes it through
        :func:`musenor.search.query.parse_query`, never as a string.
    """

    name: str
    label: str

    def search(self, query: str, request, limit: int) -> list[SearchHit]: ...


@dataclass
class ProviderSection:
    """One provider's part of the results page."""

    provider: object
    hits: list
    # None when the provider has no ``count`` method.
    count: int | None = None
    results_url: str = ""


def provider_sections(query, request, limit):
    """One :class:`ProviderSection` per search provider of the enabled plugins.

    ``count`` and ``results_url`` are called when the provider has them. A
    provider that raises is logged and left out (raised when ``DEBUG``).
    """
    sections = []
    for label, providers in call_each("search_providers"):
        for provider in providers:
            try:
                section = ProviderSection(provider, provider.search(query, request, limit))
                if hasattr(provider, "count"):
                    section.count = provider.count(query, request)
                if hasattr(provider, "results_url"):
                    section.results_url = provider.results_url(query) or ""
            except Exception:
                name = getattr(provider, "name", provider)
                report_failure(label, f"the search provider {name!r}")
                continue
            sections.append(section)
    return sections


class ModelSearchProvider:
    """A provider over an ``index.Indexed`` model, through Wagtail's search backend.

    Subclasses set ``name``, ``label`` and ``model`` and may override
    :meth:`get_queryset` (to filter by permission) and :meth:`to_hit`; they add
    ``results_url(query)`` when the plugin has a page of all results.
    """

    name = ""
    label = ""
    model = None

    def get_queryset(self, request):
        return self.model._default_manager.all()

    def to_hit(self, obj, request):
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        return SearchHit(title=str(obj), url=url, kind=str(self.label))

    def results(self, query, request):
        """Wagtail's search results for ``query`` among what ``request.user`` may see."""
        # Through the backend: the model's own queryset has no ``search()``
        # (only page querysets do).
        parsed = parse_query(query)
        if parsed is None:
            return self.get_queryset(request).none()
        return get_search_backend().search(parsed, self.get_queryset(request))

    def search(self, query, request, limit):
        return [self.to_hit(obj, request) for obj in self.results(query, request)[:limit]]

    def count(self, query, request):
        return self.results(query, request).count()
