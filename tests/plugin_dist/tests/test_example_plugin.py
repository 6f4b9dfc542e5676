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
    "member_menu_items",
    "menu_items",
    "notification_types",
    "page_panels",
    "periodic_tasks",
    "register_public_urls",
    "role_permissions",
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
        "available": True,
        "unavailable_reason": None,
        "label": "musenor_example",
        "url_prefix": "exemple",
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


# --- What the plugin declares at settings time (plugin API 2) ---------------------


def test_the_core_mounts_its_urls_under_its_prefix_in_every_language(client, home):
    from django.urls import reverse
    from django.utils import translation

    for language, prefix in (("fr", ""), ("en", "/en"), ("nl", "/nl")):
        with translation.override(language):
            assert reverse("musenor_example:index") == f"{prefix}/exemple/"
        assert client.get(f"{prefix}/exemple/").status_code == 200


def test_its_neutral_urls_exist_once_outside_the_language_prefix(client, home):
    from django.urls import reverse
    from django.utils import translation

    note = notes().create(title="Astrolabe de Dunkerque")
    with translation.override("en"):
        assert reverse("musenor_example_neutral:notes") == "/exemple/notes.json"
    response = client.get("/exemple/notes.json", headers={"accept-language": "en"})
    assert response.status_code == 200
    # Canonical (French) note addresses, whatever the visitor's language.
    assert response.json() == {
        "notes": [{"title": "Astrolabe de Dunkerque", "url": f"/exemple/{note.pk}/"}]
    }
    assert client.get("/en/exemple/notes.json").status_code == 404
    assert client.get("/nl/exemple/notes.json").status_code == 404


def test_its_register_public_urls_hook_still_adds_urls_outside_the_prefix(client, home):
    response = client.get("/notes-exemple/")
    assert response.status_code == 302
    assert response["Location"] == "/exemple/"


def test_its_typed_settings_come_from_the_environment_converted(client, home, settings):
    """tests/settings.py sets MUSENOR_EXAMPLE_FEED_LENGTH=2 and MUSENOR_EXAMPLE_BANNER."""
    assert settings.MUSENOR_PLUGIN_ENVIRONMENT["example"] == {
        "FEED_LENGTH": 2,
        "BANNER": "Bienvenue sur le tableau",
    }
    config = apps.get_app_config("musenor_example")
    assert config.get_setting("FEED_LENGTH") == 2
    assert config.get_setting("NOTES_PER_PAGE") == 20  # the schema's default
    for title in ("Une", "Deux", "Trois"):
        notes().create(title=title)
    assert len(client.get("/exemple/notes.json").json()["notes"]) == 2
    # MUSENOR_PLUGIN_SETTINGS wins over the environment.
    settings.MUSENOR_PLUGIN_SETTINGS = {"example": {"FEED_LENGTH": 3}}
    assert len(client.get("/exemple/notes.json").json()["notes"]) == 3


def test_its_middleware_marks_every_response(client, home):
    assert client.get("/")["X-Musenor-Example"] == "on"
    assert client.get("/exemple/")["X-Musenor-Example"] == "on"


def test_it_overrides_the_templates_of_the_library_it_requires(client, home):
    html = client.get("/exemple/tableau/").content.decode()
    # library_board.html (TEMPLATES DIRS): the plugin's overrides folder comes first.
    assert "<h1>Example board</h1>" in html
    assert "The library's own board" not in html
    # example_library/badge.html (APP_DIRS): the plugin comes before the library.
    assert '<p class="example-badge">' in html
    assert "The library's own badge" not in html
    # The plugin's context processor fills the banner, from MUSENOR_EXAMPLE_BANNER.
    assert '<p class="example-banner">Bienvenue sur le tableau</p>' in html


def test_no_page_under_the_home_page_may_take_its_prefix(home):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from musenor.pages.standard.models import StandardPage

    with translation.override("en"), pytest.raises(ValidationError) as raised:
        home.add_child(instance=StandardPage(title="Exemple", slug="exemple"))
    assert "“/exemple/” belongs to the plugin “Example notes”" in str(raised.value)
    # Deeper in the tree the slug is free.
    section = home.add_child(instance=StandardPage(title="Rubrique", slug="rubrique"))
    section.add_child(instance=StandardPage(title="Exemple", slug="exemple"))


def test_a_page_that_already_has_its_prefix_is_reported_by_a_check(home):
    from django.utils import translation
    from wagtail.models import Page

    from musenor.pages.standard.models import StandardPage
    from musenor.plugins.checks import check_reserved_slugs

    assert check_reserved_slugs() == []
    # A page created before the plugin was enabled, then the plugin switched on.
    page = home.add_child(instance=StandardPage(title="Exemple", slug="ancien-exemple"))
    Page.objects.filter(pk=page.pk).update(slug="exemple")
    with translation.override("en"):
        [warning] = check_reserved_slugs()
    assert warning.id == "musenor_plugins.W001"
    assert "'exemple' is the URL prefix of the plugin “Example notes”" in warning.msg


def test_its_readme_documents_every_setting():
    import re
    from pathlib import Path

    from musenor.plugins.schema import variable_name

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(MUSENOR_EXAMPLE_[A-Z0-9_]+)` \|", readme, re.MULTILINE))
    schema = apps.get_app_config("musenor_example").get_settings_schema()
    assert documented == {variable_name("example", key) for key in schema}


# --- Notifications, periodic tasks, roles, members' navigation ----------------------


def test_its_notification_type_is_offered_to_members(client, django_user_model, home):
    member = django_user_model.objects.create_user(
        email="membre@musee.fr", password="x", first_name="A", last_name="B", language="en"
    )
    client.force_login(member)
    html = client.get("/en/notifications/").content.decode()
    assert "<legend>Summary of the example notes</legend>" in html
    assert "The latest notes, once a week." in html


def test_its_periodic_task_notifies_members_as_they_chose(client, django_user_model, home):
    from django.core import mail

    from musenor.plugins.models import DigestEntry
    from musenor.plugins.notifications import set_preference

    notes().create(title="Astrolabe de Dunkerque")
    by_mail = django_user_model.objects.create_user(
        email="anna@museum.be", password="x", first_name="A", last_name="P", language="en"
    )
    in_digest = django_user_model.objects.create_user(email="marie@musee.fr", password="x")
    set_preference(by_mail, "example.notes_summary", "immediate")

    out = StringIO()
    call_command("run_periodic_tasks", stdout=out)
    assert "Enqueued: example.notes_summary" in out.getvalue()
    # The immediate backend ran it: one mail now, one entry for the digest.
    [message] = mail.outbox
    assert message.to == ["anna@museum.be"]
    assert "There is one example note." in message.body
    assert "http://testserver/en/exemple/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert DigestEntry.objects.get().user == in_digest
    # Weekly: a second run enqueues nothing.
    call_command("run_periodic_tasks", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_setup_roles_gives_its_permissions(db):
    from django.contrib.auth.models import Group

    call_command("setup_roles", stdout=StringIO())
    moderators = Group.objects.get(name="Modérateurs")
    codenames = set(moderators.permissions.values_list("codename", flat=True))
    assert {"change_examplenote", "delete_examplenote"} <= codenames
    members = Group.objects.get(name="Membres")
    assert set(members.permissions.values_list("codename", flat=True)) == {"view_examplenote"}


def test_its_member_menu_items_follow_permissions(rf, django_user_model, db):
    from django.contrib.auth.models import Group
    from django.utils import translation

    from musenor.plugins.members import member_menu

    call_command("setup_roles", stdout=StringIO())
    user = django_user_model.objects.create_user(email="membre@musee.fr", password="x")
    request = rf.get("/en/")
    request.user = user
    with translation.override("en"):
        assert [item.url for item in member_menu(request)] == ["/en/exemple/"]
        user.groups.add(Group.objects.get(name="Modérateurs"))
        request.user = django_user_model.objects.get(pk=user.pk)
        assert [str(item.label) for item in member_menu(request)] == [
            "My notes",
            "Edit the notes",
        ]


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


def test_a_change_to_its_notes_purges_the_cached_home_page(client, home, settings):
    # The portal caches anonymous pages whole; the home page shows the latest
    # note (page_panels). Saving a note, a snippet, purges the cache; a bulk
    # update, which sends no signal, is followed by purge_page_cache().
    from musenor.plugins import purge_page_cache

    settings.MUSENOR_PAGE_CACHE_SECONDS = 300
    note = notes().create(title="Herbier de Lille")
    client.get("/")
    assert client.get("/")["X-Cache"] == "hit"
    notes().create(title="Astrolabe de Dunkerque")
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert "Astrolabe de Dunkerque" in response.content.decode()
    notes().exclude(pk=note.pk).update(title="Maquette de Calais")
    assert "Astrolabe de Dunkerque" in client.get("/").content.decode()  # cached
    purge_page_cache()
    response = client.get("/")
    assert response["X-Cache"] == "miss"
    assert "Maquette de Calais" in response.content.decode()


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


def test_the_members_space_shows_its_menu_entry_and_dashboard_panel(
    client, home, django_user_model
):
    notes().create(title="Une note")
    member = django_user_model.objects.create_user(email="membre@musee.fr", password="x")
    client.force_login(member)
    html = client.get("/membres/").content.decode()
    assert '<a href="/exemple/">My notes</a>' in html or 'href="/exemple/"' in html
    assert "Example notes" in html
    assert "1 example note." in html
