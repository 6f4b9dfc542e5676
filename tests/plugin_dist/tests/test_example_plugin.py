"""The example plugin, enabled: every hook seen through the portal's pages.

These tests run when the plugin is enabled (the default of tests/settings.py).
"""

import json
import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string

from musenor.plugins.discovery import installed_plugins
from musenor.plugins.manager import call, implemented_hooks, ordered_implementations
from musenor.streamfields.blocks.plugin import plugin_content_choices

pytestmark = pytest.mark.skipif(
    not apps.is_installed("musenor_example"),
    reason="the example plugin is switched off (MUSENOR_PLUGINS)",
)


def notes():
    """The plugin's model; imported late, as the module is also collected when it is off."""
    from musenor_example.models import ExampleNote

    return ExampleNote.objects


ALL_HOOKS = [
    "embeddable_blocks",
    "load_demo_data",
    "member_dashboard_panels",
    "menu_items",
    "page_panels",
    "register_public_urls",
    "search_providers",
    "sitemaps",
]


def test_it_is_discovered_through_its_entry_point():
    plugin = {p.name: p for p in installed_plugins()}["example"]
    assert plugin.distribution == "musenor-example-plugin"
    assert plugin.version == "0.1.0"
    assert plugin.app_config == "musenor_example.apps.ExampleConfig"
    config = apps.get_app_config("musenor_example")
    assert type(config).__name__ == "ExampleConfig"
    # The entry-point name, not the package name, keys the plugin's settings.
    assert config.plugin_name == "example"
    assert implemented_hooks("musenor_example") == ALL_HOOKS


def test_the_plugins_command_lists_it_enabled_with_its_hooks():
    out = StringIO()
    call_command("plugins", "--json", stdout=out)
    listed = {row["name"]: row for row in json.loads(out.getvalue())}
    assert listed["example"] == {
        "name": "example",
        "distribution": "musenor-example-plugin",
        "version": "0.1.0",
        "enabled": True,
        "label": "musenor_example",
        "hooks": ALL_HOOKS,
    }


def test_system_checks_pass_and_no_migration_is_pending(db):
    call_command("check", "--fail-level", "WARNING", stdout=StringIO())
    # Exits with status 1 when the models and the migrations differ.
    call_command("makemigrations", "musenor_example", "--check", "--dry-run", stdout=StringIO())


def test_its_menu_item_is_on_the_home_page(client, home):
    html = client.get("/").content.decode()
    assert '<a href="/exemple/">Example notes</a>' in html


def test_its_public_urls_are_served_in_every_language(client, home):
    note = notes().create(title="Astrolabe de Dunkerque", body="Un astrolabe.")
    response = client.get("/exemple/")
    assert response.status_code == 200
    html = response.content.decode()
    # Inside the site's frame (base.html), with the note linked.
    assert 'class="site-header"' in html
    assert f'<a href="/exemple/{note.pk}/">Astrolabe de Dunkerque</a>' in html
    assert client.get(f"/exemple/{note.pk}/").status_code == 200
    assert client.get("/en/exemple/").status_code == 200
    assert client.get("/exemple/999999/").status_code == 404


def test_its_settings_can_be_overridden(client, home, settings):
    notes().create(title="Première note")
    notes().create(title="Seconde note")
    settings.MUSENOR_PLUGIN_SETTINGS = {"example": {"NOTES_PER_PAGE": 1}}
    html = client.get("/exemple/").content.decode()
    assert "Seconde note" in html
    assert "Première note" not in html


def test_the_site_search_shows_its_notes(client, home):
    note = notes().create(title="Astrolabe de Dunkerque", body="Instrument nautique.")
    notes().create(title="Herbier de Lille", body="Planches de botanique.")
    response = client.get("/recherche/", {"q": "astrolabe"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="provider-example-notes"' in html
    assert f'<a href="/exemple/{note.pk}/">Astrolabe de Dunkerque</a>' in html
    assert "Herbier de Lille" not in html


def test_its_block_is_offered_to_editors_and_renders_in_core_pages(client, home, put_block):
    assert ("example_latest_notes", "Latest example notes") in plugin_content_choices()
    for title in ("Note ancienne", "Note récente", "Note du jour"):
        notes().create(title=title)
    put_block(home, "example_latest_notes", heading="Les dernières notes", limit=2)
    html = client.get("/").content.decode()
    assert "<h2>Les dernières notes</h2>" in html
    assert "Note du jour" in html
    assert "Note récente" in html
    assert "Note ancienne" not in html


def test_its_dashboard_panel_is_for_members_only(rf, django_user_model, db):
    notes().create(title="Une note")
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    assert call("member_dashboard_panels", request=request) == []
    request.user = django_user_model.objects.create_user(
        email="membre@musee.fr", password="x", first_name="A", last_name="B"
    )
    [panel] = call("member_dashboard_panels", request=request)
    assert panel.title == "Example notes"
    assert "1 example note." in render_to_string(panel.template, panel.context)


def test_its_demo_data_loads_once_after_the_core(home):
    from musenor_example.musenor_hooks import load_demo_data

    # manage.py load_demo runs it after every core app's demo content.
    order = [impl.plugin_name for impl in ordered_implementations("load_demo_data")]
    assert order[-1] == "musenor_example"
    assert order.index("musenor_museums") < order.index("musenor_example")
    stdout = StringIO()
    load_demo_data(stdout=stdout)
    assert notes().count() == 3
    load_demo_data(stdout=stdout)
    assert notes().count() == 3
    assert stdout.getvalue().splitlines() == [
        "Example notes: 3 created.",
        "Example notes: 0 created.",
    ]


def test_its_notes_are_snippets_in_the_wagtail_admin(client, django_user_model, db):
    notes().create(title="Astrolabe de Dunkerque")
    admin = django_user_model.objects.create_superuser(
        email="admin@musenor.local", password="x", first_name="A", last_name="B"
    )
    client.force_login(admin)
    response = client.get("/admin/snippets/musenor_example/examplenote/")
    assert response.status_code == 200
    assert "Astrolabe de Dunkerque" in response.content.decode()


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_its_notes_have_a_section_of_the_sitemap_index(client, home):
    first = notes().create(title="Astrolabe de Dunkerque")
    second = notes().create(title="Herbier de Lille")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sections == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-example-notes.xml",
    ]
    # In French (the default language) whatever the visitor's language.
    response = client.get("/sitemap-example-notes.xml", HTTP_ACCEPT_LANGUAGE="en")
    urls = [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]
    assert urls == [
        f"http://testserver/exemple/{first.pk}/",
        f"http://testserver/exemple/{second.pk}/",
    ]


def test_its_panel_shows_the_latest_note_on_the_home_page(client, home):
    assert "The latest example note" not in client.get("/").content.decode()
    notes().create(title="Herbier de Lille")
    note = notes().create(title="Astrolabe de Dunkerque")
    html = client.get("/").content.decode()
    assert '<h2 id="page-panel-main-1">The latest example note</h2>' in html
    assert f'<a href="/exemple/{note.pk}/">Astrolabe de Dunkerque</a>' in html
    assert "Herbier de Lille" not in html
    # Not on the other core pages.
    assert "The latest example note" not in client.get("/musees/").content.decode()


def test_the_site_search_counts_its_notes_and_links_to_its_own_results(client, home):
    for title in ("Astrolabe de Dunkerque", "Astrolabe de Calais", "Herbier de Lille"):
        notes().create(title=title)
    html = client.get("/en/recherche/", {"q": "astrolabe"}).content.decode()
    assert "2 results" in html
    assert '<a href="/en/exemple/?q=astrolabe">See all 2 results</a>' in html
    listed = client.get("/en/exemple/", {"q": "astrolabe"}).content.decode()
    assert "Astrolabe de Calais" in listed
    assert "Herbier de Lille" not in listed


def test_an_enabled_plugin_cannot_be_purged(db):
    with pytest.raises(CommandError, match="switch it off"):
        call_command("plugins", "--purge", "example", "--yes", stdout=StringIO())
    assert notes().model._meta.db_table == "musenor_example_examplenote"
