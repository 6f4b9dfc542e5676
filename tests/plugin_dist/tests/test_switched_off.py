"""The example plugin installed but switched off (MUSENOR_PLUGINS=""): the site still works.

These tests run only when the plugin is disabled; its notes, menu item, URLs,
search results and blocks must disappear without an error.
"""

import json
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation

from musenor.plugins.discovery import installed_plugins
from musenor.streamfields.blocks.plugin import plugin_content_choices

pytestmark = pytest.mark.skipif(
    apps.is_installed("musenor_example"),
    reason="the example plugin is switched on (MUSENOR_PLUGINS)",
)


def test_the_plugin_is_installed_but_not_loaded():
    assert "example" in {p.name for p in installed_plugins()}
    with pytest.raises(LookupError):
        apps.get_app_config("musenor_example")
    out = StringIO()
    call_command("plugins", "--json", stdout=out)
    listed = {row["name"]: row for row in json.loads(out.getvalue())}
    assert listed["example"]["enabled"] is False
    assert listed["example"]["hooks"] == []


def test_the_site_starts_and_serves_its_pages(client, home):
    call_command("check", "--fail-level", "WARNING", stdout=StringIO())
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="main-nav"' in html
    assert "/exemple/" not in html
    assert "Example notes" not in html
    assert client.get("/musees/").status_code == 200


def test_its_urls_are_gone(client, home):
    assert client.get("/exemple/").status_code == 404
    assert client.get("/en/exemple/").status_code == 404
    assert client.get("/exemple/notes.json").status_code == 404
    assert client.get("/notes-exemple/").status_code == 404


def test_its_prefix_middleware_and_settings_are_gone(client, home, settings):
    from musenor.pages.standard.models import StandardPage

    assert "X-Musenor-Example" not in client.get("/")
    assert "musenor_example.middleware.ExampleHeaderMiddleware" not in settings.MIDDLEWARE
    assert "example" not in settings.MUSENOR_PLUGIN_ENVIRONMENT
    # Its prefix is free again for a page under the home page.
    page = home.add_child(instance=StandardPage(title="Exemple", slug="exemple"))
    page.save_revision().publish()
    assert client.get("/exemple/").status_code == 200


def test_the_search_works_without_its_provider(client, home):
    response = client.get("/recherche/", {"q": "astrolabe"})
    assert response.status_code == 200
    assert "provider-example-notes" not in response.content.decode()


def test_a_page_holding_its_block_renders_without_it(client, home, put_block):
    assert "example_latest_notes" not in dict(plugin_content_choices())
    # Content stored while the plugin was on stays in the page.
    put_block(home, "example_latest_notes", heading="Les dernières notes")
    response = client.get("/")
    assert response.status_code == 200
    assert "Les dernières notes" not in response.content.decode()


def test_its_sitemap_section_and_panel_are_gone(client, home):
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-pages.xml" in index
    assert "example-notes" not in index
    assert client.get("/sitemap-example-notes.xml").status_code == 404
    assert "page-panel" not in client.get("/").content.decode()


def test_purge_removes_its_blocks_from_pages(home, put_block, monkeypatch):
    put_block(home, "example_latest_notes", heading="Les dernières notes")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    out = StringIO()
    with translation.override("en"):
        call_command("plugins", "--purge", "example", stdout=out)
    assert f"1 “plugin content” blocks in the page “{home.title}” (id {home.pk})" in out.getvalue()
    assert out.getvalue().endswith("Nothing was deleted.\n")
    call_command("plugins", "--purge", "example", "--yes", stdout=StringIO())
    home.refresh_from_db()
    assert list(home.body) == []


def test_its_members_space_entries_are_gone(client, home, django_user_model):
    member = django_user_model.objects.create_user(email="membre@musee.fr", password="x")
    client.force_login(member)
    response = client.get("/membres/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="members-nav"' in html  # the space itself works
    assert 'href="/exemple/"' not in html
    assert "Example notes" not in html
