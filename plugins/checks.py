"""System checks of the plugins' contracts (musenor_plugins.E001 …).

The check looks at the ``PluginConfig`` instances among ``app_configs`` (the
apps ``manage.py check`` was asked about, or every installed app), so tests can
pass it configs of their own.
"""

from django.apps import apps
from django.core import checks
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from .base import PLUGIN_API_VERSION, PluginConfig
from .schema import schema_problems, variable_name


@checks.register()
def check_plugin_contracts(app_configs=None, **kwargs):
    if app_configs is None:
        app_configs = apps.get_app_configs()
    errors = []
    for config in app_configs:
        if not isinstance(config, PluginConfig):
            continue
        where = f"{config.name}.apps.{type(config).__name__}"
        try:
            supported = SpecifierSet(config.plugin_api)
        except InvalidSpecifier:
            errors.append(
                checks.Error(
                    f"The plugin {config.plugin_name!r} declares an invalid plugin_api "
                    f"range {config.plugin_api!r}.",
                    hint="Use a version specifier such as '>=2,<3'.",
                    obj=where,
                    id="musenor_plugins.E001",
                )
            )
        else:
            if Version(PLUGIN_API_VERSION) not in supported:
                errors.append(
                    checks.Error(
                        f"The plugin {config.plugin_name!r} supports plugin API "
                        f"{config.plugin_api}, but this portal provides {PLUGIN_API_VERSION}.",
                        hint="Upgrade the plugin, or disable it in MUSENOR_PLUGINS.",
                        obj=where,
                        id="musenor_plugins.E002",
                    )
                )
        installed = {c.name for c in apps.get_app_configs()}
        for required in config.requires_apps:
            # An entry may be a module path or an AppConfig path.
            if required not in installed and required.rsplit(".apps.", 1)[0] not in installed:
                errors.append(
                    checks.Error(
                        f"The plugin {config.plugin_name!r} requires the app {required!r}, "
                        "which is not installed.",
                        obj=where,
                        id="musenor_plugins.E003",
                    )
                )
        schema = getattr(config, "settings_schema", {})
        problems = schema_problems(schema)
        if not isinstance(config.default_settings, dict):
            problems.append("default_settings must be a dict.")
        if problems:
            errors.append(
                checks.Error(
                    f"The settings of the plugin {config.plugin_name!r} are badly declared: "
                    + " ".join(problems),
                    obj=where,
                    id="musenor_plugins.E004",
                )
            )
        else:
            known = config.get_settings_schema()
            overrides = _overrides_for(config.plugin_name)
            unknown = sorted(set(overrides) - set(known))
            if unknown:
                errors.append(
                    checks.Error(
                        f"MUSENOR_PLUGIN_SETTINGS[{config.plugin_name!r}] sets unknown "
                        f"settings: {', '.join(unknown)}.",
                        hint="Known settings: " + (", ".join(sorted(known)) or "(none)"),
                        obj=where,
                        id="musenor_plugins.E005",
                    )
                )
    return errors


def _overrides_for(name):
    from django.conf import settings

    return getattr(settings, "MUSENOR_PLUGIN_SETTINGS", {}).get(name, {})


@checks.register()
def check_reserved_slugs(app_configs=None, **kwargs):
    """Pages created before a plugin took their slug as its URL prefix are unreachable."""
    from .urls import clashing_pages

    return [
        checks.Warning(
            f"The page {page.title!r} (id {page.pk}, {page.url_path}) cannot be reached: "
            f"its slug {page.slug!r} is the URL prefix of {owner}.",
            hint="Change the page's slug in the editor, or disable the plugin.",
            obj=f"page {page.pk}",
            id="musenor_plugins.W001",
        )
        for page, owner in clashing_pages()
    ]


def missing_settings_message(configs):
    """The start-up error for required plugin settings nobody set, or None."""
    lines = []
    for config in configs:
        if not isinstance(config, PluginConfig):
            continue
        for key in config.missing_settings():
            setting = config.get_settings_schema()[key]
            lines.append(
                f"- {variable_name(config.plugin_name, key)} (plugin {config.plugin_name!r}, "
                f"{setting.type_name}){': ' + str(setting.help) if setting.help else ''}"
            )
    if not lines:
        return None
    return (
        "Required plugin settings are not set. Set these environment variables "
        "(or MUSENOR_PLUGIN_SETTINGS[<plugin>][<KEY>]), or disable the plugins in "
        "MUSENOR_PLUGINS:\n" + "\n".join(lines)
    )
