"""The documentation is complete: checked against the code, not trusted."""

import ast
import inspect
import re
from pathlib import Path

from musenor.plugins import hookspecs

ROOT = Path(__file__).resolve().parents[1]


# --- Hook specs (docs/plugins.md) ------------------------------------------------
#
# Every pluggy hook spec of musenor.plugins.hookspecs (a function carrying the
# spec marker, attribute ``musenor_spec``) has a heading "### `name(arg1, arg2)`"
# in docs/plugins.md with its exact signature, and every such heading names an
# existing spec.

PLUGINS_DOC = ROOT / "docs" / "plugins.md"
HOOK_HEADING = re.compile(r"^### `(?P<name>\w+)(?P<signature>\(.*\))`[ \t]*$", re.MULTILINE)


def hook_specs():
    """``{name: "(arg1, arg2)"}`` for each hook spec of musenor.plugins.hookspecs."""
    return {
        name: str(inspect.signature(function))
        for name, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, "musenor_spec")
    }


def hook_doc_problems(text, specs):
    """What is wrong with the hook headings of ``text`` against ``specs``, one line each."""
    problems = []
    documented = {}
    for match in HOOK_HEADING.finditer(text):
        name = match["name"]
        if name in documented:
            problems.append(f"{name} is documented twice")
        documented[name] = match["signature"]
    for name, signature in sorted(specs.items()):
        if name not in documented:
            problems.append(f"{name}{signature} is not documented")
        elif documented[name] != signature:
            problems.append(
                f"{name} is documented as {name}{documented[name]}, not {name}{signature}"
            )
    for name in sorted(documented.keys() - specs.keys()):
        problems.append(f"{name}{documented[name]} is documented but is no hook spec")
    return problems


def test_every_hook_is_documented_with_its_signature():
    specs = hook_specs()
    # The marker is found: the check is not vacuous.
    assert {"register_public_urls", "menu_items", "load_demo_data"} <= specs.keys()
    assert specs["load_demo_data"] == "(site, seed, stdout)"
    assert hook_doc_problems(PLUGINS_DOC.read_text(encoding="utf-8"), specs) == []


def test_the_hook_check_reports_missing_wrong_and_unknown_hooks():
    specs = {"menu_items": "(request)", "search_providers": "()", "embeddable_blocks": "()"}
    text = (
        "### `menu_items(user)`\n\nText.\n\n"
        "### `embeddable_blocks()`\n\n"
        "### `embeddable_blocks()`\n\n"
        "### `menu_itemz(request)`\n"
    )
    assert hook_doc_problems(text, specs) == [
        "embeddable_blocks is documented twice",
        "menu_items is documented as menu_items(user), not menu_items(request)",
        "search_providers() is not documented",
        "menu_itemz(request) is documented but is no hook spec",
    ]


# --- Environment variables (docs/settings.md) ------------------------------------
#
# Every environment variable the portal reads is named literally in a call to
# the helpers of site/settings/env.py (env, env_bool, env_list, env_int) or to
# os.environ / os.getenv, in the code of the package folders. Tests are left
# out: docs/settings.md is for the people who run the portal.

PACKAGE_FOLDERS = ["site", "pages", "plugins", "streamfields", "search"]
ENV_HELPER = re.compile(r"^env(_[a-z]+)?$")
ENV_HELPERS_MODULE = ROOT / "site" / "settings" / "env.py"
# Reads MUSENOR_<PLUGIN>_<KEY> for each plugin's settings_schema: the names are
# computed, and checked below against the enabled plugins' schemas instead.
PLUGIN_SETTINGS_MODULE = ROOT / "plugins" / "schema.py"
SETTINGS_DOC = ROOT / "docs" / "settings.md"
# A documented variable is a table row whose first cell is its name in backticks.
DOCUMENTED_ROW = re.compile(r"^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|", re.MULTILINE)


def _is_environ(node):
    """``os.environ``, or ``environ`` imported from os (not ``request.environ``)."""
    if isinstance(node, ast.Attribute):
        return node.attr == "environ" and isinstance(node.value, ast.Name) and node.value.id == "os"
    return isinstance(node, ast.Name) and node.id == "environ"


class EnvironmentReads(ast.NodeVisitor):
    """Collect the environment variables that one module reads."""

    def __init__(self, where):
        self.where = where
        self.names = {}  # name -> first line that reads it
        self.dynamic = []  # reads whose name is not a string literal

    def record(self, node, line):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            self.names.setdefault(node.value, line)
        else:
            self.dynamic.append(f"{self.where}:{line}")

    def visit_Call(self, node):
        func = node.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        reads = (
            (called and ENV_HELPER.match(called))
            or called == "getenv"
            or (
                isinstance(func, ast.Attribute)
                and called in ("get", "setdefault", "pop")
                and _is_environ(func.value)
            )
        )
        if reads:
            named = node.args[0] if node.args else None
            named = named or next((kw.value for kw in node.keywords if kw.arg == "name"), None)
            self.record(named, node.lineno)
        self.generic_visit(node)

    def visit_Subscript(self, node):
        if _is_environ(node.value):
            self.record(node.slice, node.lineno)
        self.generic_visit(node)

    def visit_Compare(self, node):
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.In | ast.NotIn) and _is_environ(right):
                self.record(node.left, node.lineno)
        self.generic_visit(node)


def project_modules():
    for folder in PACKAGE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "tests" in parts or path.name == "conftest.py":
                continue
            yield path


def environment_reads():
    """Return ({name: [where it is read]}, [reads with a computed name])."""
    names, dynamic = {}, []
    for path in project_modules():
        where = str(path.relative_to(ROOT))
        visitor = EnvironmentReads(where)
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=where))
        for name, line in visitor.names.items():
            names.setdefault(name, []).append(f"{where}:{line}")
        if path not in (ENV_HELPERS_MODULE, PLUGIN_SETTINGS_MODULE):
            dynamic += visitor.dynamic
    return names, dynamic


def documented_variables():
    return set(DOCUMENTED_ROW.findall(SETTINGS_DOC.read_text(encoding="utf-8")))


def test_environment_reads_are_found():
    # Guards the scanner itself: these reads are known to exist.
    names, _ = environment_reads()
    for name in ("SECRET_KEY", "DATABASE_URL", "MUSENOR_PLUGINS", "DJANGO_SETTINGS_MODULE"):
        assert name in names, f"the scanner no longer sees {name}"


def test_environment_scanner_sees_every_form_of_read():
    source = (
        'env("A")\nenv_bool("B", True)\nsettings_env.env_list("C")\nenv_int(name="D")\n'
        'os.environ["E"]\nos.environ.get("F")\nos.getenv("G")\n"H" in os.environ\n'
        'os.environ.setdefault("I", "x")\nenv(computed)\nos.environ.get("X".lower())\n'
        'request.environ.get("HTTP_HOST")\nrequest.environ["REMOTE_ADDR"]\n'
    )
    visitor = EnvironmentReads("example.py")
    visitor.visit(ast.parse(source))
    assert sorted(visitor.names) == list("ABCDEFGHI")
    assert visitor.dynamic == ["example.py:10", "example.py:11"]


def test_every_environment_variable_is_named_literally():
    _, dynamic = environment_reads()
    assert not dynamic, (
        "Environment variables must be named with a string literal, so that "
        f"docs/settings.md can be checked against the code: {dynamic}"
    )


def plugin_setting_variables(configs):
    """``{MUSENOR_<PLUGIN>_<KEY>: plugin name}`` for the typed settings of ``configs``."""
    from musenor.plugins.base import PluginConfig
    from musenor.plugins.schema import variable_name

    return {
        variable_name(config.plugin_name, key): config.plugin_name
        for config in configs
        if isinstance(config, PluginConfig)
        for key in config.get_settings_schema()
    }


def enabled_plugin_variables():
    from django.apps import apps

    return plugin_setting_variables(apps.get_app_configs())


def test_every_environment_variable_is_documented():
    names, _ = environment_reads()
    # The typed settings of the enabled (built-in) plugins are read from the
    # environment too, and documented in the same table.
    for name, plugin in enabled_plugin_variables().items():
        names.setdefault(name, [f"settings_schema of the plugin {plugin!r}"])
    documented = documented_variables()
    undocumented = {name: where for name, where in sorted(names.items()) if name not in documented}
    assert not undocumented, (
        "Read by the code but missing from docs/settings.md (add a table row "
        f"starting with | `NAME` |): {undocumented}"
    )
    stale = sorted(documented - set(names))
    assert not stale, f"Documented in docs/settings.md but read by no code: {stale}"


def test_plugin_settings_are_named_after_the_plugin():
    """What the check above adds for each enabled plugin (none may be built in yet)."""
    from types import ModuleType

    from musenor.plugins import PluginConfig, Setting

    config_class = type(
        "ForumConfig",
        (PluginConfig,),
        {
            "name": "musenor_forum",
            "label": "musenor_forum",
            "path": "/nonexistent",
            "plugin_name": "forum",
            "settings_schema": {"DIGEST_HOUR": Setting(int, default=7)},
            "default_settings": {"PAGE_SIZE": 20},
        },
    )
    config = config_class("musenor_forum", ModuleType("musenor_forum"))
    assert plugin_setting_variables([config]) == {
        "MUSENOR_FORUM_DIGEST_HOUR": "forum",
        "MUSENOR_FORUM_PAGE_SIZE": "forum",
    }


# --- The docs map and links (docs/index.md) ----------------------------------------

DOCS = ROOT / "docs"
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_docs_index_lists_every_page():
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    linked = {target.split("#")[0] for target in MARKDOWN_LINK.findall(index)}
    pages = {path.name for path in DOCS.glob("*.md")} - {"index.md"}
    missing = sorted(pages - linked)
    assert not missing, f"docs/index.md does not list: {missing}"


def test_links_between_documents_resolve():
    broken = []
    for document in [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]:
        text = document.read_text(encoding="utf-8")
        for target in MARKDOWN_LINK.findall(text):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                continue  # a web address, or a place in the same page
            path = target.split("#")[0]
            if not (document.parent / path).exists():
                broken.append(f"{document.relative_to(ROOT)} -> {target}")
    assert not broken, f"links to files that do not exist: {broken}"
