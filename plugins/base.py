"""The base AppConfig of every plugin."""

from django.apps import AppConfig, apps
from django.conf import settings

# The version of the portal's plugin API; plugins declare a range against it.
# The major number changes when a hook spec changes in a way that breaks plugins.
PLUGIN_API_VERSION = "2.0"


class PluginConfig(AppConfig):
    """Base class for a plugin's AppConfig: the plugin's contract.

    Class attributes, all readable without running ``ready()``:

    ``label``
        Stable forever (migrations, permissions, content types depend on it).
        Built-in plugins use ``musenor_<name>``.
    ``plugin_api``
        A version specifier (``">=2,<3"``) of the plugin-API versions the
        plugin supports. Checked at start-up (``musenor_plugins.E002``).
    ``requires_apps``
        Extra Django apps the plugin needs; discovery adds them to
        ``INSTALLED_APPS`` before the plugin.
    ``default_settings``
        The plugin's settings and their defaults; a site overrides them in
        ``MUSENOR_PLUGIN_SETTINGS["<plugin name>"]``. Read them with
        :meth:`get_setting`.
    ``plugin_name``
        The entry-point name, which keys ``MUSENOR_PLUGIN_SETTINGS``; found
        from the installed entry points, else the last part of the module path.

    ``ready()`` registers signals and checks; it never queries the database.
    """

    plugin_api = ">=2,<3"
    requires_apps: tuple[str, ...] | list[str] = ()
    default_settings: dict = {}
    plugin_name = None
    # Short text for `manage.py plugins` and the docs.
    description = ""

    def __init__(self, app_name, app_module):
        super().__init__(app_name, app_module)
        if self.plugin_name is None:
            self.plugin_name = _entry_point_name(type(self)) or self.name.rsplit(".", 1)[-1]

    @property
    def plugin_settings(self):
        overrides = getattr(settings, "MUSENOR_PLUGIN_SETTINGS", {}).get(self.plugin_name, {})
        return {**self.default_settings, **overrides}

    def get_setting(self, key):
        """Return one of this plugin's settings (the override, else the default)."""
        values = self.plugin_settings
        if key not in values:
            raise KeyError(
                f"{key!r} is not a setting of the plugin {self.plugin_name!r}; "
                f"declare it in default_settings."
            )
        return values[key]


def _entry_point_name(config_class):
    """The name of the entry point that declares ``config_class``, if any.

    A third-party package is usually called ``musenor_<name>`` while its entry
    point is ``<name>``: the module path alone would give the wrong name.
    """
    from .discovery import installed_plugins

    path = f"{config_class.__module__}.{config_class.__qualname__}"
    for plugin in installed_plugins():
        if plugin.app_config == path:
            return plugin.name
    return None


def plugin_configs():
    """The AppConfigs of the enabled plugins, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if isinstance(config, PluginConfig)]
