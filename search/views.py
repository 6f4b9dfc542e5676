"""The site search: pages of the current language, then each plugin's provider."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from musenor.plugins.manager import call

MAX_QUERY_LENGTH = 200
PROVIDER_LIMIT = 5


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page_results = Page.objects.none()
    sections = []
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        page_results = pages.search(query)
        for provider in call("search_providers"):
            hits = provider.search(query, request, PROVIDER_LIMIT)
            if hits:
                sections.append({"provider": provider, "hits": hits})
    paginator = Paginator(page_results, 10)
    results = paginator.get_page(request.GET.get("page"))
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
