"""Find plugins through their entry points, at settings time.

Settings call :func:`plugin_apps`; it reads the ``musenor.plugins`` entry-point
group, keeps the plugins that ``MUSENOR_PLUGINS`` enables and returns what to
add to ``INSTALLED_APPS``. Only a plugin's ``apps`` module is imported (its
contract says that module is importable without models or settings), to read
``requires_apps`` from the config class without running ``ready()``.
"""

from dataclasses import dataclass
from importlib.metadata import entry_points

from django.core.exceptions import ImproperlyConfigured

ENTRY_POINT_GROUP = "musenor.plugins"


@dataclass(frozen=True)
class DiscoveredPlugin:
    name: str
    app_config: str  # dotted path of the AppConfig class
    distribution: str
    version: str


def installed_plugins():
    """Return every installed plugin, enabled or not, sorted by name."""
    found = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        module, _, attr = ep.value.partition(":")
        if not attr:
            raise ImproperlyConfigured(
                f"The plugin entry point {ep.name!r} must name an AppConfig class "
                f"as 'package.apps:ConfigClass', not {ep.value!r}."
            )
        dist = ep.dist
        found[ep.name] = DiscoveredPlugin(
            name=ep.name,
            app_config=f"{module}.{attr}",
            distribution=dist.metadata["Name"] if dist else "",
            version=dist.version if dist else "",
        )
    return [found[name] for name in sorted(found)]


# The distribution of the portal itself: its built-in plugins declare their
# entry points in its pyproject.toml.
PORTAL_DISTRIBUTION = "musenor-portal"


def portal_plugin_names():
    """The names of the portal's own built-in plugins (not third-party ones)."""
    plugins = installed_plugins()
    return [plugin.name for plugin in plugins if plugin.distribution == PORTAL_DISTRIBUTION]


def enabled_plugins(selection=None):
    """The installed plugins that ``selection`` (names, or None for all) enables."""
    installed = installed_plugins()
    if selection is None:
        return installed
    by_name = {plugin.name: plugin for plugin in installed}
    missing = [name for name in selection if name not in by_name]
    if missing:
        raise ImproperlyConfigured(
            "MUSENOR_PLUGINS lists plugins that are not installed: "
            f"{', '.join(missing)}. Installed plugins: "
            f"{', '.join(by_name) or '(none)'}."
        )
    return [by_name[name] for name in selection]


def plugin_apps(selection=None):
    """Return the ``INSTALLED_APPS`` entries for the enabled plugins.

    Each plugin contributes the apps it requires (first, unless already listed)
    and then its own AppConfig.
    """
    from django.utils.module_loading import import_string

    apps = []
    for plugin in enabled_plugins(selection):
        try:
            config_class = import_string(plugin.app_config)
        except ImportError as exc:
            raise ImproperlyConfigured(
                f"The plugin {plugin.name!r} is installed but its config "
                f"{plugin.app_config!r} cannot be imported: {exc}"
            ) from exc
        for extra in getattr(config_class, "requires_apps", ()):
            if extra not in apps:
                apps.append(extra)
        apps.append(plugin.app_config)
    return apps
