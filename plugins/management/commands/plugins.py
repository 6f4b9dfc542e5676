"""``manage.py plugins``: the installed plugins, enabled or not, and their portal hooks."""

import json

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from musenor.plugins.base import PluginConfig
from musenor.plugins.discovery import installed_plugins, load_config_class
from musenor.plugins.manager import implemented_hooks
from musenor.plugins.purge import PurgeError, purge_plan
from musenor.plugins.purge import purge as delete_plugin_content
from musenor.plugins.schema import variable_name


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


def _settings_rows(config_class, plugin_name):
    """The plugin's typed settings, for ``--plugin-settings``."""
    if config_class is None or not issubclass(config_class, PluginConfig):
        return []
    return [
        {
            "key": key,
            "variable": variable_name(plugin_name, key),
            "type": setting.type_name,
            "required": setting.required,
            "default": None if setting.required else setting.default_value,
            "help": str(setting.help),
        }
        for key, setting in sorted(config_class.get_settings_schema().items())
    ]


def plugin_rows(with_settings=False):
    """One dict per installed plugin, sorted by entry-point name."""
    configs = [config for config in apps.get_app_configs() if isinstance(config, PluginConfig)]
    rows = []
    for plugin in installed_plugins():
        config = _enabled_config(plugin, configs)
        if config:
            config_class, reason = type(config), None
        else:
            config_class, reason = load_config_class(plugin)
        label = config.label if config else _declared_label(plugin)
        row = {
            "name": plugin.name,
            "distribution": plugin.distribution,
            "version": plugin.version,
            "enabled": config is not None,
            # Unavailable: an optional dependency (requires_modules) is missing.
            "available": reason is None,
            "unavailable_reason": reason,
            "label": label,
            "url_prefix": getattr(config_class, "url_prefix", None),
            # Only an enabled plugin's musenor_hooks module is registered.
            "hooks": implemented_hooks(config.label) if config else [],
        }
        if with_settings:
            row["settings"] = _settings_rows(config_class, plugin.name)
        rows.append(row)
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
        # Not --settings: Django's own option names the settings module.
        parser.add_argument(
            "--plugin-settings",
            action="store_true",
            dest="with_settings",
            help=_(
                "Also print each plugin's typed settings: the environment variable, "
                "type, default and help of each."
            ),
        )

        parser.add_argument(
            "--purge",
            metavar="NAME",
            help=_(
                "Delete the content of the switched-off plugin NAME (tables, content types, "
                "permissions, pages, blocks in pages), after listing it."
            ),
        )
        parser.add_argument(
            "--yes",
            action="store_true",
            help=_("With --purge: delete without asking for confirmation."),
        )

    def handle(self, *args, as_json=False, with_settings=False, purge=None, yes=False, **options):
        if purge:
            return self.purge_plugin(purge, yes)
        rows = plugin_rows(with_settings=with_settings)
        if as_json:
            self.stdout.write(json.dumps(rows, indent=2, default=str))
            return
        if not rows:
            self.stdout.write(_("No plugin is installed."))
            return
        self.write_table(rows)
        for row in rows:
            if not row["available"]:
                self.stdout.write(
                    _("%(name)s is unavailable: %(reason)s.")
                    % {"name": row["name"], "reason": row["unavailable_reason"]}
                )
        if with_settings:
            self.write_settings(rows)

    def write_settings(self, rows):
        for row in rows:
            self.stdout.write("")
            self.stdout.write(_("Settings of %(name)s:") % {"name": row["name"]})
            if not row["settings"]:
                self.stdout.write("  " + _("(none)"))
            for setting in row["settings"]:
                if setting["required"]:
                    status = _("required")
                else:
                    status = _("default: %(value)r") % {"value": setting["default"]}
                self.stdout.write(f"  {setting['variable']}  ({setting['type']}, {status})")
                if setting["help"]:
                    self.stdout.write(f"      {setting['help']}")

    def write_table(self, rows):
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
                    if row["available"]
                    else pgettext("plugins table", "unavailable")
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

    def purge_plugin(self, name, yes):
        try:
            plan = purge_plan(name)
        except PurgeError as exc:
            raise CommandError(str(exc)) from exc
        if plan.is_empty:
            self.stdout.write(_("The plugin %(name)s left nothing to delete.") % {"name": name})
            return
        self.stdout.write(
            _("Purging the plugin %(name)s (app %(label)s) deletes:")
            % {"name": name, "label": plan.label}
        )
        for table, rows in plan.tables:
            self.stdout.write(
                "  " + _("table %(table)s: %(rows)d rows") % {"table": table, "rows": rows}
            )
        if plan.content_types:
            self.stdout.write(
                "  "
                + _("%(count)d content types (%(models)s) and their %(permissions)d permissions")
                % {
                    "count": len(plan.content_types),
                    "models": ", ".join(ct.model for ct in plan.content_types),
                    "permissions": plan.permission_count,
                }
            )
        for page in plan.pages:
            self.stdout.write(
                "  "
                + _("page “%(title)s” (id %(id)d) and its %(descendants)d subpages")
                % {"title": page.title, "id": page.pk, "descendants": page.get_descendant_count()}
            )
        for use in plan.blocks:
            self.stdout.write(
                "  "
                + _("%(count)d “plugin content” blocks in the page “%(title)s” (id %(id)d)")
                % {"count": use.count, "title": use.page.title, "id": use.page.pk}
            )
        if plan.migration_count:
            self.stdout.write(
                "  "
                + _("%(count)d applied migrations (records only)") % {"count": plan.migration_count}
            )
        if not yes:
            answer = input(_("Delete all this? Type 'yes' to confirm: "))
            if answer.strip().lower() not in {"yes", pgettext("confirmation", "yes")}:
                self.stdout.write(_("Nothing was deleted."))
                return
        delete_plugin_content(plan)
        self.stdout.write(self.style.SUCCESS(_("The plugin %(name)s was purged.") % {"name": name}))
