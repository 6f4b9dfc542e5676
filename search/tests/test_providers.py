"""The site search with plugins' providers: counts, links to their own results, failures."""

import logging
import re
from types import ModuleType

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from musenor.pages.standard.models import StandardPage
from musenor.plugins import hookimpl
from musenor.plugins.manager import registered
from musenor.search.providers import ModelSearchProvider, SearchHit
from musenor.site.tests.test_sitemap import translate

pytestmark = pytest.mark.django_db


class RecordProvider:
    """A provider of plugin API 2: it counts and has its own results page."""

    name = "records"
    label = "Objets des collections"
    records = ["Astrolabe nautique", "Astrolabe planisphérique", "Astrolabe de poche"]

    def search(self, query, request, limit):
        found = [title for title in self.records if query.lower() in title.lower()]
        return [SearchHit(title, f"/collections/{n}/") for n, title in enumerate(found[:limit])]

    def count(self, query, request):
        return len([title for title in self.records if query.lower() in title.lower()])

    def results_url(self, query):
        return f"/collections/?q={query}"


class OldProvider:
    """A provider of plugin API 1: no count, no results page."""

    name = "posts"
    label = "Forum"

    def search(self, query, request, limit):
        return [SearchHit("Un astrolabe à identifier", "/forum/1/")]


def providers_plugin(*providers):
    plugin = ModuleType("providers")
    plugin.search_providers = hookimpl(lambda: list(providers))
    return plugin


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


@pytest.fixture
def astrolabe_page(home):
    page = StandardPage(title="L'astrolabe du mois", slug="astrolabe", intro="Un astrolabe.")
    english_home = translate(home, "en")
    english_home.add_child(instance=page)
    page.save_revision().publish()
    return page


def search(client, query):
    # In English: the texts checked are the msgids.
    response = client.get("/en/recherche/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_the_results_page_shows_every_count_and_links_to_each_providers_results(
    client, astrolabe_page
):
    with registered(providers_plugin(RecordProvider(), OldProvider()), name="providers"):
        html = search(client, "astrolabe")
    start = html.index('<nav class="search-summary"')
    summary = text(html[start : html.index("</nav>", start)])
    assert summary.startswith("Results by kind Pages 1 result ")
    assert "Objets des collections 3 results All results in Objets des collections" in summary
    # A provider without count shows its hits, and no number.
    assert summary.endswith("Forum")
    assert html.count('href="/collections/?q=astrolabe"') == 2
    assert "See all 3 results" in html
    assert '<a href="/forum/1/">Un astrolabe à identifier</a>' in html
    assert '<a href="/collections/0/">Astrolabe nautique</a>' in html


def test_a_provider_with_no_hit_still_reports_its_count(client, astrolabe_page):
    with registered(providers_plugin(RecordProvider()), name="providers"):
        html = search(client, "herbier")
    assert "Objets des collections 0 results" in text(html)
    # No section, no link to an empty results page.
    assert 'id="provider-records"' not in html
    assert "/collections/?q=" not in html


def test_a_failing_provider_is_logged_and_left_out(client, astrolabe_page, caplog):
    class BrokenProvider(RecordProvider):
        name = "broken"

        def count(self, query, request):
            raise ConnectionError("Elasticsearch is down")

    with (
        registered(providers_plugin(BrokenProvider(), OldProvider()), name="providers"),
        caplog.at_level(logging.ERROR, logger="musenor.plugins"),
    ):
        html = search(client, "astrolabe")
    assert "Elasticsearch" not in html
    assert 'id="provider-broken"' not in html
    assert 'id="provider-posts"' in html
    [record] = caplog.records
    assert "The plugin providers" in record.getMessage()
    assert "'broken'" in record.getMessage()


def test_model_search_provider_counts_through_the_search_backend(rf, db):
    Document = get_document_model()
    for title in ("Rapport astrolabe 2024", "Rapport astrolabe 2025", "Inventaire"):
        document = Document(title=title)
        document.file.save(f"{title}.txt", ContentFile(b"x"), save=False)
        document.save()

    class DocumentProvider(ModelSearchProvider):
        name = "documents"
        label = "Documents"
        model = Document

    request = rf.get("/")
    provider = DocumentProvider()
    assert provider.count("astrolabe", request) == 2
    assert len(provider.search("astrolabe", request, 1)) == 1


def test_pages_of_a_switched_off_plugin_leave_the_search_menu_and_urls(
    client, home, switched_off_page
):
    # The same page, its type loaded, is found and in the menu.
    Page.objects.filter(pk=switched_off_page.pk).update(
        content_type=ContentType.objects.get_for_model(StandardPage)
    )
    assert "Fiche astrolabe" in client.get("/recherche/", {"q": "astrolabe"}).content.decode()
    assert "Fiche astrolabe" in client.get("/").content.decode()
    Page.objects.filter(pk=switched_off_page.pk).update(content_type=switched_off_page.content_type)

    html = client.get("/recherche/", {"q": "astrolabe"}).content.decode()
    assert "Fiche astrolabe" not in html
    assert "Fiche astrolabe" not in client.get("/").content.decode()
    assert client.get("/fiche-astrolabe/").status_code == 404
