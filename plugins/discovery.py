"""Find plugins through their entry points, at settings time.

Settings call :func:`discover_plugins`; it reads the ``musenor.plugins``
entry-point group, keeps the plugins that ``MUSENOR_PLUGINS`` enables and are
available (their ``requires_modules`` import), and returns what they add to the
settings: apps, middleware, context processors, template and static
directories, the settings of the libraries they wrap and their own typed
settings read from the environment. Only a plugin's ``apps`` module is
imported (its contract says that module is importable without models or
settings), to read the config class's attributes without running ``ready()``.
"""

import importlib.util
import logging
import re
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .schema import read_environment, schema_of, schema_problems

ENTRY_POINT_GROUP = "musenor.plugins"

# The first path segments the core's URLconf (musenor.site.urls) uses, besides
# the language prefixes: no plugin may take one as its url_prefix, and no page
# directly under a site root may take one as its slug. tests/test_plugin_urls.py
# checks this list against the URLconf.
CORE_URL_PREFIXES = (
    "_util",  # Wagtail's own (password-protected pages)
    "admin",
    "django-admin",
    "documents",
    "favicon.ico",
    "i18n",
    "lettre",
    "media",
    "membres",
    "notifications",
    "plan-du-site",
    "recherche",
    "robots.txt",
    "sitemap.xml",
    "static",
)
URL_PREFIX = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
SETTING_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")

logger = logging.getLogger("musenor.plugins")


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


def missing_modules(names):
    """The import names among ``names`` that cannot be imported (not installed)."""
    missing = []
    for name in names:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


def load_config_class(plugin):
    """``(config class, None)``, or ``(None, why the plugin is unavailable)``.

    A module that is not installed (``ModuleNotFoundError`` while importing the
    plugin's ``apps`` module, or a name of ``requires_modules``) makes the
    plugin unavailable; any other import error is a broken plugin and stops
    start-up.
    """
    from django.utils.module_loading import import_string

    try:
        config_class = import_string(plugin.app_config)
    except ModuleNotFoundError as exc:
        return None, f"its config {plugin.app_config!r} cannot be imported: {exc}"
    except ImportError as exc:
        raise ImproperlyConfigured(
            f"The plugin {plugin.name!r} is installed but its config "
            f"{plugin.app_config!r} cannot be imported: {exc}"
        ) from exc
    missing = missing_modules(getattr(config_class, "requires_modules", ()))
    if missing:
        return None, f"it needs the Python modules {', '.join(missing)}, which are not installed"
    return config_class, None


def unavailable_reason(plugin):
    """Why an installed plugin cannot be enabled here, or None when it can."""
    return load_config_class(plugin)[1]


def _resolve_dir(entry, plugin_name):
    """A directory of ``template_dirs`` / ``static_dirs``: a path, or ``"package:sub/dir"``.

    The second form names a directory inside an installed package without
    importing it (django-machina's templates: ``"machina:templates/machina"``).
    """
    if isinstance(entry, str) and ":" in entry and not Path(entry).is_absolute():
        package, _, sub = entry.partition(":")
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise ImproperlyConfigured(
                f"The plugin {plugin_name!r} names the directory {entry!r}, "
                f"but {package!r} is not an installed package."
            )
        return str(Path(next(iter(spec.submodule_search_locations))) / sub)
    return str(entry)


@dataclass
class PluginSettings:
    """What the enabled plugins add to the settings (see :meth:`apply`)."""

    names: list = field(default_factory=list)
    unavailable: dict = field(default_factory=dict)  # plugin name -> reason
    apps: list = field(default_factory=list)
    url_prefixes: dict = field(default_factory=dict)  # prefix -> plugin name
    middleware: list = field(default_factory=list)
    context_processors: list = field(default_factory=list)
    template_dirs: list = field(default_factory=list)
    static_dirs: list = field(default_factory=list)
    extra_settings: dict = field(default_factory=dict)
    extra_setting_owners: dict = field(default_factory=dict)  # setting -> plugin name
    environment: dict = field(default_factory=dict)  # plugin name -> {KEY: value}

    def add(self, name, config_class, environ=None):
        def attribute(attr, kind, default):
            value = getattr(config_class, attr, default)
            if value is None:
                return default
            if not isinstance(value, kind):
                wanted = "dict" if kind is dict else "list"
                raise ImproperlyConfigured(
                    f"{attr} of the plugin {name!r} must be a {wanted}, not {value!r}."
                )
            return value

        self.names.append(name)
        prefix = getattr(config_class, "url_prefix", None)
        if prefix is not None:
            if not isinstance(prefix, str) or not URL_PREFIX.match(prefix):
                raise ImproperlyConfigured(
                    f"url_prefix of the plugin {name!r} must be one lower-case URL segment "
                    f"(letters, digits, '-' and '_', no slash), not {prefix!r}."
                )
            if prefix in self.url_prefixes:
                raise ImproperlyConfigured(
                    f"The plugins {self.url_prefixes[prefix]!r} and {name!r} both claim the "
                    f"URL prefix '/{prefix}/'. Disable one in MUSENOR_PLUGINS."
                )
            self.url_prefixes[prefix] = name
        for attr, target in (
            ("middleware", self.middleware),
            ("context_processors", self.context_processors),
        ):
            for path in attribute(attr, (list, tuple), ()):
                if path not in target:
                    target.append(path)
        for entry in attribute("template_dirs", (list, tuple), ()):
            self.template_dirs.append(_resolve_dir(entry, name))
        for entry in attribute("static_dirs", (list, tuple), ()):
            if isinstance(entry, tuple):
                self.static_dirs.append((entry[0], _resolve_dir(entry[1], name)))
            else:
                self.static_dirs.append(_resolve_dir(entry, name))
        for setting, value in attribute("extra_settings", dict, {}).items():
            if not isinstance(setting, str) or not SETTING_NAME.match(setting):
                raise ImproperlyConfigured(
                    f"extra_settings of the plugin {name!r}: {setting!r} is not a setting name."
                )
            if setting in self.extra_settings and self.extra_settings[setting] != value:
                raise ImproperlyConfigured(
                    f"The plugins {self.extra_setting_owners[setting]!r} and {name!r} set "
                    f"{setting} to different values ({self.extra_settings[setting]!r} and "
                    f"{value!r}). Disable one in MUSENOR_PLUGINS."
                )
            self.extra_settings[setting] = value
            self.extra_setting_owners.setdefault(setting, name)
        schema = schema_of(config_class)
        problems = schema_problems(schema)
        if problems:
            raise ImproperlyConfigured(
                f"settings_schema of the plugin {name!r}: " + " ".join(problems)
            )
        self.environment[name] = read_environment(name, schema, environ)

    def apply(self, namespace, replacing=None):
        """Merge these plugins into a settings module's ``namespace`` (its ``globals()``).

        ``namespace`` must already hold the core's ``MIDDLEWARE``, ``TEMPLATES``,
        ``STATICFILES_DIRS`` and ``LANGUAGES``: plugins' middleware and context
        processors go after the core's, their template and static directories
        after the core's own. A plugin may not set a setting the core (or
        Django) already defines. ``replacing`` is a ``PluginSettings`` applied
        before, whose additions are taken out first (the test settings narrow
        the set of plugins that ``base`` applied).
        """
        if replacing is not None:
            replacing._remove(namespace)
        reserved = set(CORE_URL_PREFIXES) | {code for code, _ in namespace.get("LANGUAGES", ())}
        for prefix, name in self.url_prefixes.items():
            if prefix in reserved:
                raise ImproperlyConfigured(
                    f"The plugin {name!r} claims the URL prefix '/{prefix}/', which the core "
                    f"uses. Reserved by the core: {', '.join(sorted(reserved))}."
                )
        from django.conf import global_settings

        for setting in self.extra_settings:
            if setting in namespace or hasattr(global_settings, setting):
                raise ImproperlyConfigured(
                    f"The plugin {self.extra_setting_owners[setting]!r} sets {setting} in its "
                    "extra_settings, but that is a setting of the core or of Django: a plugin "
                    "may only add settings of its own or of the libraries it wraps."
                )
        middleware = [p for p in self.middleware if p not in namespace["MIDDLEWARE"]]
        namespace["MIDDLEWARE"] = [*namespace["MIDDLEWARE"], *middleware]
        templates = [dict(engine) for engine in namespace["TEMPLATES"]]
        django_engine = templates[0]
        options = dict(django_engine.get("OPTIONS", {}))
        core_processors = list(options.get("context_processors", ()))
        processors = [p for p in self.context_processors if p not in core_processors]
        options["context_processors"] = [*core_processors, *processors]
        django_engine["OPTIONS"] = options
        django_engine["DIRS"] = [*django_engine.get("DIRS", ()), *self.template_dirs]
        namespace["TEMPLATES"] = templates
        namespace["STATICFILES_DIRS"] = [*namespace.get("STATICFILES_DIRS", ()), *self.static_dirs]
        namespace["MUSENOR_PLUGIN_ENVIRONMENT"] = self.environment
        namespace.update(self.extra_settings)
        # What was added, for _remove: a middleware the core lists already stays.
        self._added = {"middleware": middleware, "context_processors": processors}
        return self

    def _remove(self, namespace):
        added = getattr(self, "_added", {"middleware": [], "context_processors": []})
        namespace["MIDDLEWARE"] = [
            p for p in namespace["MIDDLEWARE"] if p not in added["middleware"]
        ]
        templates = [dict(engine) for engine in namespace["TEMPLATES"]]
        engine = templates[0]
        options = dict(engine.get("OPTIONS", {}))
        options["context_processors"] = [
            p for p in options.get("context_processors", ()) if p not in added["context_processors"]
        ]
        engine["OPTIONS"] = options
        engine["DIRS"] = [d for d in engine.get("DIRS", ()) if d not in self.template_dirs]
        namespace["TEMPLATES"] = templates
        namespace["STATICFILES_DIRS"] = [
            d for d in namespace.get("STATICFILES_DIRS", ()) if d not in self.static_dirs
        ]
        for setting in self.extra_settings:
            namespace.pop(setting, None)


def discover_plugins(selection=None, environ=None, *, strict=None):
    """Return the :class:`PluginSettings` of the plugins ``selection`` enables.

    ``selection`` is a list of plugin names (``MUSENOR_PLUGINS``), or None for
    every installed plugin. A plugin whose optional dependencies
    (``requires_modules``) are missing is left out with a logged warning, or
    stops start-up when ``selection`` names it (``strict``, by default whether
    a selection is given). ``environ`` defaults to ``os.environ``.
    """
    strict = selection is not None if strict is None else strict
    found = PluginSettings()
    plugin_apps, required_apps = [], []
    for plugin in enabled_plugins(selection):
        config_class, reason = load_config_class(plugin)
        if reason:
            if strict:
                raise ImproperlyConfigured(
                    f"The plugin {plugin.name!r} is listed in MUSENOR_PLUGINS but {reason}. "
                    f"Install them (for a plugin of the portal itself: "
                    f"pip install 'musenor-portal[{plugin.name}]'), or remove "
                    f"{plugin.name!r} from MUSENOR_PLUGINS."
                )
            logger.warning("The plugin %r is unavailable: %s.", plugin.name, reason)
            found.unavailable[plugin.name] = reason
            continue
        found.add(plugin.name, config_class, environ)
        plugin_apps.append(plugin.app_config)
        for extra in getattr(config_class, "requires_apps", ()):
            if extra not in required_apps:
                required_apps.append(extra)
    # Plugins come before the apps they require, so that with APP_DIRS a
    # plugin's templates and static files override theirs (Django's app
    # template loader and static finder take the first app that has the file).
    found.apps = plugin_apps + [app for app in required_apps if app not in plugin_apps]
    return found


def plugin_apps(selection=None):
    """The ``INSTALLED_APPS`` entries of the enabled plugins (see :func:`discover_plugins`)."""
    return discover_plugins(selection).apps
