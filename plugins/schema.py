"""Typed plugin settings: ``settings_schema`` and the environment variables it reads.

A plugin declares its settings on its config class::

    settings_schema = {
        "DIGEST_HOUR": Setting(int, default=7, help="Hour of the daily digest (0-23)."),
        "API_KEY": Setting(str, required=True, help="Key of the collections API."),
    }

At settings time, discovery reads ``MUSENOR_<PLUGIN>_<KEY>`` for each of them
(``MUSENOR_FORUM_DIGEST_HOUR``) and converts the text to the setting's type; a
value that does not convert stops start-up with ``ImproperlyConfigured``
naming the variable. This module imports nothing from Django's settings: it
runs before they exist.
"""

import json
import os
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class _Missing:
    def __repr__(self):
        return "<no default>"


NO_DEFAULT = _Missing()


@dataclass(frozen=True)
class Setting:
    """One typed setting of a plugin.

    ``type`` converts the environment's text: ``str``, ``int``, ``float``,
    ``Decimal``, ``bool`` (``1/true/yes/on``, ``0/false/no/off``), ``list``
    (comma-separated, items stripped), ``tuple`` (the same), ``dict`` (a JSON
    object), ``Path``, or any callable taking one string. A required setting
    has no default; an optional one without a default is ``None``.
    """

    type: Any = str
    default: Any = NO_DEFAULT
    required: bool = False
    help: str = ""

    def __post_init__(self):
        if not callable(self.type):
            raise TypeError(f"Setting type must be a type or a callable, not {self.type!r}.")
        if self.required and self.default is not NO_DEFAULT:
            raise TypeError("A required Setting has no default.")

    @property
    def default_value(self):
        return None if self.default is NO_DEFAULT else self.default

    @property
    def type_name(self):
        return getattr(self.type, "__name__", repr(self.type))

    def convert(self, raw, variable):
        """Convert the text ``raw`` of the environment variable ``variable``."""
        raw = raw.strip()
        try:
            return _convert(self.type, raw)
        except (ValueError, TypeError, InvalidOperation) as exc:
            raise ImproperlyConfigured(
                f"The environment variable {variable} must be a {self.type_name} "
                f"({_FORMATS.get(self.type, 'a value its type accepts')}), not {raw!r}: {exc}"
            ) from exc


_FORMATS = {
    bool: "true/false, yes/no, on/off or 1/0",
    int: "a whole number",
    float: "a number",
    Decimal: "a decimal number",
    list: "comma-separated values",
    tuple: "comma-separated values",
    dict: "a JSON object",
    str: "text",
    Path: "a file system path",
}


def _convert(kind, raw):
    if kind is bool:
        lowered = raw.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError("not a boolean")
    if kind in (list, tuple):
        return kind(item.strip() for item in raw.split(",") if item.strip())
    if kind is dict:
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError("not a JSON object")
        return value
    return kind(raw)


def environment_prefix(plugin_name):
    """``MUSENOR_<PLUGIN>_``: the plugin name upper-cased, other characters as ``_``."""
    return "MUSENOR_" + re.sub(r"[^A-Z0-9]", "_", plugin_name.upper()) + "_"


def variable_name(plugin_name, key):
    return environment_prefix(plugin_name) + key


def schema_of(config_class):
    """The settings of a config class: ``settings_schema``, plus ``default_settings``.

    ``default_settings`` (plugin API 1) still works: each entry becomes an
    optional setting typed after its default (``str`` for ``None``).
    """
    schema = {}
    for key, default in (getattr(config_class, "default_settings", None) or {}).items():
        kind = str if default is None else type(default)
        schema[key] = Setting(kind, default=default)
    schema.update(getattr(config_class, "settings_schema", None) or {})
    return schema


def read_environment(plugin_name, schema, environ=None):
    """The plugin's settings that the environment sets, converted: ``{KEY: value}``."""
    environ = os.environ if environ is None else environ
    values = {}
    for key, setting in schema.items():
        variable = variable_name(plugin_name, key)
        # Plugin settings are documented per plugin (``manage.py plugins
        # --plugin-settings``), not in docs/settings.md: the name is computed.
        raw = environ.get(variable)
        if raw is None or raw.strip() == "":
            continue
        values[key] = setting.convert(raw, variable)
    return values


def schema_problems(schema):
    """What is wrong with a ``settings_schema`` value, one message each."""
    if not isinstance(schema, dict):
        return ["settings_schema must be a dict of KEY: Setting(...)."]
    problems = []
    for key, setting in schema.items():
        if not isinstance(key, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", key):
            problems.append(f"the key {key!r} must be in upper case (A-Z, 0-9, _).")
        if not isinstance(setting, Setting):
            problems.append(f"{key!r} must be a musenor.plugins.Setting, not {setting!r}.")
    return problems
