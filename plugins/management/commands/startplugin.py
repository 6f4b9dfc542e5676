"""``manage.py startplugin NAME``: scaffold a plugin as a distribution of its own.

The files come from ``musenor/plugins/scaffold``: every ``*-tpl`` file is
rendered with :class:`string.Template` (``$name``, ``$package``, …; ``$$`` for
a dollar sign) and written without its ``-tpl`` suffix, the folder named
``package`` becoming the plugin's package.
"""

import keyword
import re
from importlib.util import find_spec
from pathlib import Path
from string import Template

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from musenor.plugins.discovery import installed_plugins

SCAFFOLD = Path(__file__).resolve().parents[2] / "scaffold"
SUFFIX = "-tpl"
PACKAGE_FOLDER = "package"
NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


def plugin_names(name):
    """The names derived from the plugin's name, as the templates use them."""
    package = f"musenor_{name}"
    return {
        "name": name,
        "package": package,
        "label": package,
        "distribution": f"musenor-{name.replace('_', '-')}",
        "config_class": "".join(part.capitalize() for part in name.split("_")) + "Config",
        "title": name.replace("_", " ").capitalize(),
        "url_prefix": name.replace("_", "-"),
        "upper_name": name.upper(),
    }


def check_name(name):
    """Raise CommandError unless ``name`` can name a new plugin."""
    if not NAME.match(name) or keyword.iskeyword(name):
        raise CommandError(
            _(
                "%(name)r is not a valid plugin name: it must be a Python identifier "
                "in lowercase ASCII letters, digits and underscores, starting with a letter."
            )
            % {"name": name}
        )
    package = f"musenor_{name}"
    for module in (name, package):
        if find_spec(module) is not None:
            raise CommandError(
                _(
                    "The name %(name)r clashes with the existing module %(module)s; "
                    "choose another name."
                )
                % {"name": name, "module": module}
            )
    if any(plugin.name == name for plugin in installed_plugins()):
        raise CommandError(_("A plugin named %(name)r is already installed.") % {"name": name})
    if package in {config.label for config in apps.get_app_configs()}:
        raise CommandError(
            _("The app label %(label)s is already taken; choose another name.") % {"label": package}
        )


def render_scaffold(target, names):
    """Write the rendered scaffold into ``target``; return the files written."""
    written = []
    for source in sorted(SCAFFOLD.rglob(f"*{SUFFIX}")):
        parts = list(source.relative_to(SCAFFOLD).parts)
        parts = [names["package"] if part == PACKAGE_FOLDER else part for part in parts]
        parts[-1] = parts[-1].removesuffix(SUFFIX)
        if parts[-1] == "test_plugin.py":
            parts[-1] = f"test_{names['name']}.py"
        destination = target.joinpath(*parts)
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = Template(source.read_text(encoding="utf-8")).substitute(names)
        destination.write_text(text, encoding="utf-8")
        written.append(destination)
    return written


class Command(BaseCommand):
    @property
    def help(self):
        # argparse wants a real string: translated when the parser is built.
        return _(
            "Create a new plugin as a distribution of its own: pyproject.toml with the "
            "musenor.plugins entry point, a package with its contract, two portal hooks, "
            "a page and its template, and tests."
        )

    def add_arguments(self, parser):
        parser.add_argument(
            "name",
            help=_("The plugin's name (its entry point); its package is musenor_<name>."),
        )
        parser.add_argument(
            "--directory",
            help=_("Where to create the distribution (default: ./musenor-<name>)."),
        )

    def handle(self, *args, name, directory=None, **options):
        check_name(name)
        names = plugin_names(name)
        target = Path(directory or names["distribution"]).resolve()
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise CommandError(
                _("%(directory)s already exists and is not an empty folder.")
                % {"directory": target}
            )
        written = render_scaffold(target, names)
        if options["verbosity"] >= 2:
            for path in written:
                self.stdout.write(str(path.relative_to(target)))
        self.stdout.write(
            self.style.SUCCESS(
                _("Created the plugin %(name)s in %(directory)s.")
                % {"name": name, "directory": target}
            )
        )
        self.stdout.write(
            _(
                "Next: install it with `pip install -e %(directory)s`, check it with "
                "`manage.py plugins`, and run its tests with `python -m pytest` in its folder."
            )
            % {"directory": target}
        )
