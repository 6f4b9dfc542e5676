"""The page cache switched on, in Chromium: a visitor is served from the cache, an editor
publishes in the Wagtail admin, the visitor sees the change at once.

The test settings switch the cache off (PAGE_CACHE_SECONDS=0); here it is on,
as in production. The visitor and the editor have a browser context each: the
visitor never signs in.
"""

import re

import pytest

pytestmark = pytest.mark.browser

EMAIL = "communication@musenor.test"
PASSWORD = "un mot de passe de test"
NEW_TITLE = "Hospice Comtesse, musée de Lille"

LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} refused ${event.blockedURI}`);
});
"""


@pytest.fixture
def editor(home):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser(
        email=EMAIL, password=PASSWORD, first_name="Claire", last_name="Martin"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    return user


def visit(page, url):
    """Open ``url`` as the visitor; return the response's X-Cache header."""
    response = page.goto(url)
    assert response.status == 200, url
    assert page.evaluate("window.__cspViolations") == [], url
    assert response.headers.get("content-security-policy"), url
    return response.headers.get("x-cache")


def publish_new_title(page, base_url, museum):
    page.goto(base_url + "/admin/")
    page.get_by_label("Adresse électronique").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    page.goto(f"{base_url}/admin/pages/{museum.pk}/edit/")
    page.get_by_role("textbox", name=re.compile(r"^Titre\b")).fill(NEW_TITLE)
    page.locator(
        "form[data-edit-form][action*='/edit/'][data-w-unsaved-has-edits-value=false]"
    ).wait_for()
    page.get_by_role("button", name="Plus d'actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publier", exact=True).click()
    assert "a été publiée" in page.locator(".messages").inner_text()


def test_a_visitor_sees_what_an_editor_publishes_at_once(
    live_server, page_cache, directory, museum, editor, new_page
):
    visitor = new_page()
    visitor.add_init_script(LISTEN_FOR_VIOLATIONS)
    museum_url = live_server.url + museum.url
    directory_url = live_server.url + directory.url

    assert visit(visitor, museum_url) == "miss"
    assert visit(visitor, directory_url) == "miss"
    # Served from the portal's cache (the browser keeps no copy of its own: it
    # asks again): same page, same policy, nothing the browser refuses (the
    # map's script and the stylesheet load as on the first visit).
    assert visit(visitor, museum_url) == "hit"
    assert visitor.locator("main h1").inner_text() == museum.title
    assert visit(visitor, directory_url) == "hit"

    publish_new_title(new_page(), live_server.url, museum)

    assert visit(visitor, museum_url) == "miss"
    assert visitor.locator("main h1").inner_text() == NEW_TITLE
    assert visit(visitor, directory_url) == "miss"
    assert visitor.get_by_role("link", name=NEW_TITLE).count() >= 1
    assert visit(visitor, museum_url) == "hit"
