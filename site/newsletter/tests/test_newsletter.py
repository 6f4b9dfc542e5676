"""The newsletter: double opt-in, unsubscribing, composing and sending issues."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail, signing
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from wagtail.rich_text import RichText

from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.news.factories import make_news, make_news_index
from musenor.site.newsletter.mailing import send_issue_to_subscribers
from musenor.site.newsletter.models import (
    CONFIRM_SALT,
    Delivery,
    NewsletterIssue,
    Subscriber,
)
from musenor.site.newsletter.tasks import send_issue

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/lettre/"
BASE_URL = "https://musenor.example"


def subscribe(client, email, **extra):
    return client.post(SUBSCRIBE, {"email": email, "website_url": "", **extra})


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def confirmed(email, **fields):
    return Subscriber.objects.create(email=email, confirmed_at=timezone.now(), **fields)


def make_issue(**fields):
    fields.setdefault("subject", "La lettre de mars")
    fields.setdefault("month", date(2026, 3, 1))
    fields.setdefault(
        "body",
        [
            ("heading", "Dans le réseau"),
            ("paragraph", RichText("<p>Les <b>Journées</b> approchent.</p>")),
        ],
    )
    issue = NewsletterIssue.objects.create(**fields)
    issue.save_revision()
    return issue


# --- Subscribing -------------------------------------------------------------


def test_subscribing_sends_a_confirmation_link_and_nothing_else(client, home):
    response = subscribe(client, "Camille@Example.org")
    assert response.status_code == 200
    assert "Vérifiez votre messagerie" in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "camille@example.org"
    assert subscriber.confirmed_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["camille@example.org"]
    link = link_in(mail.outbox[0])
    assert "/lettre/confirmer/" in link
    # An unconfirmed address is never mailed an issue.
    issue = make_issue()
    mail.outbox.clear()
    assert send_issue_to_subscribers(issue.pk, base_url=BASE_URL) == 0
    assert mail.outbox == []

    # Opening the link (as a mail scanner does) asks, and confirms nothing…
    path = link.removeprefix("http://testserver")
    response = client.get(path)
    assert response.status_code == 200
    assert "Confirmer votre inscription" in response.text
    assert "camille@example.org" in response.text
    subscriber.refresh_from_db()
    assert not subscriber.is_receiving
    # …the button does.
    response = client.post(path)
    assert response.status_code == 200
    assert "Inscription confirmée" in response.text
    subscriber.refresh_from_db()
    assert subscriber.is_receiving
    # The link once more: already confirmed, said so.
    assert "Inscription confirmée" in client.get(path).text


def test_the_answer_is_the_same_for_a_known_an_unknown_and_a_confirmed_address(client, home):
    confirmed("known@example.org")
    Subscriber.objects.create(email="pending@example.org")
    answers = [
        subscribe(client, email).text
        for email in ("new@example.org", "known@example.org", "pending@example.org")
    ]
    strip = [re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", answer) for answer in answers]
    assert strip[0] == strip[1] == strip[2]
    # The confirmed address gets no mail; the others a confirmation each.
    assert sorted(message.to[0] for message in mail.outbox) == [
        "new@example.org",
        "pending@example.org",
    ]


def test_a_tampered_or_expired_link_confirms_nothing(client, home, settings):
    subscribe(client, "camille@example.org")
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(reverse("musenor_newsletter:confirm", args=[tampered]))
    assert response.status_code == 400
    assert "Ce lien ne fonctionne plus" in response.text

    settings.MUSENOR_NEWSLETTER_CONFIRM_DAYS = 2
    old = signing.dumps("camille@example.org", salt=CONFIRM_SALT)
    # A token signed three days ago: signing takes the time from time.time().
    import time

    real = time.time
    try:
        time.time = lambda: real() - 3 * 86400
        old = signing.dumps("camille@example.org", salt=CONFIRM_SALT)
    finally:
        time.time = real
    response = client.post(reverse("musenor_newsletter:confirm", args=[old]))
    assert response.status_code == 400
    assert not Subscriber.objects.get().is_receiving
    # The unsubscribe token cannot be used to confirm (another salt).
    subscriber = Subscriber.objects.get()
    response = client.get(
        reverse("musenor_newsletter:confirm", args=[subscriber.unsubscribe_token()])
    )
    assert response.status_code == 400


def test_the_honeypot_gets_the_same_answer_and_nothing_is_kept(client, home):
    response = subscribe(client, "robot@example.org", website_url="https://spam.example")
    assert response.status_code == 200
    assert "Vérifiez votre messagerie" in response.text
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_subscriptions_are_throttled_per_client(client, home, settings):
    settings.MUSENOR_NEWSLETTER_RATE = (2, 3600)
    assert subscribe(client, "a@example.org").status_code == 200
    assert subscribe(client, "b@example.org").status_code == 200
    response = subscribe(client, "c@example.org")
    assert response.status_code == 429
    assert not Subscriber.objects.filter(email="c@example.org").exists()
    assert len(mail.outbox) == 2
    # Another client address is counted apart.
    other = Client(REMOTE_ADDR="192.0.2.9")
    assert subscribe(other, "c@example.org").status_code == 200


def test_the_subscription_page_is_in_english_and_dutch_and_linked_from_the_footer(client, home):
    assert 'href="/lettre/"' in client.get("/plan-du-site/").text
    assert "Newsletter" in client.get("/en/lettre/").text
    response = client.get("/nl/lettre/")
    assert response.status_code == 200
    assert "Nieuwsbrief" in response.text


# --- Unsubscribing -----------------------------------------------------------


def test_unsubscribing_by_get_asks_then_post_unsubscribes(client, home):
    subscriber = confirmed("camille@example.org")
    url = subscriber.unsubscribe_path()
    response = client.get(url)
    assert response.status_code == 200
    assert "Se désabonner" in response.text
    subscriber.refresh_from_db()
    assert subscriber.is_receiving  # a GET (a link checker's) changes nothing
    response = client.post(url)
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None


def test_one_click_unsubscribe_works_without_session_or_csrf(home):
    subscriber = confirmed("camille@example.org")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        subscriber.unsubscribe_path(),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert not subscriber.is_receiving
    # A tampered token unsubscribes nobody.
    other = confirmed("other@example.org")
    bad = other.unsubscribe_token()[:-3] + "xyz"
    assert client.post(reverse("musenor_newsletter:unsubscribe", args=[bad])).status_code == 400
    other.refresh_from_db()
    assert other.is_receiving


def test_an_unsubscribed_address_is_not_mailed_until_it_confirms_again(client, home):
    subscriber = confirmed("camille@example.org", unsubscribed_at=timezone.now())
    issue = make_issue()
    assert send_issue_to_subscribers(issue.pk, base_url=BASE_URL) == 0
    subscribe(client, "camille@example.org")
    assert len(mail.outbox) == 1  # a new confirmation
    client.post(link_in(mail.outbox[0]).removeprefix("http://testserver"))
    subscriber.refresh_from_db()
    assert subscriber.is_receiving


# --- Composing ---------------------------------------------------------------


def test_the_month_content_block_lists_the_months_published_news_and_exhibitions(home):
    news_index = make_news_index(home)
    make_news(news_index, title="Nuit des musées 2026", date=date(2026, 3, 12))
    make_news(news_index, title="Brouillon de mars", date=date(2026, 3, 15), publish=False)
    make_news(news_index, title="Actualité de février", date=date(2026, 2, 20))
    exhibitions = make_exhibition_index(home)
    make_exhibition(
        exhibitions,
        title="Dentelles d'hier",
        start_date=date(2026, 2, 1),
        end_date=date(2026, 3, 5),
    )
    make_exhibition(
        exhibitions, title="Collection permanente", start_date=date(2020, 1, 1), end_date=None
    )
    make_exhibition(
        exhibitions,
        title="Exposition d'avril",
        start_date=date(2026, 4, 2),
        end_date=date(2026, 6, 1),
    )
    issue = make_issue(
        body=[("month_content", {"news": True, "exhibitions": True})], month=date(2026, 3, 20)
    )
    mail.outbox.clear()
    subscriber = confirmed("camille@example.org")
    send_issue_to_subscribers(issue.pk, base_url=BASE_URL)
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    for text in (html, message.body):
        assert "Nuit des musées 2026" in text
        assert "Dentelles d" in text
        assert "Collection permanente" in text
        assert "Brouillon de mars" not in text
        assert "Actualité de février" not in text
        assert "Exposition d" + "'avril" not in text and "avril</a>" not in text
    assert f"{BASE_URL}/actualites/" in html
    assert f"{BASE_URL}{subscriber.unsubscribe_path()}" in message.body


def test_the_month_content_reaches_each_subscriber_in_their_language(
    home, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation
    from wagtail.models import Locale

    from musenor.site.demo import translate_page
    from musenor.site.translations import synchronise_locales

    news_index = make_news_index(home)
    night = make_news(news_index, title="Nuit des musées 2026", date=date(2026, 3, 12))
    make_exhibition(
        make_exhibition_index(home),
        title="Dentelles d'hier",
        start_date=date(2026, 2, 1),
        end_date=date(2026, 3, 5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        synchronise_locales()
    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        english = Locale.objects.get(language_code="en")
        translate_page(night, english, {"Nuit des musées 2026": "Museum Night 2026"})
    issue = make_issue(body=[("month_content", {"news": True, "exhibitions": True})])
    confirmed("camille@example.org")
    confirmed("alex@example.org", language="en")
    confirmed("sam@example.org", language="en")
    mail.outbox.clear()
    send_issue_to_subscribers(issue.pk, base_url=BASE_URL)
    by_address = {message.to[0]: message.alternatives[0][0] for message in mail.outbox}
    french, english_mail = by_address["camille@example.org"], by_address["alex@example.org"]
    assert "Nuit des musées 2026" in french and f"{BASE_URL}/actualites/" in french
    assert "Museum Night 2026" in english_mail and "Nuit des musées" not in english_mail
    # The untranslated exhibition, French text, at its address in the English tree.
    assert "Dentelles d" in english_mail
    assert f"{BASE_URL}/en/actualites/" in english_mail and f'"{BASE_URL}/actualites/' not in (
        english_mail
    )
    # The month is read once per language, not once per subscriber.
    issue = NewsletterIssue.objects.get(pk=issue.pk)
    with translation.override("en"):
        issue.month_content()
        with CaptureQueriesContext(connection) as queries:
            issue.month_content()
    assert len(queries) == 0


def test_an_issue_is_html_and_text_with_the_one_click_unsubscribe_headers(home):
    subscriber = confirmed("camille@example.org")
    issue = make_issue()
    send_issue_to_subscribers(issue.pk, base_url=BASE_URL)
    (message,) = mail.outbox
    assert message.subject == "La lettre de mars"
    unsubscribe = f"{BASE_URL}{subscriber.unsubscribe_path()}"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<b>Journées</b>" in html
    assert "Les Journées approchent." in message.body
    assert "DANS LE RÉSEAU" in message.body
    assert unsubscribe in html


# --- Sending -----------------------------------------------------------------


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user(email="editrice@example.org", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_newsletterissue"),
        Permission.objects.get(codename="send_newsletterissue"),
    )
    return user


def test_the_issue_is_previewable_in_the_admin(client, home, rf):
    issue = make_issue()
    client.force_login(get_user_model().objects.create_superuser("admin@example.org", "x"))
    edit = client.get(
        reverse("wagtailsnippets_musenor_newsletter_newsletterissue:edit", args=[issue.pk])
    )
    assert edit.status_code == 200
    preview_url = reverse(
        "wagtailsnippets_musenor_newsletter_newsletterissue:preview_on_edit", args=[issue.pk]
    )
    assert preview_url in edit.text
    response = issue.serve_preview(rf.get("/admin/"), issue.default_preview_mode)
    html = response.render().content.decode()
    assert "<h1" in html and "La lettre de mars" in html
    assert "<b>Journées</b>" in html


def test_sending_needs_a_test_of_the_last_version_first(client, home, editor):
    confirmed("camille@example.org")
    issue = make_issue()
    client.force_login(editor)
    send_url = reverse("musenor_newsletter_admin:send", args=[issue.pk])
    response = client.post(send_url)
    assert response.status_code == 302
    assert mail.outbox == []

    response = client.post(
        reverse("musenor_newsletter_admin:send_test", args=[issue.pk]),
        {"email": "test@example.org"},
    )
    assert response.status_code == 302
    (test,) = mail.outbox
    assert test.to == ["test@example.org"]
    assert test.subject == "[Test] La lettre de mars"
    assert "List-Unsubscribe" not in test.extra_headers
    assert not Delivery.objects.exists()

    # An edit after the test asks for another test.
    issue.save_revision()
    client.post(send_url)
    assert len(mail.outbox) == 1

    client.post(
        reverse("musenor_newsletter_admin:send_test", args=[issue.pk]),
        {"email": "test@example.org"},
    )
    mail.outbox.clear()
    response = client.post(send_url)
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["camille@example.org"]]
    issue.refresh_from_db()
    assert issue.sent_at is not None
    assert client.get(send_url).status_code == 200


def test_sending_needs_the_permission(client, home):
    confirmed("camille@example.org")
    issue = make_issue()
    user = get_user_model().objects.create_user(email="lecteur@example.org", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
    for url, data in [
        (reverse("musenor_newsletter_admin:send", args=[issue.pk]), {}),
        (
            reverse("musenor_newsletter_admin:send_test", args=[issue.pk]),
            {"email": "t@example.org"},
        ),
    ]:
        response = client.post(url, data)
        assert response.status_code == 302
        assert response.url == "/admin/"
    assert mail.outbox == []
    issue.refresh_from_db()
    assert issue.send_requested_at is None and issue.test_sent_at is None


class FailingAfter(EmailBackend):
    """The locmem backend, refusing every message once ``limit`` have been sent."""

    limit = None

    def send_messages(self, messages):
        if FailingAfter.limit is not None and len(mail.outbox) >= FailingAfter.limit:
            raise ConnectionError("SMTP server went away")
        return super().send_messages(messages)


def test_an_interrupted_send_resumes_without_mailing_anyone_twice(home, settings):
    settings.MUSENOR_NEWSLETTER_BATCH_SIZE = 3
    settings.EMAIL_BACKEND = f"{__name__}.FailingAfter"
    emails = [f"abonne{n:02}@example.org" for n in range(8)]
    for email in emails:
        confirmed(email)
    Subscriber.objects.create(email="pending@example.org")
    confirmed("gone@example.org", unsubscribed_at=timezone.now())
    issue = make_issue()

    FailingAfter.limit = 5
    try:
        interrupted = send_issue.enqueue(issue.pk, BASE_URL)
        assert interrupted.status == TaskResultStatus.FAILED
        assert "SMTP server went away" in interrupted.errors[0].traceback
        assert len(mail.outbox) == 5
        assert Delivery.objects.filter(issue=issue).count() == 5
        issue.refresh_from_db()
        assert issue.sent_at is None
        FailingAfter.limit = None
        result = send_issue.enqueue(issue.pk, BASE_URL)
        assert result.return_value == 3
        # A third run finds nobody left.
        assert send_issue.enqueue(issue.pk, BASE_URL).return_value == 0
    finally:
        FailingAfter.limit = None
    recipients = [message.to[0] for message in mail.outbox]
    assert sorted(recipients) == emails
    assert len(recipients) == len(set(recipients))
    assert Delivery.objects.filter(issue=issue).count() == 8
    # Another issue goes to everyone again.
    assert send_issue_to_subscribers(make_issue(subject="Avril").pk, base_url=BASE_URL) == 8


def test_delivery_once_per_subscriber_and_issue_is_a_database_constraint(home):
    from django.db import IntegrityError, transaction

    subscriber = confirmed("camille@example.org")
    issue = make_issue()
    Delivery.objects.create(issue=issue, subscriber=subscriber)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            issue=issue, subscriber=subscriber, sent_at=timezone.now() + timedelta(1)
        )
