"""Anonymous pages cached whole (musenor.site.page_cache): what is kept, served and purged.

The test settings switch the cache off; the ``page_cache`` fixture switches it
on. ``X-Cache`` says whether a response came from the cache (``hit``) or was
rendered and kept (``miss``); a page the cache leaves alone has no ``X-Cache``.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from musenor.pages.museums.factories import make_museum
from musenor.pages.selections.factories import answer, make_quiz
from musenor.pages.standard.factories import make_contact_page
from musenor.plugins import purge_page_cache
from musenor.site.models import SiteLinks

pytestmark = pytest.mark.django_db


@pytest.fixture
def museum(directory):
    return make_museum(directory, title="Musée de la Chartreuse", city="Douai")


def translate(page, code, title):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.title = title
    translated.save_revision().publish()
    return translated


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def test_a_page_is_rendered_once_then_served_from_the_cache_without_a_query(
    page_cache, client, museum, django_assert_num_queries
):
    first = client.get(museum.url)
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(museum.url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert "Musée de la Chartreuse" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]
    # The headers of the middleware after the cache's are kept with the body;
    # those before it (the CSP) are set on the hit too.
    assert second["X-Frame-Options"] == first["X-Frame-Options"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Language"] == "fr"


def test_a_head_request_is_served_from_what_a_get_cached(page_cache, client, museum):
    assert client.head(museum.url)["X-Cache"] == "miss"  # not kept: a HEAD has no body to keep
    client.get(museum.url)
    head = client.head(museum.url)
    assert head.status_code == 200
    assert head["X-Cache"] == "hit"


def test_cacheable_pages_tell_a_cdn_it_may_keep_them_and_browsers_to_ask_again(
    page_cache, client, museum
):
    for response in (client.get(museum.url), client.get(museum.url)):
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        # Browsers ask again each time (an editor's change shows at once); a
        # CDN may keep the page a minute (it is purged on publication).
        assert directives == {"public", "max-age=0", "s-maxage=60"}
        assert "Cookie" in response["Vary"]


def test_the_cache_switched_off_keeps_nothing_and_says_pages_are_private(client, museum):
    # The test settings: PAGE_CACHE_SECONDS=0.
    for _ in range(2):
        response = client.get(museum.url)
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "private, no-cache"


def test_each_language_of_a_page_has_its_own_entry(page_cache, client, home):
    translate(home, "en", "Musenor in English")
    translate(home, "nl", "Musenor in het Nederlands")
    home.title = "Musenor en français"
    home.save_revision().publish()
    expected = {
        "/": ('lang="fr"', "Musenor en français"),
        "/en/": ('lang="en"', "Musenor in English"),
        "/nl/": ('lang="nl"', "Musenor in het Nederlands"),
    }
    for rounds in ("miss", "hit"):
        for url, (lang, title) in expected.items():
            response, html = fetch(client, url)
            assert response["X-Cache"] == rounds, url
            assert f"<html {lang}>" in html and title in html, url
            others = [t for u, (_, t) in expected.items() if u != url]
            assert not any(f"<title>{t}" in html for t in others), url


def test_neither_the_language_cookie_nor_the_browser_language_changes_the_page(
    page_cache, client, home
):
    translate(home, "en", "Musenor in English")
    client.get("/")
    client.get("/en/")
    client.cookies["django_language"] = "en"
    response, html = fetch(client, "/", HTTP_ACCEPT_LANGUAGE="en,nl;q=0.8")
    assert response.status_code == 200 and response["X-Cache"] == "hit"
    assert '<html lang="fr">' in html and "Musenor in English" not in html
    client.cookies["django_language"] = "fr"
    response, html = fetch(client, "/en/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["X-Cache"] == "hit"
    assert '<html lang="en">' in html and "Musenor in English" in html


def test_publishing_a_page_purges_every_page(page_cache, client, directory, museum):
    client.get(museum.url)
    client.get(directory.url)
    museum.title = "Musée de la Chartreuse de Douai"
    museum.save_revision().publish()
    for url in (museum.url, directory.url):
        response, html = fetch(client, url)
        assert response["X-Cache"] == "miss", url
        assert "Musée de la Chartreuse de Douai" in html, url


def test_a_draft_leaves_the_cache_and_the_live_page_alone(page_cache, client, museum):
    client.get(museum.url)
    museum.title = "Brouillon"
    museum.save_revision()
    response, html = fetch(client, museum.url)
    assert response["X-Cache"] == "hit"
    assert "Brouillon" not in html


def test_unpublishing_a_page_purges_it(page_cache, client, directory, museum):
    client.get(museum.url)
    client.get(directory.url)
    url = museum.url
    museum.unpublish()
    assert client.get(url).status_code == 404
    response, html = fetch(client, directory.url)
    assert response["X-Cache"] == "miss"
    assert "Musée de la Chartreuse" not in html


def test_moving_a_page_purges_its_old_address(page_cache, client, home, directory, museum):
    old_url = museum.url
    client.get(old_url)
    other = make_museum(directory, title="Louvre-Lens")
    museum.move(other, pos="last-child")
    museum.refresh_from_db()
    # Wagtail's redirect from the old address, not the page kept there.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == museum.url
    assert "X-Cache" not in moved
    assert client.get(museum.url)["X-Cache"] == "miss"


def test_deleting_a_page_purges_it(page_cache, client, museum):
    url = museum.url
    client.get(url)
    museum.delete()
    assert client.get(url).status_code == 404


def test_a_setting_the_pages_show_purges_them(page_cache, client, home, museum):
    client.get(museum.url)
    links = SiteLinks.for_site(home.get_site())
    links.save()
    assert client.get(museum.url)["X-Cache"] == "miss"


def test_a_page_made_private_is_not_served_from_the_cache(page_cache, client, museum):
    assert client.get(museum.url)["X-Cache"] == "miss"
    PageViewRestriction.objects.create(
        page=museum, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response, html = fetch(client, museum.url)
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "Musée de la Chartreuse</h1>" not in html


def test_purge_page_cache_retires_every_page(page_cache, client, home, museum):
    client.get("/")
    client.get(museum.url)
    purge_page_cache()
    assert client.get("/")["X-Cache"] == "miss"
    assert client.get(museum.url)["X-Cache"] == "miss"


def test_a_purge_is_repeated_when_the_transaction_commits(
    page_cache, client, museum, django_capture_on_commit_callbacks
):
    # A visitor's request between the purge and the commit would store the
    # page as it was before the commit: the generation changes again then.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        purge_page_cache()
    client.get(museum.url)
    assert client.get(museum.url)["X-Cache"] == "hit"
    for callback in callbacks:
        callback()
    assert client.get(museum.url)["X-Cache"] == "miss"


# --- What is never cached ---------------------------------------------------------


@pytest.fixture
def member(db):
    return get_user_model().objects.create_user(
        email="membre@musee.example", password="x", first_name="Marie", last_name="Curie"
    )


def test_a_signed_in_member_neither_gets_nor_fills_the_cache(page_cache, client, member, museum):
    client.get(museum.url)
    signed_in = Client()
    signed_in.force_login(member)
    for _ in range(2):
        response, html = fetch(signed_in, museum.url)
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "private, no-cache"
        assert f'href="{reverse("musenor_members:dashboard")}"' in html
    anonymous, html = fetch(Client(), museum.url)
    assert anonymous["X-Cache"] == "hit"
    assert f'href="{reverse("musenor_members:signin")}"' in html
    assert f'href="{reverse("musenor_members:dashboard")}"' not in html


def test_a_query_string_other_than_the_page_number_is_not_cached(page_cache, client, directory):
    for url in (f"{directory.url}?q=lille", f"{directory.url}?page=1&theme=x"):
        for _ in range(2):
            assert "X-Cache" not in client.get(url), url
    client.get(f"{directory.url}?page=1")
    assert client.get(f"{directory.url}?page=1")["X-Cache"] == "hit"


def test_the_site_search_is_not_cached(page_cache, client, home):
    for _ in range(2):
        assert "X-Cache" not in client.get("/recherche/?q=musee")
        assert "X-Cache" not in client.get("/recherche/")


def test_a_form_page_with_a_csrf_token_is_not_cached(page_cache, client, home):
    contact = make_contact_page(home)
    for _ in range(2):
        response = client.get(contact.url)
        assert response.status_code == 200
        assert "X-Cache" not in response
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response["Cache-Control"] == "private, no-cache"


def test_the_quiz_is_not_cached_even_without_answers(page_cache, client, home):
    quiz = make_quiz(home, [("Qu'aimez-vous ?", False, [answer("La peinture")])])
    for url in (quiz.url, f"{quiz.url}?q=1"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert "X-Cache" not in response, url


def test_a_request_with_a_session_or_messages_does_not_use_the_cache(page_cache, client, museum):
    client.get(museum.url)
    for cookie in ("sessionid", "messages"):
        other = Client()
        other.cookies[cookie] = "something"
        assert "X-Cache" not in other.get(museum.url), cookie
    # The CSRF cookie a form left behind changes nothing.
    other = Client()
    other.cookies["csrftoken"] = "a" * 32
    assert other.get(museum.url)["X-Cache"] == "hit"


def test_a_missing_page_and_a_redirect_are_not_cached(page_cache, client, museum):
    for _ in range(2):
        assert "X-Cache" not in client.get("/nulle-part/")
        assert "X-Cache" not in client.get(museum.url.rstrip("/"))


def test_a_post_is_never_answered_from_the_cache(page_cache, client, museum):
    client.get(museum.url)
    response = client.post(museum.url)
    assert "X-Cache" not in response


def test_the_next_day_renders_the_pages_anew(page_cache, client, museum, monkeypatch):
    # The home page shows what is on today: yesterday's entry is not today's.
    from datetime import timedelta

    from django.utils import timezone

    client.get(museum.url)
    assert client.get(museum.url)["X-Cache"] == "hit"
    tomorrow = timezone.localdate() + timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    assert client.get(museum.url)["X-Cache"] == "miss"


def test_a_page_that_used_the_csp_nonce_is_not_kept(page_cache, client, museum):
    # The portal's policy allows no nonce today, so the CSP header is the same
    # for every request and set afresh on hits. A page that put a nonce in its
    # body would need its own header with it: it is not kept at all.
    from wagtail import hooks

    def use_nonce(page, request, serve_args, serve_kwargs):
        str(request.csp_nonce)

    with hooks.register_temporarily("before_serve_page", use_nonce):
        for _ in range(2):
            assert "X-Cache" not in client.get(museum.url)
    assert client.get(museum.url)["X-Cache"] == "miss"
