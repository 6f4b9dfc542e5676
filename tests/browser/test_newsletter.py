"""The newsletter's public pages in Chromium: subscribing, confirming, unsubscribing,
each checked with axe-core."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_a_visitor_subscribes_confirms_and_unsubscribes(
    live_server, home, new_page, check_accessibility, viewport
):
    from musenor.site.newsletter.models import Subscriber

    page = new_page(viewport=viewport)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Lettre d'information").click()
    page.wait_for_url("**/lettre/")
    check_accessibility(page, f"subscription form {viewport}")
    # A person never sees the field robots fill.
    expect(page.locator("input[name=website_url]")).not_to_be_in_viewport()

    # An invalid address is said so, next to its field.
    page.get_by_label("Votre adresse électronique").fill("pas-une-adresse")
    page.get_by_role("button", name="S'inscrire").click()
    expect(page.locator(".errors")).to_be_visible()
    check_accessibility(page, f"subscription form with an error {viewport}")

    page.get_by_label("Votre adresse électronique").fill("camille@example.org")
    page.get_by_role("button", name="S'inscrire").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    check_accessibility(page, f"check your inbox {viewport}")
    assert not Subscriber.objects.get(email="camille@example.org").is_receiving

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer votre inscription")
    check_accessibility(page, f"confirm {viewport}")
    page.get_by_role("button", name="Confirmer mon inscription").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inscription confirmée")
    check_accessibility(page, f"confirmed {viewport}")
    subscriber = Subscriber.objects.get(email="camille@example.org")
    assert subscriber.is_receiving

    page.goto(live_server.url + subscriber.unsubscribe_path())
    check_accessibility(page, f"unsubscribe {viewport}")
    page.get_by_role("button", name="Se désabonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vous êtes désabonné")
    check_accessibility(page, f"unsubscribed {viewport}")
    subscriber.refresh_from_db()
    assert not subscriber.is_receiving
