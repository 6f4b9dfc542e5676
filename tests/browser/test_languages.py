"""A visitor in English and in Dutch: every section of the demo, in Chromium, with axe-core.

The demo is loaded once for the whole walk (slow: minutes), hence one test. From the English
and the Dutch home page, the walk follows every entry of the main menu, checks
the page's language and runs axe-core on it; then it switches language from a
museum page and stays on that museum.
"""

import pytest

pytestmark = pytest.mark.browser


# A section's first visit draws every picture's renditions (AVIF, WebP, JPEG):
# on a busy machine that takes longer than the default navigation timeout.
FIRST_VISIT_MS = 90_000


def test_a_visitor_finds_every_section_in_english_and_dutch_and_keeps_the_page(
    demo_database, page, live_server, check_accessibility
):
    page.set_default_navigation_timeout(FIRST_VISIT_MS)
    for language in ("en", "nl"):
        walk_every_section(page, live_server, check_accessibility, language)
    switch_language_on_a_museum(page, live_server)
    filter_the_directory_by_a_theme_in_english(page, live_server)


def walk_every_section(page, live_server, check_accessibility, language):
    page.goto(f"{live_server.url}/{language}/")
    assert page.locator("html").get_attribute("lang") == language
    check_accessibility(page, f"home, {language}")
    menu = page.locator(".main-nav a")
    sections = [
        (link.inner_text(), link.get_attribute("href"), link.get_attribute("lang"))
        for link in menu.all()
    ]
    # Home and the sections of the demo: museums, operations, exhibitions, news, paths…
    assert len(sections) >= 8
    for label, href, lang in sections:
        assert href.startswith(f"/{language}/"), f"{label} leads to {href}"
        response = page.goto(f"{live_server.url}{href}")
        assert response.status == 200, f"{href}: {response.status}"
        assert page.locator("html").get_attribute("lang") == language
        main_lang = page.locator("main").get_attribute("lang")
        # A section not translated yet says its text is French, and only then.
        assert main_lang == lang, f"{href}: <main lang={main_lang}>, menu entry lang={lang}"
        check_accessibility(page, f"{label}, {language}")


def switch_language_on_a_museum(page, live_server):
    page.goto(f"{live_server.url}/musees/laac-dunkerque/")
    with page.expect_navigation():
        page.locator(".language-switcher a[hreflang=nl]").click()
    assert page.url == f"{live_server.url}/nl/musees/laac-dunkerque/"
    assert "Duinkerke" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.locator(".language-switcher a[hreflang=en]").click()
    assert page.url == f"{live_server.url}/en/musees/laac-dunkerque/"
    assert page.locator("html").get_attribute("lang") == "en"
    # A museum nobody has translated: the English page shows its French text, marked so.
    page.goto(f"{live_server.url}/musees/musee-quentovic-etaples-sur-mer/")
    with page.expect_navigation():
        page.locator(".language-switcher a[hreflang=en]").click()
    assert page.url == f"{live_server.url}/en/musees/musee-quentovic-etaples-sur-mer/"
    assert page.locator("main").get_attribute("lang") == "fr"


def filter_the_directory_by_a_theme_in_english(page, live_server):
    """The theme filter reads in English, filters, and the switcher keeps it in Dutch."""
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/en/musees/")
    every = page.locator(".result-count").inner_text()
    page.get_by_label("Theme", exact=True).select_option(label="fine arts")
    with page.expect_navigation():
        page.get_by_role("button", name="Filter").click()
    assert "theme=beaux-arts" in page.url
    assert page.locator(".result-count").inner_text() != every
    expect(page.locator(".museum-list .tags li", has_text="fine arts").first).to_be_visible()
    with page.expect_navigation():
        page.locator(".language-switcher a[hreflang=nl]").click()
    assert page.url.startswith(f"{live_server.url}/nl/musees/?") and "theme=beaux-arts" in page.url
    expect(page.get_by_label("Thema", exact=True)).to_have_value("beaux-arts")
    expect(page.locator(".museum-list .tags li", has_text="schone kunsten").first).to_be_visible()
