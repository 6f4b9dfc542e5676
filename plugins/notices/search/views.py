"""The public collection search page: works without JavaScript, one GET form."""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.response import TemplateResponse

from .engine import SORTS, CollectionSearch
from .forms import SearchForm
from .query import FIELDS

PER_PAGE = 24


def _address(params, **changes):
    """The query string of ``params`` with ``changes`` (a list sets a key, None drops it)."""
    query = params.copy()
    query.pop("page", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query.setlist(key, [str(v) for v in value])
    return query.urlencode()


def collection_search(request):
    form = SearchForm(request.GET)
    search = CollectionSearch(q=form.query_text(), filters=form.filters(), sort=form.sort_key())
    facets = search.facets()
    paginator = Paginator(search.results, PER_PAGE)
    paginator.count = search.total  # counted with the facets: no second COUNT query
    page = paginator.get_page(request.GET.get("page"))
    # Filters kept on every link: the query, the sort, the selected values.
    params = QueryDict(mutable=True)
    if search.parsed.text:
        params["q"] = search.parsed.text
    if form.sort_key():
        params["sort"] = search.sort
    for key, values in search.filters.items():
        params.setlist(key, [str(v) for v in values])
    for facet in facets:
        chosen = [str(v) for v in search.filters.get(facet.key, [])]
        for value in facet.values:
            others = [v for v in chosen if v != value.value]
            value.toggle = _address(
                params, **{facet.key: others if value.selected else [*chosen, value.value]}
            )
    selected = [(facet, value) for facet in facets for value in facet.selected]
    return TemplateResponse(
        request,
        "musenor_notices/search/search.html",
        {
            "form": form,
            "search": search,
            "parsed": search.parsed,
            "page_obj": page,
            "records": page.object_list,
            "facets": facets,
            "selected": selected,
            "sorts": [s for s in SORTS if s.key != "relevance" or search.ranked],
            "search_fields": FIELDS,
            "query_string": params.urlencode(),
            "clear_filters": _address(params, **{f.key: None for f in facets}),
        },
    )
