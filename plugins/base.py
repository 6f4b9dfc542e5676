"""The base AppConfig of every plugin."""

from django.apps import AppConfig, apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .schema import schema_of, variable_name

# The version of the portal's plugin API; plugins declare a range against it.
# The major number changes when a hook spec changes in a way that breaks plugins.
PLUGIN_API_VERSION = "2.0"


class PluginConfig(AppConfig):
    """Base class for a plugin's AppConfig: the plugin's contract.

    Class attributes, all readable without running ``ready()`` (discovery
    reads them at settings time, so the ``apps`` module imports no model and
    no optional dependency):

    ``label``
        Stable forever (migrations, permissions, content types depend on it).
        Built-in plugins use ``musenor_<name>``.
    ``plugin_api``
        A version specifier (``">=2,<3"``) of the plugin-API versions the
        plugin supports. Checked at start-up (``musenor_plugins.E002``).
    ``url_prefix``
        One URL segment (``"forum"``) or None. The core mounts the plugin's
        ``urls`` module under ``/<url_prefix>/`` inside the language prefix
        (namespace: the label) and its ``neutral_urls`` module under the same
        prefix outside it (namespace: ``<label>_neutral``). Unique among
        plugins and the core's routes; no page under a site root may take it
        as its slug.
    ``requires_apps``
        Extra Django apps the plugin needs; discovery adds them to
        ``INSTALLED_APPS`` after the plugins, so that the plugin's templates
        and static files override theirs.
    ``requires_modules``
        Import names of optional dependencies; when one is missing the plugin
        is unavailable (a warning), or start-up fails if ``MUSENOR_PLUGINS``
        names it.
    ``middleware``, ``context_processors``
        Dotted paths added after the core's.
    ``template_dirs``, ``static_dirs``
        Directories added to ``TEMPLATES[0]["DIRS"]`` and ``STATICFILES_DIRS``
        (a path, or ``"package:sub/dir"`` inside an installed package), for a
        wrapped library that expects them there (django-machina).
    ``extra_settings``
        Settings a wrapped library needs (``{"MACHINA_…": …}``); they may not
        redefine a setting of the core or of Django, and two plugins may not
        set one differently.
    ``settings_schema``
        The plugin's own typed settings: ``{"KEY": Setting(int, default=7)}``,
        read from ``MUSENOR_<PLUGIN>_<KEY>`` and overridden by
        ``MUSENOR_PLUGIN_SETTINGS["<plugin name>"]``. Read them with
        :meth:`get_setting`.
    ``default_settings``
        Plugin API 1: ``{"KEY": default}``, still read as optional settings
        typed after their defaults.
    ``plugin_name``
        The entry-point name, which keys ``MUSENOR_PLUGIN_SETTINGS``; found
        from the installed entry points, else the last part of the module path.

    ``ready()`` registers signals and checks; it never queries the database.
    """

    plugin_api = ">=2,<3"
    url_prefix: str | None = None
    requires_apps: tuple[str, ...] | list[str] = ()
    requires_modules: tuple[str, ...] | list[str] = ()
    middleware: tuple[str, ...] | list[str] = ()
    context_processors: tuple[str, ...] | list[str] = ()
    template_dirs: tuple = ()
    static_dirs: tuple = ()
    extra_settings: dict = {}
    settings_schema: dict = {}
    default_settings: dict = {}
    plugin_name = None
    # Short text for `manage.py plugins` and the docs.
    description = ""

    def __init__(self, app_name, app_module):
        super().__init__(app_name, app_module)
        if self.plugin_name is None:
            self.plugin_name = _entry_point_name(type(self)) or self.name.rsplit(".", 1)[-1]

    @classmethod
    def get_settings_schema(cls):
        """``{KEY: Setting}``: ``settings_schema`` with ``default_settings`` folded in."""
        return schema_of(cls)

    @property
    def plugin_settings(self):
        """Every setting of the plugin: default, then environment, then MUSENOR_PLUGIN_SETTINGS."""
        schema = self.get_settings_schema()
        values = {
            key: setting.default_value for key, setting in schema.items() if not setting.required
        }
        values.update(getattr(settings, "MUSENOR_PLUGIN_ENVIRONMENT", {}).get(self.plugin_name, {}))
        values.update(getattr(settings, "MUSENOR_PLUGIN_SETTINGS", {}).get(self.plugin_name, {}))
        return values

    def missing_settings(self):
        """The required settings that neither the environment nor the site sets."""
        values = self.plugin_settings
        return [
            key
            for key, setting in self.get_settings_schema().items()
            if setting.required and key not in values
        ]

    def get_setting(self, key):
        """Return one of this plugin's settings (site override, environment, else default)."""
        if key not in self.get_settings_schema():
            raise KeyError(
                f"{key!r} is not a setting of the plugin {self.plugin_name!r}; "
                f"declare it in settings_schema."
            )
        values = self.plugin_settings
        if key not in values:
            raise ImproperlyConfigured(
                f"The plugin {self.plugin_name!r} needs the setting {key}: set the "
                f"environment variable {variable_name(self.plugin_name, key)}."
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
