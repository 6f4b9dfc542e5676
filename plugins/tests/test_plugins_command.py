"""``manage.py plugins``: every installed plugin, enabled or not, with its portal hooks."""

import json
from io import StringIO
from types import ModuleType

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import translation

from musenor.plugins import MenuItem, PluginConfig, hookimpl
from musenor.plugins.discovery import DiscoveredPlugin, installed_plugins
from musenor.plugins.management.commands import plugins as command
from musenor.plugins.manager import registered


class FakeConfig(PluginConfig):
    name = "musenor_fakeplugin"
    label = "musenor_fakeplugin"
    path = "/nonexistent"


@pytest.fixture(autouse=True)
def english():
    """The site's default language is French; these tests read the English messages."""
    with translation.override("en"):
        yield


def run(*args):
    out = StringIO()
    call_command("plugins", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def fake_enabled_plugin(monkeypatch):
    """A plugin that looks installed (entry point) and enabled (app config), with one hook."""
    config = FakeConfig("musenor_fakeplugin", ModuleType("musenor_fakeplugin"))
    discovered = DiscoveredPlugin(
        name="fakeplugin",
        app_config=f"{FakeConfig.__module__}.{FakeConfig.__qualname__}",
        distribution="musenor-fakeplugin",
        version="1.2.3",
    )
    real_plugins = command.installed_plugins()
    real_configs = apps.get_app_configs()
    monkeypatch.setattr(
        command,
        "installed_plugins",
        lambda: sorted([*real_plugins, discovered], key=lambda p: p.name),
    )
    monkeypatch.setattr(command.apps, "get_app_configs", lambda: [*real_configs, config])
    hooks = ModuleType("musenor_fakeplugin.musenor_hooks")
    hooks.menu_items = hookimpl(lambda request: [MenuItem(label="Fake", url="/fake/")])
    with registered(hooks, name=config.label):
        yield discovered


def test_json_lists_every_installed_plugin():
    rows = json.loads(run("--json"))
    installed = installed_plugins()
    app_names = {config.name for config in apps.get_app_configs()}
    assert [row["name"] for row in rows] == [plugin.name for plugin in installed]
    for row, plugin in zip(rows, installed, strict=True):
        assert set(row) == {
            "name",
            "distribution",
            "version",
            "enabled",
            "available",
            "unavailable_reason",
            "label",
            "url_prefix",
            "hooks",
        }
        assert row["distribution"] == plugin.distribution
        assert row["version"] == plugin.version
        assert row["enabled"] == (plugin.app_config.rsplit(".apps.", 1)[0] in app_names)


def test_an_installed_but_disabled_plugin_is_listed_without_hooks():
    # The example distribution (tests/plugin_dist) is installed in the test
    # environment, and the test settings keep it disabled.
    rows = {row["name"]: row for row in json.loads(run("--json"))}
    assert rows["example"] == {
        "name": "example",
        "distribution": "musenor-example-plugin",
        "version": "0.1.0",
        "enabled": False,
        "available": True,
        "unavailable_reason": None,
        "label": "musenor_example",
        "url_prefix": "exemple",
        "hooks": [],
    }


def test_an_enabled_plugin_shows_the_hooks_it_implements(fake_enabled_plugin):
    rows = {row["name"]: row for row in json.loads(run("--json"))}
    assert rows["fakeplugin"] == {
        "name": "fakeplugin",
        "distribution": "musenor-fakeplugin",
        "version": "1.2.3",
        "enabled": True,
        "available": True,
        "unavailable_reason": None,
        "label": "musenor_fakeplugin",
        "url_prefix": None,
        "hooks": ["menu_items"],
    }


def test_the_table_has_one_line_per_plugin(fake_enabled_plugin):
    lines = run().splitlines()
    assert lines[0].split() == ["Name", "Version", "Distribution", "Enabled", "Hooks"]
    by_name = {line.split()[0]: line.split() for line in lines[1:]}
    assert by_name["fakeplugin"] == [
        "fakeplugin",
        "1.2.3",
        "musenor-fakeplugin",
        "yes",
        "menu_items",
    ]
    assert by_name["example"] == ["example", "0.1.0", "musenor-example-plugin", "no", "-"]
    assert len(lines) == 1 + len(installed_plugins()) + 1


def test_the_table_speaks_the_active_language():
    with translation.override("fr"):
        header = run().splitlines()[0].split()
        assert header[0] == translation.pgettext("plugins table", "Name") != "Name"


def test_no_plugin_installed(monkeypatch):
    monkeypatch.setattr(command, "installed_plugins", list)
    assert run() == "No plugin is installed.\n"
    assert json.loads(run("--json")) == []
