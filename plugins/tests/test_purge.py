"""``manage.py plugins --purge NAME``: what a switched-off plugin left, listed, then deleted.

The example plugin (tests/plugin_dist) is installed but switched off in the
core's tests: its leftovers are made here as its enabled life would have left
them (its table with rows, content types, permissions, a page of its page type
with a subpage, its block in the home page, its migration record).
"""

import io

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import translation
from wagtail.models import Page

from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db

TABLE = "musenor_example_examplenote"


def table_exists(name):
    with connection.cursor() as cursor:
        return name in connection.introspection.table_names(cursor)


@pytest.fixture
def leftovers(home, switched_off_page):
    quoted = connection.ops.quote_name(TABLE)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {quoted} (id integer PRIMARY KEY, title varchar(200))")
        for pk in (1, 2, 3):
            cursor.execute(f"INSERT INTO {quoted} (id, title) VALUES (%s, %s)", [pk, f"Note {pk}"])
    note_type, _ = ContentType.objects.get_or_create(
        app_label="musenor_example", model="examplenote"
    )
    for action in ("add", "change"):
        Permission.objects.create(
            content_type=note_type, codename=f"{action}_examplenote", name=f"Can {action} note"
        )
    page_type, _ = ContentType.objects.get_or_create(app_label="musenor_example", model="notepage")
    # The subpage was added while the plugin was on.
    standard = ContentType.objects.get_for_model(StandardPage)
    Page.objects.filter(pk=switched_off_page.pk).update(content_type=standard)
    subpage = StandardPage(title="Sous-page", slug="sous-page")
    StandardPage.objects.get(pk=switched_off_page.pk).add_child(instance=subpage)
    Page.objects.filter(pk=switched_off_page.pk).update(content_type=page_type)
    page = Page.objects.get(pk=switched_off_page.pk)
    home.body = [
        ("plugin_content", {"content": "example_latest_notes", "heading": "Notes", "limit": 3}),
        ("plugin_content", {"content": "agenda_next", "heading": "Agenda", "limit": 3}),
    ]
    home.save_revision().publish()
    MigrationRecorder.Migration.objects.create(app="musenor_example", name="0001_initial")
    yield {"page": page, "subpage": subpage, "home": home}
    if table_exists(TABLE):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {quoted}")


def run(*args, answer=None, monkeypatch=None):
    if answer is not None:
        monkeypatch.setattr("builtins.input", lambda prompt: answer)
    out = io.StringIO()
    # In English: the texts checked are the msgids.
    with translation.override("en"):
        call_command("plugins", "--purge", *args, stdout=out)
    return out.getvalue()


def test_it_lists_everything_and_deletes_nothing_unless_confirmed(leftovers, monkeypatch):
    out = run("example", answer="no", monkeypatch=monkeypatch)
    assert out.splitlines() == [
        "Purging the plugin example (app musenor_example) deletes:",
        "  table musenor_example_examplenote: 3 rows",
        "  2 content types (examplenote, notepage) and their 2 permissions",
        f"  page “Fiche astrolabe” (id {leftovers['page'].pk}) and its 1 subpages",
        f"  1 “plugin content” blocks in the page “Musenor” (id {leftovers['home'].pk})",
        "  1 applied migrations (records only)",
        "Nothing was deleted.",
    ]
    assert table_exists(TABLE)
    assert ContentType.objects.filter(app_label="musenor_example").count() == 2
    assert Page.objects.filter(pk=leftovers["subpage"].pk).exists()


def test_confirmed_it_deletes_only_the_plugins_content(leftovers, monkeypatch, home):
    out = run("example", answer="yes", monkeypatch=monkeypatch)
    assert out.splitlines()[-1] == "The plugin example was purged."
    assert not table_exists(TABLE)
    assert not ContentType.objects.filter(app_label="musenor_example").exists()
    assert not Permission.objects.filter(codename__endswith="_examplenote").exists()
    assert not Page.objects.filter(pk__in=[leftovers["page"].pk, leftovers["subpage"].pk]).exists()
    assert not MigrationRecorder.Migration.objects.filter(app="musenor_example").exists()
    # Another plugin's block, the home page and the rest of the site stay.
    home.refresh_from_db()
    assert [block.value["content"] for block in home.body] == ["agenda_next"]
    assert table_exists("wagtailcore_page")
    assert Permission.objects.filter(codename="add_standardpage").exists()
    # Nothing is left to purge.
    assert run("example", "--yes") == "The plugin example left nothing to delete.\n"


def test_an_unknown_plugin_is_refused(db):
    with pytest.raises(CommandError, match="No plugin 'nowhere' is installed"):
        run("nowhere", "--yes")
