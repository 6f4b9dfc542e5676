"""The collection search in Chromium: without JavaScript, facets as links, axe-core."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("javascript", [False, True])
def test_search_refine_and_sort_without_javascript(
    live_server, collection, new_page, check_accessibility, javascript
):
    page = new_page(javascript=javascript)
    page.goto(f"{live_server.url}/notices/")
    page.get_by_label("Mots recherchés").fill("sport OR guerre")
    page.locator(".collection-search-form").get_by_role("button", name="Rechercher").click()
    page.wait_for_url(re.compile(r"q=sport"))
    results = page.locator(".collection-results-list > li")
    expect(results).to_have_count(4)
    if javascript:  # axe-core itself needs JavaScript
        check_accessibility(page, "results")

    page.locator(".facet").filter(has_text="Domaine").get_by_role(
        "link", name=re.compile("dessin")
    ).click()
    page.wait_for_url(re.compile(r"domain="))
    expect(results).to_have_count(2)
    expect(page.locator(".facet-selected")).to_have_text(re.compile("dessin"))

    page.get_by_label("Trier par").select_option("title")
    page.get_by_role("button", name="Trier").click()
    page.wait_for_url(re.compile(r"sort=title"))
    expect(results.first).to_contain_text("La guerre")
    expect(results).to_have_count(2)


def test_a_malformed_query_is_read_and_explained(
    live_server, collection, page, check_accessibility
):
    page.goto(f"{live_server.url}/notices/?q=(sport AND [Domain")
    expect(page.get_by_role("status")).to_contain_text("sport")
    expect(page.locator(".collection-results-list > li")).to_have_count(2)
    check_accessibility(page, "malformed query")
