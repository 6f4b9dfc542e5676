"""The collection search page and the site search's records, through the client."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from .test_query_language import TOKENS

pytestmark = pytest.mark.django_db


@pytest.fixture
def url():
    return reverse("musenor_notices:search")


def test_the_page_searches_with_the_syntax_of_the_former_portal(client, collection, url):
    response = client.get(url, {"q": '("sport") AND (beaux-arts [Domaine])'})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Les lutteurs" in html
    assert "Le discobole" not in html
    assert "Sport privé" not in html and "Sport réservé" not in html


def test_facet_links_filter_without_javascript(client, collection, url):
    terms = collection["terms"]
    response = client.get(url, {"q": "sport"})
    facets = {f.key: f for f in response.context["facets"]}
    sculpture = next(v for v in facets["domain"].values if v.label == "sculpture")
    assert sculpture.count == 1
    assert f'href="?{sculpture.toggle.replace("&", "&amp;")}"' in response.content.decode()
    # Following the link filters; the link of the selected value removes the filter.
    response = client.get(f"{url}?{sculpture.toggle}")
    assert [r.title for r in response.context["records"]] == ["Le discobole"]
    selected = next(v for v in response.context["facets"][1].values if v.selected)
    assert selected.value == str(terms["sculpture"].pk)
    response = client.get(f"{url}?{selected.toggle}")
    assert {r.title for r in response.context["records"]} == {"Les lutteurs", "Le discobole"}


def test_a_malformed_query_gets_a_message_and_the_closest_reading(client, collection, url):
    response = client.get(url, {"q": "(sport AND [Domaine"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your search was read as" in html or "Votre recherche" in html
    assert "<code>sport</code>" in html
    assert {r.title for r in response.context["records"]} == {"Les lutteurs", "Le discobole"}


@pytest.mark.parametrize(
    "params",
    [
        {"q": "sport", "sort": "nonsense", "page": "x"},
        {"domain": ["abc", "-1", "99999999999999"], "museum": "1e3", "image": "yes"},
        # NUL and a lone surrogate, as raw bytes.
        "q=%00%ED%A0%80guerre&page=999",
        {"q": '"' * 500},
        {"q": " ".join(TOKENS * 20)},
    ],
)
def test_bad_parameters_never_give_an_error_page(client, collection, url, params):
    address = f"{url}?{params}" if isinstance(params, str) else f"{url}?{urlencode(params, True)}"
    assert client.get(address).status_code == 200


def test_the_number_of_queries_does_not_grow_with_results(
    client, collection, url, django_assert_max_num_queries
):
    terms = collection["terms"]
    params = {
        "q": "sport OR guerre OR paysage",
        "domain": [terms["peinture"].pk, terms["dessin"].pk],
    }
    # Site, page chrome, count, results, two prefetches, seven facets.
    with django_assert_max_num_queries(25) as captured:
        client.get(url, params)
    fewer = len(captured)
    with django_assert_max_num_queries(fewer):
        client.get(url, {"q": "lutteurs", "domain": [terms["peinture"].pk]})


def test_records_in_the_site_search(client, collection):
    response = client.get(reverse("search"), {"q": "sport"})
    sections = {s.provider.name: s for s in response.context["provider_sections"]}
    section = sections["notices"]
    assert section.count == 2
    assert {hit.title for hit in section.hits} == {"Les lutteurs", "Le discobole"}
    assert section.results_url == f"{reverse('musenor_notices:search')}?q=sport"
    hit = next(h for h in section.hits if h.title == "Les lutteurs")
    assert hit.url == collection["records"]["sport-bxa"].get_absolute_url()
    assert "Corot" in hit.summary
