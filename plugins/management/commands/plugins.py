"""``manage.py plugins``: the installed plugins, enabled or not, and their portal hooks."""

import json

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from musenor.plugins.base import PluginConfig
from musenor.plugins.discovery import installed_plugins
from musenor.plugins.manager import implemented_hooks


def _enabled_config(plugin, configs):
    """The loaded AppConfig of ``plugin`` (a DiscoveredPlugin), or None when it is disabled."""
    for config in configs:
        cls = type(config)
        if f"{cls.__module__}.{cls.__qualname__}" == plugin.app_config:
            return config
    # The entry point may name the class through another module (a re-export).
    try:
        config_class = import_string(plugin.app_config)
    except ImportError:
        return None
    return next((config for config in configs if type(config) is config_class), None)


def _declared_label(plugin):
    """The label a disabled plugin's config class declares (None if it cannot be read)."""
    try:
        config_class = import_string(plugin.app_config)
    except ImportError:
        return None
    return getattr(config_class, "label", None)


def plugin_rows():
    """One dict per installed plugin, sorted by entry-point name."""
    configs = [config for config in apps.get_app_configs() if isinstance(config, PluginConfig)]
    rows = []
    for plugin in installed_plugins():
        config = _enabled_config(plugin, configs)
        label = config.label if config else _declared_label(plugin)
        rows.append(
            {
                "name": plugin.name,
                "distribution": plugin.distribution,
                "version": plugin.version,
                "enabled": config is not None,
                "label": label,
                # Only an enabled plugin's musenor_hooks module is registered.
                "hooks": implemented_hooks(config.label) if config else [],
            }
        )
    return rows


class Command(BaseCommand):
    @property
    def help(self):
        # argparse wants a real string: translated when the parser is built.
        return _(
            "List the installed plugins: version, whether they are enabled, "
            "and the portal hooks they implement."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "--json",
            action="store_true",
            dest="as_json",
            help=_("Print the list as JSON."),
        )

    def handle(self, *args, as_json=False, **options):
        rows = plugin_rows()
        if as_json:
            self.stdout.write(json.dumps(rows, indent=2))
            return
        if not rows:
            self.stdout.write(_("No plugin is installed."))
            return
        # A context keeps Django's own catalogs from translating these words.
        header = [
            pgettext("plugins table", "Name"),
            pgettext("plugins table", "Version"),
            pgettext("plugins table", "Distribution"),
            pgettext("plugins table", "Enabled"),
            pgettext("plugins table", "Hooks"),
        ]
        lines = [
            [
                row["name"],
                row["version"],
                row["distribution"],
                (
                    pgettext("plugins table", "yes")
                    if row["enabled"]
                    else pgettext("plugins table", "no")
                ),
                ", ".join(row["hooks"]) or "-",
            ]
            for row in rows
        ]
        widths = [max(len(line[i]) for line in [header, *lines]) for i in range(len(header))]
        for line in [header, *lines]:
            self.stdout.write(
                "  ".join(
                    cell.ljust(width) for cell, width in zip(line, widths, strict=True)
                ).rstrip()
            )
