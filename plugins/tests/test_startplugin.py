"""``manage.py startplugin``: the scaffold is a working plugin, and bad names are refused.

The generated distribution is not pip-installed (that would change the shared
environment): setuptools writes its metadata (``egg_info``, from its own
pyproject.toml) into a temporary folder, and its tests run in a subprocess
whose PYTHONPATH holds the package and that metadata. The entry point is thus
found exactly as an installed one would be, and nothing stays installed.
"""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from musenor.plugins.discovery import DiscoveredPlugin, installed_plugins
from musenor.plugins.management.commands import startplugin

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def own_database(env, suffix):
    """Give a subprocess its own test database beside this run's (PostgreSQL in CI).

    pytest-django names the test database after DATABASE_URL's database; two
    runs at once with the same name would drop each other's.
    """
    url = env.get("DATABASE_URL")
    if url and not url.startswith("sqlite"):
        parts = urlsplit(url)
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{suffix}"))
    return env


@pytest.fixture(autouse=True)
def english():
    """The site's default language is French; these tests read the English messages."""
    with translation.override("en"):
        yield


def start(name, directory):
    out = StringIO()
    call_command("startplugin", name, directory=str(directory), stdout=out)
    return out.getvalue()


# The scaffold's tests run in a subprocess on their own SQLite database: CI runs
# this in one pass.
@pytest.mark.slow
@pytest.mark.one_pass
def test_the_scaffold_is_a_plugin_whose_own_tests_pass(tmp_path):
    target = tmp_path / "musenor-birdwatch"
    assert "Created the plugin birdwatch" in start("birdwatch", target)
    files = sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())
    assert files == [
        "README.md",
        "musenor_birdwatch/__init__.py",
        "musenor_birdwatch/apps.py",
        "musenor_birdwatch/migrations/0001_initial.py",
        "musenor_birdwatch/migrations/__init__.py",
        "musenor_birdwatch/models.py",
        "musenor_birdwatch/musenor_hooks.py",
        "musenor_birdwatch/notifications.py",
        "musenor_birdwatch/sitemaps.py",
        "musenor_birdwatch/templates/musenor_birdwatch/detail.html",
        "musenor_birdwatch/templates/musenor_birdwatch/index.html",
        "musenor_birdwatch/templates/musenor_birdwatch/mail/new_entry.html",
        "musenor_birdwatch/templates/musenor_birdwatch/mail/new_entry.txt",
        "musenor_birdwatch/templates/musenor_birdwatch/panels/latest.html",
        "musenor_birdwatch/urls.py",
        "musenor_birdwatch/views.py",
        "pyproject.toml",
        "tests/__init__.py",
        "tests/settings.py",
        "tests/test_birdwatch.py",
    ]
    apps_py = (target / "musenor_birdwatch" / "apps.py").read_text()
    assert "class BirdwatchConfig(PluginConfig):" in apps_py
    assert 'label = "musenor_birdwatch"' in apps_py

    # The generated code follows the portal's style.
    for args in (["check"], ["format", "--check"]):
        lint = subprocess.run(
            [BIN / "ruff", *args, "--no-cache", "--config", ROOT / "pyproject.toml", target],
            capture_output=True,
            text=True,
        )
        assert lint.returncode == 0, lint.stdout + lint.stderr

    # The distribution's metadata, built by setuptools from its pyproject.toml.
    metadata = tmp_path / "metadata"
    metadata.mkdir()
    subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "egg_info"]
        + ["--egg-base", metadata],
        cwd=target,
        check=True,
        capture_output=True,
    )
    [egg_info] = metadata.glob("*.egg-info")
    entry_points = (egg_info / "entry_points.txt").read_text()
    assert "[musenor.plugins]\nbirdwatch = musenor_birdwatch.apps:BirdwatchConfig" in entry_points
    sources = (egg_info / "SOURCES.txt").read_text().split()
    assert "musenor_birdwatch/templates/musenor_birdwatch/index.html" in sources

    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(target), str(metadata)]),
        "MUSENOR_PLUGINS": "birdwatch",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)  # the plugin's pyproject.toml chooses
    own_database(env, "scaffold")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"],
        cwd=target,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    summary = result.stdout.strip().splitlines()[-1]
    # A URL prefix, a panel, a sitemap section, a notification and a role, tested.
    assert re.search(r"\b8 passed\b", summary), summary
    assert not re.search(r"failed|skipped|error", summary), summary
    # Nothing was installed in this environment.
    assert "birdwatch" not in {plugin.name for plugin in installed_plugins()}


def test_names_with_underscores_give_readable_names(tmp_path):
    start("bird_watch", tmp_path / "out")
    assert startplugin.plugin_names("bird_watch") == {
        "name": "bird_watch",
        "package": "musenor_bird_watch",
        "label": "musenor_bird_watch",
        "distribution": "musenor-bird-watch",
        "config_class": "BirdWatchConfig",
        "title": "Bird watch",
        "url_prefix": "bird-watch",
        "upper_name": "BIRD_WATCH",
    }
    apps_py = (tmp_path / "out" / "musenor_bird_watch" / "apps.py").read_text()
    assert 'url_prefix = "bird-watch"' in apps_py
    readme = (tmp_path / "out" / "README.md").read_text()
    assert "`MUSENOR_BIRD_WATCH_ENTRIES_PER_PANEL`" in readme


def test_the_default_directory_is_named_after_the_distribution(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    call_command("startplugin", "heron", stdout=StringIO())
    assert (tmp_path / "musenor-heron" / "musenor_heron" / "apps.py").is_file()


@pytest.mark.parametrize(
    "name", ["Birdwatch", "1bird", "bird-watch", "bird.watch", "class", "", "oiseau_été", "_bird"]
)
def test_invalid_names_are_refused(tmp_path, name):
    with pytest.raises(CommandError, match="is not a valid plugin name"):
        start(name, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_name_clashing_with_an_existing_module_is_refused(tmp_path, monkeypatch):
    package = tmp_path / "path" / "musenor_zzclash"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(tmp_path / "path")
    with pytest.raises(CommandError, match="existing module musenor_zzclash"):
        start("zzclash", tmp_path / "out")
    # The entry-point name itself must not shadow a module either.
    with pytest.raises(CommandError, match="existing module json"):
        start("json", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_name_clashing_with_an_app_label_or_a_plugin_is_refused(tmp_path, monkeypatch):
    # musenor_accounts is the label of the core's accounts app.
    with pytest.raises(CommandError, match="app label musenor_accounts is already taken"):
        start("accounts", tmp_path / "out")
    fake = DiscoveredPlugin("zzinstalled", "elsewhere.apps.Config", "elsewhere", "1.0")
    monkeypatch.setattr(startplugin, "installed_plugins", lambda: [fake])
    with pytest.raises(CommandError, match="plugin named 'zzinstalled' is already installed"):
        start("zzinstalled", tmp_path / "out")


def test_a_folder_that_is_not_empty_is_left_alone(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="already exists and is not an empty folder"):
        start("heron", tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["notes.txt"]
