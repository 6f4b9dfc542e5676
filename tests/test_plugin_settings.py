"""What a plugin declares at settings time (plugin API 2), as discovery and the core use it.

Plugins here are small distributions written into a temporary folder put on
``sys.path`` (importlib.metadata finds their entry points there), read by
``discover_plugins`` in this process; start-up itself is checked in
subprocesses, as ``tests/test_plugin_contract.py`` does.
"""

import itertools
import logging
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from musenor.plugins.discovery import CORE_URL_PREFIXES, discover_plugins

_numbers = itertools.count()


def write_plugin(folder, name, body="", *, package=None):
    """A plugin distribution ``name`` in ``folder``; ``body`` goes into its config class."""
    package = package or f"musenor_{name}_{next(_numbers)}"
    (folder / package).mkdir()
    (folder / package / "__init__.py").write_text("")
    (folder / package / "apps.py").write_text(
        "from musenor.plugins import PluginConfig, Setting  # noqa: F401\n\n\n"
        f"class Config(PluginConfig):\n    name = {package!r}\n    label = {package!r}\n"
        + textwrap.indent(textwrap.dedent(body), "    ")
        + "\n"
    )
    dist_info = folder / f"{package}-0.1.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 0.1.0\n")
    (dist_info / "entry_points.txt").write_text(
        f"[musenor.plugins]\n{name} = {package}.apps:Config\n"
    )
    return package


@pytest.fixture
def plugins_folder(tmp_path, monkeypatch):
    """A folder on sys.path for plugin distributions; write them, then call the fixture."""

    def activate():
        monkeypatch.syspath_prepend(str(tmp_path))
        return tmp_path

    return activate


def core_namespace():
    """The part of a settings module that ``PluginSettings.apply`` merges into."""
    return {
        "LANGUAGES": [("fr", "Français"), ("en", "English"), ("nl", "Nederlands")],
        "MIDDLEWARE": ["django.middleware.common.CommonMiddleware"],
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [],
                "APP_DIRS": True,
                "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
            }
        ],
        "STATICFILES_DIRS": [],
        "WAGTAIL_SITE_NAME": "Musenor",
    }


# --- Discovery: what plugins add to the settings ------------------------------------


def test_plugins_add_middleware_context_processors_directories_and_settings(plugins_folder):
    root = plugins_folder()
    board = write_plugin(
        root,
        "board",
        """\
        requires_apps = ["mptt", "haystack"]
        middleware = ["board.middleware.Permissions", "django.middleware.common.CommonMiddleware"]
        context_processors = ["board.context.metadata"]
        template_dirs = ["/srv/overrides", "logging:templates"]
        static_dirs = [("board", "/srv/board-static")]
        extra_settings = {"MACHINA_MARKUP_LANGUAGE": None, "HAYSTACK_CONNECTIONS": {"default": {}}}
        settings_schema = {"DIGEST_HOUR": Setting(int, default=7)}
        """,
    )
    skills = write_plugin(
        root,
        "skills",
        """\
        requires_apps = ["haystack", "taggit"]
        extra_settings = {"HAYSTACK_CONNECTIONS": {"default": {}}}
        """,
    )
    found = discover_plugins(["board", "skills"], environ={"MUSENOR_BOARD_DIGEST_HOUR": "6"})
    # Plugins first, then the apps they require: the plugins' templates win (APP_DIRS).
    assert found.apps == [
        f"{board}.apps.Config",
        f"{skills}.apps.Config",
        "mptt",
        "haystack",
        "taggit",
    ]
    namespace = core_namespace()
    found.apply(namespace)
    assert namespace["MIDDLEWARE"] == [
        "django.middleware.common.CommonMiddleware",
        "board.middleware.Permissions",
    ]
    engine = namespace["TEMPLATES"][0]
    assert engine["OPTIONS"]["context_processors"] == [
        "django.template.context_processors.request",
        "board.context.metadata",
    ]
    logging_dir = str(Path(logging.__file__).parent / "templates")
    assert engine["DIRS"] == ["/srv/overrides", logging_dir]
    assert namespace["STATICFILES_DIRS"] == [("board", "/srv/board-static")]
    assert namespace["HAYSTACK_CONNECTIONS"] == {"default": {}}
    assert namespace["MACHINA_MARKUP_LANGUAGE"] is None
    assert namespace["MUSENOR_PLUGIN_ENVIRONMENT"] == {"board": {"DIGEST_HOUR": 6}, "skills": {}}
    # The core's own lists are not changed in place (the test settings reuse them).
    assert core_namespace()["MIDDLEWARE"] == ["django.middleware.common.CommonMiddleware"]

    # The test settings narrow the set: what the dropped plugin added goes away.
    narrowed = discover_plugins(["skills"], environ={}).apply(namespace, replacing=found)
    assert narrowed.apps == [f"{skills}.apps.Config", "haystack", "taggit"]
    assert namespace["MIDDLEWARE"] == ["django.middleware.common.CommonMiddleware"]
    assert "MACHINA_MARKUP_LANGUAGE" not in namespace
    assert namespace["HAYSTACK_CONNECTIONS"] == {"default": {}}
    assert namespace["TEMPLATES"][0]["DIRS"] == []


def test_two_plugins_may_not_set_one_setting_differently(plugins_folder):
    root = plugins_folder()
    write_plugin(root, "board", 'extra_settings = {"HAYSTACK_CONNECTIONS": {"a": 1}}')
    write_plugin(root, "documents", 'extra_settings = {"HAYSTACK_CONNECTIONS": {"b": 2}}')
    with pytest.raises(ImproperlyConfigured) as raised:
        discover_plugins(["board", "documents"], environ={})
    assert "'board' and 'documents' set HAYSTACK_CONNECTIONS to different values" in str(
        raised.value
    )


@pytest.mark.parametrize("setting", ["WAGTAIL_SITE_NAME", "SESSION_COOKIE_AGE", "MIDDLEWARE"])
def test_a_plugin_may_not_override_a_core_or_django_setting(plugins_folder, setting):
    write_plugin(plugins_folder(), "board", f"extra_settings = {{{setting!r}: 1}}")
    found = discover_plugins(["board"], environ={})
    with pytest.raises(ImproperlyConfigured) as raised:
        found.apply(core_namespace())
    assert f"'board' sets {setting} in its extra_settings" in str(raised.value)


def test_a_bad_environment_value_stops_discovery_naming_the_variable(plugins_folder):
    write_plugin(plugins_folder(), "board", 'settings_schema = {"DIGEST_HOUR": Setting(int)}')
    with pytest.raises(ImproperlyConfigured, match="MUSENOR_BOARD_DIGEST_HOUR must be a int"):
        discover_plugins(["board"], environ={"MUSENOR_BOARD_DIGEST_HOUR": "sept"})


# --- URL prefixes ---------------------------------------------------------------------


def test_two_plugins_may_not_claim_one_prefix(plugins_folder):
    root = plugins_folder()
    write_plugin(root, "board", 'url_prefix = "board"')
    write_plugin(root, "agora", 'url_prefix = "board"')
    with pytest.raises(ImproperlyConfigured) as raised:
        discover_plugins(["board", "agora"], environ={})
    assert "'board' and 'agora' both claim the URL prefix '/board/'" in str(raised.value)


@pytest.mark.parametrize("prefix", ["recherche", "admin", "django-admin", "en", "nl"])
def test_a_plugin_may_not_claim_a_core_prefix(plugins_folder, prefix):
    write_plugin(plugins_folder(), "board", f"url_prefix = {prefix!r}")
    found = discover_plugins(["board"], environ={})
    with pytest.raises(ImproperlyConfigured) as raised:
        found.apply(core_namespace())
    assert f"claims the URL prefix '/{prefix}/', which the core uses" in str(raised.value)


@pytest.mark.parametrize("prefix", ["board/oai", "Board", "", "/board"])
def test_a_prefix_is_one_lower_case_segment(plugins_folder, prefix):
    write_plugin(plugins_folder(), "board", f"url_prefix = {prefix!r}")
    with pytest.raises(ImproperlyConfigured, match="one lower-case URL segment"):
        discover_plugins(["board"], environ={})


def first_segments(patterns, into):
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver) and route in ("", "^"):
            first_segments(pattern.url_patterns, into)  # i18n_patterns without a prefix
            continue
        segment = route.lstrip("^").split("/", 1)[0]
        # Literal segments only: Wagtail's catch-all is a regular expression.
        if isinstance(pattern, URLPattern | URLResolver) and re.fullmatch(r"[\w.-]+", segment):
            into.add(segment)
    return into


def test_the_reserved_prefixes_cover_the_core_urlconf(settings):
    """CORE_URL_PREFIXES must list every first segment the core's URLconf serves."""
    from musenor.plugins.base import plugin_configs

    # In the default language, i18n_patterns have no prefix (a test may leave another active).
    with translation.override(settings.LANGUAGE_CODE):
        segments = first_segments(get_resolver().url_patterns, set())
    languages = {code for code, _ in settings.LANGUAGES}
    # The enabled plugins' own prefixes (the built-in forum's /forum/) are theirs.
    plugin_prefixes = {config.url_prefix for config in plugin_configs() if config.url_prefix}
    assert {"admin", "recherche", "robots.txt"} <= segments  # the walk sees the core
    assert segments - languages - plugin_prefixes <= set(CORE_URL_PREFIXES)


# --- Optional dependencies ---------------------------------------------------------------


def test_a_plugin_whose_optional_module_is_missing_is_unavailable(plugins_folder, caplog):
    root = plugins_folder()
    write_plugin(root, "board", 'requires_modules = ["musenor_missing_board_engine", "json"]')
    found = discover_plugins(None, environ={})
    assert found.unavailable == {
        "board": "it needs the Python modules musenor_missing_board_engine, which are not installed"
    }
    assert "board" not in found.names
    assert "The plugin 'board' is unavailable" in caplog.text


def test_a_plugin_named_explicitly_but_unavailable_stops_start_up(plugins_folder):
    write_plugin(plugins_folder(), "board", 'requires_modules = ["musenor_missing_engine"]')
    with pytest.raises(ImproperlyConfigured) as raised:
        discover_plugins(["board"], environ={})
    message = str(raised.value)
    assert "'board' is listed in MUSENOR_PLUGINS but it needs the Python modules" in message
    assert "musenor_missing_engine" in message
    assert "pip install 'musenor-portal[board]'" in message


def test_an_apps_module_importing_a_missing_module_makes_the_plugin_unavailable(plugins_folder):
    root = plugins_folder()
    package = write_plugin(root, "board")
    apps_module = root / package / "apps.py"
    apps_module.write_text("import musenor_missing_engine  # noqa\n" + apps_module.read_text())
    assert "board" in discover_plugins(None, environ={}).unavailable


def test_the_plugins_command_shows_an_unavailable_plugin(plugins_folder):
    from io import StringIO

    from django.core.management import call_command

    write_plugin(plugins_folder(), "board", 'requires_modules = ["musenor_missing_engine"]')
    out = StringIO()
    with translation.override("en"):
        call_command("plugins", stdout=out)
    lines = out.getvalue().splitlines()
    row = next(line.split() for line in lines if line.startswith("board "))
    assert row[3] == "unavailable"
    assert (
        "board is unavailable: it needs the Python modules musenor_missing_engine, "
        "which are not installed." in lines
    )


def test_the_plugins_command_prints_each_plugins_settings(plugins_folder):
    from io import StringIO

    from django.core.management import call_command

    write_plugin(
        plugins_folder(),
        "board",
        """\
        settings_schema = {
            "DIGEST_HOUR": Setting(int, default=7, help="Hour of the daily digest."),
            "API_KEY": Setting(str, required=True),
        }
        """,
    )
    out = StringIO()
    with translation.override("en"):
        call_command("plugins", "--plugin-settings", stdout=out)
    text = out.getvalue()
    assert (
        "Settings of board:\n"
        "  MUSENOR_BOARD_API_KEY  (str, required)\n"
        "  MUSENOR_BOARD_DIGEST_HOUR  (int, default: 7)\n"
        "      Hour of the daily digest.\n"
    ) in text


# --- Reserved slugs --------------------------------------------------------------------


def test_the_editor_refuses_a_top_level_slug_the_core_holds(client, home, django_user_model):
    admin = django_user_model.objects.create_superuser(
        email="staff@musenor.test", password="pw", first_name="A", last_name="B"
    )
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:add", args=["musenor_standard", "landingpage", home.pk])
    data = {
        "title": "Recherche",
        "slug": "recherche",
        "hero_text": "Chercher dans les collections.",
        "body-count": "0",
        "action-publish": "publish",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    # The admin speaks French (the editors' language).
    assert response.context["form"].errors["slug"] == [
        "L’adresse « /recherche/ » est réservée par le portail : une page placée au premier "
        "niveau du site ne peut pas l’utiliser. Choisissez un autre slug."
    ]


def test_pages_deeper_in_the_tree_may_take_a_reserved_slug(home):
    from django.core.exceptions import ValidationError

    from musenor.pages.standard.models import StandardPage

    with pytest.raises(ValidationError):
        home.add_child(instance=StandardPage(title="English", slug="en"))
    section = home.add_child(instance=StandardPage(title="Rubrique", slug="rubrique"))
    section.add_child(instance=StandardPage(title="Recherche", slug="recherche"))


# --- Start-up ----------------------------------------------------------------------------

STARTUP = "import django; django.setup(); print('started')"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("extra_env", "error"),
    [
        ({}, "Required plugin settings are not set"),
        ({"MUSENOR_NEEDY_API_KEY": "secret"}, None),
        ({"MUSENOR_NEEDY_API_KEY": "secret", "MUSENOR_NEEDY_RETRIES": "many"}, "RETRIES must"),
    ],
    ids=["missing", "set", "bad-value"],
)
def test_start_up_checks_required_and_typed_settings(tmp_path, extra_env, error):
    write_plugin(
        tmp_path,
        "needy",
        """\
        settings_schema = {
            "API_KEY": Setting(str, required=True, help="Key of the collections API."),
            "RETRIES": Setting(int, default=3),
        }
        """,
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp_path),
        "MUSENOR_PLUGINS": "needy",
        "DJANGO_SETTINGS_MODULE": "musenor.site.settings.test",
        **extra_env,
    }
    result = subprocess.run(
        [sys.executable, "-c", STARTUP], env=env, capture_output=True, text=True, timeout=120
    )
    if error is None:
        assert result.returncode == 0, result.stderr[-3000:]
    else:
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        assert error in result.stderr, result.stderr[-3000:]
        if "Required" in error:
            assert "MUSENOR_NEEDY_API_KEY (plugin 'needy', str): Key of the collections API." in (
                result.stderr
            )


@pytest.mark.slow
def test_the_core_starts_without_the_optional_dependencies():
    """django-machina, haystack and the search clients are extras: the core never imports them."""
    code = (
        "import sys\n"
        "for name in ('machina', 'haystack', 'elasticsearch', 'elastic_transport', "
        "'opensearchpy'):\n"
        "    sys.modules[name] = None  # any import of them now fails\n"
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "from django.urls import reverse\n"
        "call_command('check')\n"
        "print(reverse('search'))\n"
    )
    env = {
        **os.environ,
        "MUSENOR_PLUGINS": "",
        "DJANGO_SETTINGS_MODULE": "musenor.site.settings.test",
    }
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "/recherche/"
