"""Notifications and the core mail helper, through Django's locmem mail backend."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives
from django.test import Client
from django.utils.translation import gettext_lazy

from musenor.plugins import NotificationType, notify, send_mail_to
from musenor.plugins.models import DigestEntry, NotificationPreference
from musenor.plugins.notifications import preferences_of, set_preference
from musenor.plugins.tasks import send_notification_digests

pytestmark = pytest.mark.django_db


def html_part(message):
    [(content, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return content


def unsubscribe_path(message):
    header = message.extra_headers["List-Unsubscribe"]
    url = re.fullmatch(r"<(http://testserver(/.+))>", header)
    assert url, header
    return url[2]


# --- The mail helper ------------------------------------------------------------------


def test_a_mail_has_both_parts_in_the_recipients_language(member, english_member, mail_templates):
    # A lazy subject is resolved in each recipient's language.
    subject = gettext_lazy("Yes")
    send_mail_to(member, subject, mail_templates, {"bird": "Héron <cendré>"})
    send_mail_to(english_member, subject, mail_templates, {"bird": "Heron"})
    french, english = mail.outbox
    assert isinstance(french, EmailMultiAlternatives)
    assert french.to == ["marie@musee-lille.fr"]
    assert french.subject == "Oui"
    assert english.subject == "Yes"
    # The text part is not HTML-escaped; the HTML part is.
    assert "[fr] Héron <cendré> & co · Oui" in french.body
    assert "<p>[fr] Héron &lt;cendré&gt; · Oui</p>" in html_part(french)
    assert '<html lang="fr">' in html_part(french)
    assert "[en] Heron & co · Yes" in english.body
    assert '<html lang="en">' in html_part(english)
    # Without a notification type, nothing to unsubscribe from.
    assert "List-Unsubscribe" not in french.extra_headers
    assert "desabonnement" not in french.body


def test_a_notification_mail_carries_one_click_unsubscribe_headers(
    english_member, birdwatch, mail_templates
):
    sent = send_mail_to(
        english_member,
        "A heron",
        mail_templates,
        {"bird": "Heron"},
        notification_types="birdwatch.sighting",
    )
    # The locmem backend keeps a copy of what it was given.
    [message] = mail.outbox
    assert message.extra_headers == sent.extra_headers
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = unsubscribe_path(message)
    # In the recipient's language, in the body's two parts as in the header.
    assert path.startswith("/en/notifications/desabonnement/")
    assert f"http://testserver{path}" in message.body
    assert f'href="http://testserver{path}"' in html_part(message)
    # The headers survive into the real message.
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw


# --- notify() ---------------------------------------------------------------------------


def test_notify_follows_each_members_choice(member, english_member, django_user_model, birdwatch):
    quiet = django_user_model.objects.create_user(email="quiet@musee.fr", password="x")
    gone = django_user_model.objects.create_user(email="gone@musee.fr", password="x")
    gone.is_active = False
    gone.save()
    set_preference(english_member, "birdwatch.sighting", "digest")
    set_preference(quiet, "birdwatch.sighting", "off")
    counts = notify(
        [member, english_member, quiet, gone],
        "birdwatch.sighting",
        "Un héron",
        "birdwatch/mail/sighting",
        {"bird": "Héron"},
    )
    assert counts == {"immediate": 1, "digest": 1, "off": 1}
    # The default of the type (immediate) for the member who never chose.
    [message] = mail.outbox
    assert message.to == ["marie@musee-lille.fr"]
    assert message.subject == "Un héron"
    # Kept for the digest, already rendered in the member's language.
    [entry] = DigestEntry.objects.all()
    assert entry.user == english_member
    assert entry.text.startswith("[en] Héron & co")
    assert entry.html.startswith("<p>[en] Héron")


def test_notify_refuses_a_type_no_plugin_declares(member, birdwatch):
    with pytest.raises(LookupError, match="birdwatch.nest"):
        notify([member], "birdwatch.nest", "Un nid", "birdwatch/mail/sighting", {})


def test_a_type_needs_a_known_default():
    with pytest.raises(ImproperlyConfigured, match="weekly"):
        NotificationType("birdwatch.counts", "Counts", default="weekly")


def test_the_digest_task_sends_one_mail_per_member_then_nothing(member, english_member, birdwatch):
    set_preference(english_member, "birdwatch.sighting", "digest")
    for subject, bird in [("A heron", "Heron"), ("An egret", "Egret")]:
        notify(
            [english_member],
            "birdwatch.sighting",
            subject,
            "birdwatch/mail/sighting",
            {"bird": bird},
        )
    notify(
        [member, english_member],
        "birdwatch.weekly",
        "12 birds",
        "birdwatch/mail/sighting",
        {"bird": "Total"},
    )
    assert mail.outbox == []
    # The French member switched the weekly count off after it was kept: dropped.
    set_preference(member, "birdwatch.weekly", "off")

    result = send_notification_digests.enqueue()
    assert result.status == "SUCCESSFUL", result.errors
    assert result.return_value == 1
    [digest] = mail.outbox
    assert digest.to == ["anna@museum.be"]
    body = digest.body
    assert "3 notifications since your last digest." in body
    assert body.index("Sightings") < body.index("A heron") < body.index("An egret")
    assert body.index("An egret") < body.index("Weekly count") < body.index("12 birds")
    assert "[en] Egret & co" in body
    assert "<h3>A heron</h3>" in html_part(digest)
    assert not DigestEntry.objects.exists()
    # One link switches off every type the digest holds.
    Client().post(unsubscribe_path(digest))
    assert preferences_of(english_member) == {
        "birdwatch.sighting": "off",
        "birdwatch.weekly": "off",
    }

    assert send_notification_digests.enqueue().return_value == 0
    assert len(mail.outbox) == 1


# --- Unsubscribing and the preferences page ----------------------------------------------


def test_the_unsubscribe_link_confirms_then_switches_the_type_off(member, birdwatch):
    notify([member], "birdwatch.sighting", "Un héron", "birdwatch/mail/sighting", {"bird": "Héron"})
    path = unsubscribe_path(mail.outbox[0])
    assert path.startswith("/notifications/desabonnement/")
    # No sign-in; a GET (a link checker's too) only asks to confirm.
    client = Client(enforce_csrf_checks=True)
    response = client.get(path)
    assert response.status_code == 200
    assert "Sightings" in response.content.decode()
    assert '<form method="post">' in response.content.decode()
    # Link checkers also ask with HEAD.
    assert client.head(path).status_code == 200
    assert not NotificationPreference.objects.exists()
    # The one-click POST of RFC 8058 comes with no session and no CSRF token.
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "marie@musee-lille.fr" in response.content.decode()
    assert preferences_of(member) == {"birdwatch.sighting": "off", "birdwatch.weekly": "digest"}
    notify([member], "birdwatch.sighting", "Un autre", "birdwatch/mail/sighting", {"bird": "Héron"})
    assert len(mail.outbox) == 1


def test_a_tampered_unsubscribe_link_is_refused(member, birdwatch):
    notify([member], "birdwatch.sighting", "Un héron", "birdwatch/mail/sighting", {"bird": "Héron"})
    path = unsubscribe_path(mail.outbox[0])
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = path.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    assert Client().post(tampered).status_code == 404
    assert not NotificationPreference.objects.exists()


def test_the_preferences_page_needs_a_sign_in(client):
    response = client.get("/notifications/")
    assert response.status_code == 302
    # The members' sign-in on the public site, then back here.
    assert response["Location"] == "/membres/connexion/?next=/notifications/"


def test_a_member_chooses_how_each_type_reaches_them(client, member, birdwatch):
    client.force_login(member)
    response = client.get("/en/notifications/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<legend>Sightings</legend>" in html
    assert "A bird was seen." in html
    # Until they choose, each type's default is checked.
    assert re.search(r'name="type__birdwatch.weekly" value="digest"[^>]* checked>', html)
    assert re.search(r'name="type__birdwatch.sighting" value="immediate"[^>]* checked>', html)
    response = client.post(
        "/en/notifications/",
        {"language": "nl", "type__birdwatch.sighting": "digest", "type__birdwatch.weekly": "off"},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.language == "nl"
    assert preferences_of(member) == {"birdwatch.sighting": "digest", "birdwatch.weekly": "off"}
    # An unknown choice is refused and saves nothing.
    response = client.post(
        "/en/notifications/",
        {"language": "fr", "type__birdwatch.sighting": "hourly", "type__birdwatch.weekly": "off"},
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.language == "nl"
