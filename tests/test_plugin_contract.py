"""The plugin contract as the core enforces it, with plugins registered for a while.

No third-party plugin is loaded here: the plugins are module objects built by
the tests and registered through ``musenor.plugins.manager.registered``, or
small distributions written into a temporary folder and started in a
subprocess.
"""

import os
import subprocess
import sys
import textwrap
from types import ModuleType

import pytest
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.html import format_html
from pluggy import PluginValidationError
from wagtail import blocks

from musenor.plugins import MenuItem, PluginConfig, hookimpl
from musenor.plugins.checks import check_plugin_contracts
from musenor.plugins.discovery import enabled_plugins, installed_plugins
from musenor.plugins.manager import get_manager, registered
from musenor.streamfields.blocks.plugin import plugin_content_choices


def plugin_module(name, **hooks):
    """A module-like plugin whose attributes are hook implementations."""
    module = ModuleType(name)
    for hook_name, function in hooks.items():
        setattr(module, hook_name, hookimpl(function))
    return module


# --- Hook implementations are checked ----------------------------------------


def test_a_misspelt_hook_is_refused_and_left_unregistered():
    plugin = plugin_module("typo", menu_item=lambda request: [])
    with (
        pytest.raises(PluginValidationError, match="unknown hook 'menu_item'"),
        registered(plugin, name="typo"),
    ):
        pytest.fail("a misspelt hook was accepted")
    assert get_manager().get_plugin("typo") is None
    # The manager still passes its own check once the plugin is gone.
    get_manager().check_pending()


def test_an_argument_the_spec_does_not_have_is_refused():
    plugin = plugin_module("wrong_argument", menu_items=lambda user: [])
    with (
        pytest.raises(PluginValidationError, match="user"),
        registered(plugin, name="wrong_argument"),
    ):
        pytest.fail("an unknown argument was accepted")
    assert get_manager().get_plugin("wrong_argument") is None


def test_an_implementation_may_take_fewer_arguments_than_its_spec():
    plugin = plugin_module("no_argument", menu_items=lambda: [MenuItem("Agenda", "/agenda/")])
    with registered(plugin, name="no_argument") as manager:
        assert MenuItem("Agenda", "/agenda/") in sum(manager.hook.menu_items(request=None), [])


# --- Start-up: discovery and the manager ---------------------------------------


def test_a_plugin_listed_but_not_installed_stops_start_up_with_the_installed_list():
    with pytest.raises(ImproperlyConfigured) as raised:
        enabled_plugins(["nope", "nada"])
    message = str(raised.value)
    assert "not installed: nope, nada" in message
    installed = [plugin.name for plugin in installed_plugins()]
    assert installed, "the example plugin (tests/plugin_dist) should be installed"
    assert f"Installed plugins: {', '.join(installed)}." in message


def test_an_empty_selection_enables_no_plugin():
    assert enabled_plugins([]) == []
    assert enabled_plugins(None) == installed_plugins()


def write_distribution(folder, hook_name):
    """A plugin distribution ``typo`` in ``folder``, as if pip had installed it there."""
    package = folder / "musenor_typo"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "apps.py").write_text(
        textwrap.dedent(
            """\
            from musenor.plugins import PluginConfig


            class TypoConfig(PluginConfig):
                name = "musenor_typo"
                label = "musenor_typo"
            """
        )
    )
    (package / "musenor_hooks.py").write_text(
        textwrap.dedent(
            f"""\
            from musenor.plugins import hookimpl


            @hookimpl
            def {hook_name}(request):
                return []
            """
        )
    )
    dist_info = folder / "musenor_typo-0.1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: musenor-typo\nVersion: 0.1.0\n"
    )
    (dist_info / "entry_points.txt").write_text(
        "[musenor.plugins]\ntypo = musenor_typo.apps:TypoConfig\n"
    )


STARTUP = (
    "import django; django.setup(); from django.apps import apps; "
    "print('started with' if apps.is_installed('musenor_typo') else 'started without')"
)


def start_django(folder, selection):
    env = {
        **os.environ,
        "PYTHONPATH": str(folder),
        "MUSENOR_PLUGINS": selection,
        "DJANGO_SETTINGS_MODULE": "musenor.site.settings.test",
    }
    return subprocess.run(
        [sys.executable, "-c", STARTUP],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("hook_name", "selection", "error"),
    [
        ("menu_items", "typo", None),
        ("menu_item", "typo", "PluginValidationError: unknown hook 'menu_item'"),
        ("menu_items", "typo,missing", "ImproperlyConfigured: MUSENOR_PLUGINS lists plugins"),
    ],
    ids=["valid", "misspelt-hook", "missing-plugin"],
)
def test_start_up(tmp_path, hook_name, selection, error):
    write_distribution(tmp_path, hook_name)
    result = start_django(tmp_path, selection)
    if error is None:
        assert result.returncode == 0, result.stderr
        assert result.stdout == "started with\n"
    else:
        assert result.returncode != 0
        assert error in result.stderr, result.stderr[-3000:]


# --- System checks musenor_plugins.E001-E005 -----------------------------------


def fake_config(**contract):
    """An instance of a PluginConfig subclass with the given contract attributes."""
    attributes = {"name": "musenor_fake", "label": "musenor_fake", "path": "/nonexistent"}
    config_class = type("FakeConfig", (PluginConfig,), {**attributes, **contract})
    return config_class("musenor_fake", ModuleType("musenor_fake"))


def check_ids(*configs):
    return [error.id for error in check_plugin_contracts(app_configs=list(configs))]


def test_the_contract_check_is_registered():
    assert check_plugin_contracts in checks.registry.registry.get_checks()


def test_a_valid_contract_passes(settings):
    settings.MUSENOR_PLUGIN_SETTINGS = {"fake": {"PER_PAGE": 5}}
    config = fake_config(
        plugin_name="fake",
        plugin_api=">=2,<3",
        # A module path and an AppConfig path, both installed.
        requires_apps=["wagtail.snippets", "taggit.apps.TaggitAppConfig"],
        default_settings={"PER_PAGE": 10},
    )
    assert check_ids(config) == []


def test_the_plugin_name_defaults_to_the_module_name_without_an_entry_point():
    assert fake_config().plugin_name == "musenor_fake"
    assert fake_config(plugin_name="fake").plugin_name == "fake"


@pytest.mark.parametrize(
    ("contract", "overrides", "expected"),
    [
        ({"plugin_api": "one or two"}, {}, "musenor_plugins.E001"),
        ({"plugin_api": ">=1,<2"}, {}, "musenor_plugins.E002"),
        ({"requires_apps": ["not_installed.app"]}, {}, "musenor_plugins.E003"),
        ({"default_settings": [("PER_PAGE", 10)]}, {}, "musenor_plugins.E004"),
        ({"default_settings": {"PER_PAGE": 10}}, {"PERPAGE": 5}, "musenor_plugins.E005"),
    ],
    ids=["E001", "E002", "E003", "E004", "E005"],
)
def test_a_broken_contract_is_reported(settings, contract, overrides, expected):
    settings.MUSENOR_PLUGIN_SETTINGS = {"fake": overrides}
    config = fake_config(plugin_name="fake", **contract)
    errors = check_plugin_contracts(app_configs=[config])
    assert [error.id for error in errors] == [expected]
    assert errors[0].obj == "musenor_fake.apps.FakeConfig"
    assert "'fake'" in errors[0].msg


def test_apps_that_are_not_plugins_are_not_checked():
    from django.apps import apps

    assert check_ids(apps.get_app_config("wagtailcore")) == []
    assert check_ids(fake_config(plugin_api="x"), fake_config(plugin_api=">=9")) == [
        "musenor_plugins.E001",
        "musenor_plugins.E002",
    ]


# --- A plugin registered for a while, then gone --------------------------------


class MarkerBlock(blocks.StaticBlock):
    """Shows the editor's options, to prove the core block passes them on."""

    def render_basic(self, value, context=None):
        return format_html(
            '<p class="contract-marker">{} / {}</p>', context["heading"], context["limit"]
        )


def menu_plugin():
    return plugin_module(
        "menu_plugin",
        menu_items=lambda request: [
            MenuItem(label="Agenda culturel", url="/agenda-culturel/", order=-1),
            MenuItem(label="Boutique", url="/boutique/", order=500),
        ],
    )


def block_plugin():
    return plugin_module(
        "block_plugin",
        embeddable_blocks=lambda: [("contract_marker", MarkerBlock(label="Contract marker"))],
    )


def test_a_registered_plugin_adds_menu_items_in_order(client, home, directory):
    with registered(menu_plugin(), name="menu_plugin"):
        html = client.get("/").content.decode()
        assert 'href="/agenda-culturel/"' in html
        assert 'href="/boutique/"' in html
        # Core pages sit at order 0: the plugin's items go before and after.
        assert html.index("Agenda culturel") < html.index(directory.title) < html.index("Boutique")
    html = client.get("/").content.decode()
    assert directory.title in html
    assert "/agenda-culturel/" not in html
    assert "Boutique" not in html


def test_a_registered_plugin_block_renders_in_core_pages_and_disappears_with_it(client, home):
    with registered(block_plugin(), name="block_plugin"):
        assert ("contract_marker", "Contract marker") in plugin_content_choices()
        home.body = [
            ("plugin_content", {"content": "contract_marker", "heading": "À voir", "limit": 3})
        ]
        home.save_revision().publish()
        assert '<p class="contract-marker">À voir / 3</p>' in client.get("/").content.decode()
    assert "contract_marker" not in dict(plugin_content_choices())
    # The page still holds the block's content; it renders as nothing.
    home.refresh_from_db()
    assert home.body[0].value["content"] == "contract_marker"
    response = client.get("/")
    assert response.status_code == 200
    assert "contract-marker" not in response.content.decode()
    assert "À voir" not in response.content.decode()
