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
        if not isinstance(config.default_settings, dict):
            errors.append(
                checks.Error(
                    f"default_settings of the plugin {config.plugin_name!r} must be a dict.",
                    obj=where,
                    id="musenor_plugins.E004",
                )
            )
        else:
            overrides = _overrides_for(config.plugin_name)
            unknown = sorted(set(overrides) - set(config.default_settings))
            if unknown:
                errors.append(
                    checks.Error(
                        f"MUSENOR_PLUGIN_SETTINGS[{config.plugin_name!r}] sets unknown "
                        f"settings: {', '.join(unknown)}.",
                        hint="Known settings: "
                        + (", ".join(sorted(config.default_settings)) or "(none)"),
                        obj=where,
                        id="musenor_plugins.E005",
                    )
                )
    return errors


def _overrides_for(name):
    from django.conf import settings

    return getattr(settings, "MUSENOR_PLUGIN_SETTINGS", {}).get(name, {})
