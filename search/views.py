"""The site search: pages of the current language, then each plugin's provider."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from musenor.plugins.pages import with_installed_types

from .providers import provider_sections
from .query import clean_text, parse_query

PROVIDER_LIMIT = 5


def search(request):
    # What the visitor typed, cleaned, is shown back and given to providers;
    # the pages are searched with the parsed query, never with the text.
    query = clean_text(request.GET.get("q"))
    search_query = parse_query(query)
    page_results = Page.objects.none()
    sections = []
    if search_query is not None:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        page_results = with_installed_types(pages).search(search_query)
        sections = provider_sections(query, request, PROVIDER_LIMIT)
    paginator = Paginator(page_results, 10)
    results = paginator.get_page(request.GET.get("page"))
    for page in results:
        # The kind of each result: its page type's name ("Musée", "Exposition").
        page.search_kind = page._meta.verbose_name
    return TemplateResponse(
        request,
        "musenor_search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "provider_sections": sections,
            "query_string": urlencode({"q": query}),
        },
    )
