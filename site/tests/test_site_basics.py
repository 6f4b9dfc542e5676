"""The site's basics: branded error pages, the readable site map, the footer's links,
the contact form, SQLite's write-ahead log."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.db import OperationalError, connection
from django.test import Client
from wagtail.models import Locale

from musenor.pages.standard.factories import make_contact_page
from musenor.pages.standard.models import HONEYPOT_FIELD, ContactPage
from musenor.site.models import AccessibilityStatus, SiteLinks

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def translate(page, code):
    locale, _ = Locale.objects.get_or_create(language_code=code)
    translated = page.copy_for_translation(locale, copy_parents=True)
    translated.save_revision().publish()
    return translated.specific_class.objects.get(pk=translated.pk)


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/nulle-part/", "fr", "Page introuvable"),
        ("/en/nowhere/", "en", "Page not found"),
        ("/nl/nergens/", "nl", "Pagina niet gevonden"),
    ],
)
def test_the_404_page_is_branded_in_the_language_of_the_address(client, home, path, lang, heading):
    if lang != "fr":
        translate(home, lang)
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert 'class="main-nav"' in html  # the site's frame, with its menu
    assert 'action="/' in html and 'name="q"' in html  # and a search


def block_database(execute, sql, params, many, context):
    raise OperationalError("the database is unreachable")


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("/musees/", "fr", "Le site rencontre un problème"),
        ("/en/musees/", "en", "The site has a problem"),
        ("/nl/musees/", "nl", "De site heeft een probleem"),
    ],
)
def test_the_500_page_renders_without_the_database(home, path, lang, heading):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(block_database):
        response = client.get(path)
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'href="{"/" if lang == "fr" else f"/{lang}/"}" rel="home"' in html
    assert "/static/musenor_site/css/site.css" in html


def test_the_site_map_lists_the_live_public_pages_by_section(client, home, directory):
    from musenor.pages.museums.factories import make_museum

    make_museum(directory, title="Musée de Picardie", city="Amiens")
    draft = make_museum(directory, title="Musée en travaux", city="Arras")
    draft.unpublish()
    response = client.get("/plan-du-site/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Plan du site</h1>" in html
    assert '<a href="/musees/">Les musées</a><ul><li><a href="/musees/' in html
    assert "Musée de Picardie" in html
    assert "Musée en travaux" not in html
    assert 'href="/sitemap.xml"' in html


def test_every_page_links_to_the_readable_site_map_not_to_the_xml(client, home):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert '<a href="/plan-du-site/">Plan du site</a>' in footer
    assert "sitemap.xml" not in footer


def test_the_main_menu_is_a_disclosure_that_needs_no_javascript(client, home):
    html = client.get("/").content.decode()
    nav = html[html.index('<nav class="main-nav"') : html.index("</nav>", html.index("main-nav"))]
    assert "<details" in nav and "<summary>" in nav
    assert "<script" not in nav


@pytest.fixture
def contact(home):
    return make_contact_page(
        home,
        to_address="equipe@musenor.example, direction@musenor.example",
        subject="Message du portail",
        thank_you_text="<p>Merci, votre message est arrivé.</p>",
    )


MESSAGE = {
    "votre_nom": "Camille Martin",
    "votre_adresse": "camille@example.org",
    "votre_message": "Le musée est-il ouvert le lundi ?",
}


def test_a_contact_message_reaches_the_staff_and_the_sender_is_told(client, contact):
    response = client.post("/contact/", MESSAGE)
    assert response.status_code == 200
    assert "Merci, votre message est arrivé." in response.content.decode()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["equipe@musenor.example", "direction@musenor.example"]
    assert sent.reply_to == ["camille@example.org"]
    assert sent.subject == "Message du portail"
    assert "Le musée est-il ouvert le lundi ?" in sent.body
    submission = contact.get_submissions().get()
    assert submission.form_data["votre_nom"] == "Camille Martin"
    assert HONEYPOT_FIELD not in submission.form_data


def test_the_contact_form_reads_in_english_once_translated_and_keeps_its_field_names(
    client, contact, django_capture_on_commit_callbacks
):
    from django.utils import translation
    from wagtail.models import Locale

    from musenor.site.demo import translate_page

    english = Locale.objects.get_or_create(language_code="en")[0]
    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        translate_page(
            contact,
            english,
            {"Votre nom": "Your name", "Votre adresse": "Your address", "Contact": "Contact"},
        )
    page = contact.get_translation(english)
    html = client.get(page.url).content.decode()
    assert "Your name" in html and "Your address" in html and "Votre nom" not in html
    # Not translated: stays French, as the page says.
    assert "Votre message" in html
    # The fields keep their names: a message from /en/ is filed like one from /.
    response = client.post(page.url, MESSAGE)
    assert response.status_code == 200
    submission = page.get_submissions().get()
    assert submission.form_data["votre_nom"] == "Camille Martin"
    assert sorted(f.locale.language_code for f in page.specific.form_fields.all()) == ["en"] * 3


def test_a_robot_filling_the_hidden_field_is_thanked_and_ignored(client, contact):
    response = client.post("/contact/", {**MESSAGE, HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 200
    assert "Merci, votre message est arrivé." in response.content.decode()
    assert mail.outbox == []
    assert not contact.get_submissions().exists()


def test_contact_messages_are_throttled_per_client(client, contact, settings):
    settings.MUSENOR_CONTACT_RATE = (2, 3600)
    for _ in range(2):
        assert client.post("/contact/", MESSAGE).status_code == 200
    refused = client.post("/contact/", MESSAGE)
    assert refused.status_code == 429
    assert "plusieurs messages en peu de temps" in refused.content.decode()
    assert len(mail.outbox) == 2
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post("/contact/", MESSAGE).status_code == 200


def test_an_invalid_message_is_shown_again_with_its_errors(client, contact):
    response = client.post("/contact/", {**MESSAGE, "votre_adresse": "pas une adresse"})
    assert response.status_code == 200
    assert 'class="errors"' in response.content.decode()
    assert mail.outbox == []


def test_the_footer_links_to_the_chosen_pages_in_the_visitors_language(client, home, contact):
    from musenor.pages.standard.models import StandardPage

    statement = StandardPage(title="Déclaration d'accessibilité", slug="accessibilite")
    home.add_child(instance=statement)
    statement.save_revision().publish()
    links = SiteLinks.for_site(home.get_site())
    links.contact_page = contact
    links.accessibility_page = statement
    links.accessibility_status = AccessibilityStatus.NONE
    links.save()

    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert '<a href="/contact/">Contact</a>' in footer
    assert '<a href="/accessibilite/">Accessibilité : non conforme</a>' in footer

    translate(home, "en")
    english = translate(statement, "en")
    footer = client.get("/en/").content.decode().split('<footer class="site-footer">')[1]
    assert f'<a href="{english.url}">Accessibility: not compliant</a>' in footer
    # Not translated yet: the French page.
    assert '<a href="/contact/">Contact</a>' in footer


def test_load_demo_creates_the_basic_pages_and_links_them(home):
    from musenor.site import demo_basics

    demo_basics.load(home)
    demo_basics.load(home)  # again: nothing duplicated
    assert ContactPage.objects.child_of(home).live().count() == 1
    links = SiteLinks.for_site(home.get_site())
    assert links.accessibility_page.title == "Déclaration d'accessibilité"
    assert links.legal_notice_page.slug == "mentions-legales"
    assert links.privacy_page.slug == "confidentialite"
    body = str(links.accessibility_page.specific.body)
    assert "non conforme" in body and "axe-core" in body and "Défenseur des droits" in body


def test_sqlite_runs_in_wal_mode_and_a_second_writer_waits(tmp_path):
    """Two writers at once: the second waits for the first instead of failing "locked"."""
    code = """
import threading
import django
django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("PRAGMA journal_mode")
    print(cursor.fetchone()[0])
    cursor.execute("PRAGMA busy_timeout")
    print(cursor.fetchone()[0])
    cursor.execute("CREATE TABLE t (n integer)")
    cursor.execute("INSERT INTO t VALUES (0)")
connection.close()

read = threading.Event()
errors = []

def autosave():
    # Reads, then writes in the same transaction, as a page revision is saved.
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT n FROM t")
            read.set()
            preview_done.wait(timeout=1)
            cursor.execute("UPDATE t SET n = n + 1")
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

def preview():
    try:
        read.wait()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE t SET n = n + 10")
        preview_done.set()
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

preview_done = threading.Event()
threads = [threading.Thread(target=autosave), threading.Thread(target=preview)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT n FROM t")
    print(cursor.fetchone()[0])
print(errors)
"""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "musenor.site.settings.dev",
        "MUSENOR_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SQLITE_BUSY_TIMEOUT": "7",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "7000", "11", "[]"]


def test_the_site_has_an_icon_and_favicon_ico_leads_to_it(client, home):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/musenor_site/favicon.svg" type="image/svg+xml">' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/musenor_site/favicon.svg"
