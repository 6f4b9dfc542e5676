"""A plugin's typed settings (plugin API 2): types, variable names, where a value comes from.

A setting's value comes from its default, then the environment
(``MUSENOR_<PLUGIN>_<NAME>``), then the site's ``MUSENOR_PLUGIN_SETTINGS``;
discovery and start-up with these settings are in ``test_plugin_settings.py``.
"""

from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured

from musenor.plugins import PLUGIN_API_VERSION, PluginConfig, Setting
from musenor.plugins.checks import check_plugin_contracts, missing_settings_message
from musenor.plugins.schema import read_environment, variable_name


@pytest.mark.parametrize(
    ("setting", "raw", "expected"),
    [
        (Setting(int), " 42 ", 42),
        (Setting(float), "0.5", 0.5),
        (Setting(Decimal), "12.30", Decimal("12.30")),
        (Setting(bool), "Yes", True),
        (Setting(bool), "off", False),
        (Setting(list), "a, b,,c ", ["a", "b", "c"]),
        (Setting(tuple), "x", ("x",)),
        (Setting(dict), '{"a": 1}', {"a": 1}),
        (Setting(Path), "/srv/media", Path("/srv/media")),
        (Setting(str), "Bonjour", "Bonjour"),
    ],
)
def test_a_setting_converts_the_environments_text_to_its_type(setting, raw, expected):
    assert setting.convert(raw, "MUSENOR_X_KEY") == expected


@pytest.mark.parametrize(
    ("kind", "raw"),
    [(int, "seven"), (bool, "maybe"), (dict, "[1, 2]"), (dict, "{oops"), (Decimal, "1,5")],
)
def test_a_bad_value_names_the_variable(kind, raw):
    with pytest.raises(ImproperlyConfigured) as raised:
        Setting(kind).convert(raw, "MUSENOR_BOARD_DIGEST_HOUR")
    assert "MUSENOR_BOARD_DIGEST_HOUR must be a" in str(raised.value)
    assert repr(raw) in str(raised.value)


def test_a_required_setting_has_no_default():
    with pytest.raises(TypeError):
        Setting(str, default="x", required=True)
    with pytest.raises(TypeError):
        Setting("int")


def test_variables_are_named_after_the_plugin():
    assert variable_name("board", "DIGEST_HOUR") == "MUSENOR_BOARD_DIGEST_HOUR"
    assert variable_name("skills-directory", "PAGE") == "MUSENOR_SKILLS_DIRECTORY_PAGE"
    schema = {"DIGEST_HOUR": Setting(int, default=7), "NAME": Setting(str)}
    environ = {"MUSENOR_BOARD_DIGEST_HOUR": "9", "MUSENOR_BOARD_NAME": "", "DIGEST_HOUR": "1"}
    # An empty value counts as unset.
    assert read_environment("board", schema, environ) == {"DIGEST_HOUR": 9}


def fake_config(**contract):
    attributes = {"name": "musenor_fake", "label": "musenor_fake", "path": "/nonexistent"}
    config_class = type("FakeConfig", (PluginConfig,), {**attributes, **contract})
    return config_class("musenor_fake", ModuleType("musenor_fake"))


def test_a_setting_comes_from_the_default_then_the_environment_then_the_site(settings):
    config = fake_config(
        plugin_name="fake",
        settings_schema={"PER_PAGE": Setting(int, default=10), "TITLE": Setting(str)},
    )
    assert config.get_setting("PER_PAGE") == 10
    assert config.get_setting("TITLE") is None
    settings.MUSENOR_PLUGIN_ENVIRONMENT = {"fake": {"PER_PAGE": 25}}
    assert config.get_setting("PER_PAGE") == 25
    settings.MUSENOR_PLUGIN_SETTINGS = {"fake": {"PER_PAGE": 5}}
    assert config.get_setting("PER_PAGE") == 5
    with pytest.raises(KeyError, match="settings_schema"):
        config.get_setting("PERPAGE")


def test_default_settings_of_api_1_are_folded_into_the_schema(settings):
    config = fake_config(plugin_name="fake", default_settings={"PER_PAGE": 10, "NOTE": None})
    schema = config.get_settings_schema()
    assert schema["PER_PAGE"] == Setting(int, default=10)
    assert schema["NOTE"] == Setting(str, default=None)
    settings.MUSENOR_PLUGIN_SETTINGS = {"fake": {"PER_PAGE": 3}}
    assert config.get_setting("PER_PAGE") == 3
    assert check_plugin_contracts(app_configs=[config]) == []


def test_a_missing_required_setting_is_named_with_its_variable(settings):
    config = fake_config(
        plugin_name="fake",
        settings_schema={"API_KEY": Setting(str, required=True, help="The collections API key.")},
    )
    message = missing_settings_message([config])
    assert "- MUSENOR_FAKE_API_KEY (plugin 'fake', str): The collections API key." in message
    with pytest.raises(ImproperlyConfigured, match="MUSENOR_FAKE_API_KEY"):
        config.get_setting("API_KEY")
    settings.MUSENOR_PLUGIN_ENVIRONMENT = {"fake": {"API_KEY": "secret"}}
    assert missing_settings_message([config]) is None
    assert config.get_setting("API_KEY") == "secret"


@pytest.mark.parametrize(
    ("contract", "overrides", "expected"),
    [
        ({"settings_schema": {"per_page": Setting(int)}}, {}, "musenor_plugins.E004"),
        ({"settings_schema": {"PER_PAGE": 10}}, {}, "musenor_plugins.E004"),
        ({"settings_schema": {"PER_PAGE": Setting(int)}}, {"PERPAGE": 5}, "musenor_plugins.E005"),
    ],
    ids=["lower-case-key", "not-a-setting", "unknown-override"],
)
def test_a_badly_declared_schema_is_reported(settings, contract, overrides, expected):
    settings.MUSENOR_PLUGIN_SETTINGS = {"fake": overrides}
    errors = check_plugin_contracts(app_configs=[fake_config(plugin_name="fake", **contract)])
    assert [error.id for error in errors] == [expected]


def test_the_api_version_is_2():
    assert PLUGIN_API_VERSION == "2.0"
    assert PluginConfig.plugin_api == ">=2,<3"
