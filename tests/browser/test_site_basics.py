"""The site's basics in Chromium: the compact menu without JavaScript, the error page, the
site map and the contact form, with axe-core."""

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# With "Accueil" and the directory ("Les musées"), the demo's eleven menu items.
SECTIONS = [
    "À propos",
    "Actualités",
    "Expositions",
    "Opérations",
    "Parcours",
    "Circuits",
    "Ressources pédagogiques",
    "Choisir un musée",
    "Agenda",
]


@pytest.fixture
def menu(home, directory):
    from musenor.pages.standard.models import StandardPage

    for n, title in enumerate(SECTIONS):
        page = StandardPage(title=title, slug=f"section-{n}", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    return home


@pytest.fixture
def contact(home):
    from musenor.pages.standard.factories import make_contact_page

    return make_contact_page(home)


def nav_share_of_screen(page):
    """The part of the first screen the main menu takes, in %."""
    return page.evaluate(
        """() => {
            const box = document.querySelector('.main-nav').getBoundingClientRect();
            return 100 * box.height / window.innerHeight;
        }"""
    )


def test_the_menu_is_folded_on_a_phone_and_opens_without_javascript(live_server, menu, new_page):
    page = new_page(javascript=False, viewport="mobile")
    page.goto(live_server.url + "/")
    links = page.locator(".main-nav ul a")
    assert links.count() == 11
    expect(links.first).to_be_hidden()
    # Folded: one line ("Menu") instead of the whole list.
    assert nav_share_of_screen(page) < 8
    page.get_by_text("Menu", exact=True).click()
    for label in ["Accueil", "Les musées", *SECTIONS]:
        expect(page.locator(".main-nav").get_by_role("link", name=label)).to_be_visible()
    # Every link is on a line of its own, big enough to touch.
    heights = page.locator(".main-nav ul a").evaluate_all(
        "links => links.map(link => link.getBoundingClientRect().height)"
    )
    assert min(heights) >= 40
    page.locator(".main-nav").get_by_role("link", name="Parcours").click()
    page.wait_for_url("**/section-4/")


def test_the_menu_opens_from_the_keyboard(live_server, menu, new_page):
    page = new_page(javascript=False, viewport="mobile")
    page.goto(live_server.url + "/")
    summary = page.locator(".main-nav summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".main-nav details")).to_have_attribute("open", "")
    expect(page.locator(".main-nav").get_by_role("link", name="Agenda")).to_be_visible()


def test_the_menu_is_unfolded_on_a_wide_screen(live_server, menu, new_page):
    page = new_page(javascript=False, viewport="desktop")
    page.goto(live_server.url + "/")
    expect(page.locator(".main-nav summary")).to_be_hidden()
    for label in ["Accueil", "Les musées", *SECTIONS]:
        expect(page.locator(".main-nav").get_by_role("link", name=label)).to_be_visible()


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_basic_pages_pass_axe(live_server, menu, contact, new_page, check_accessibility, viewport):
    page = new_page(viewport=viewport)
    for path in ["/page-absente/", "/plan-du-site/", "/contact/"]:
        response = page.goto(live_server.url + path)
        assert response.status == (404 if path == "/page-absente/" else 200)
        check_accessibility(page, f"{path} {viewport}")
    if viewport == "mobile":
        page.locator(".main-nav summary").click()
        check_accessibility(page, "menu open, mobile")


def test_a_visitor_sends_a_message_and_is_told_it_arrived(live_server, contact, page):
    page.goto(live_server.url + "/contact/")
    page.get_by_label("Votre nom").fill("Camille Martin")
    page.get_by_label("Votre adresse").fill("camille@example.org")
    page.get_by_label("Votre message").fill("Le musée est-il ouvert le lundi ?")
    # A person never sees, nor reaches with the keyboard, the field robots fill.
    expect(page.locator("input[name=website_url]")).not_to_be_in_viewport()
    page.get_by_role("button", name="Envoyer le message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre message est bien arrivé")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].reply_to == ["camille@example.org"]
