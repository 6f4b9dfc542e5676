"""The example third-party plugin (tests/plugin_dist), switched on and off.

The plugin is a distribution of its own, pip-installed in the test environment
(``pip install -e tests/plugin_dist``). The core's tests never load it: its own
tests run here in subprocesses, each with its own MUSENOR_PLUGINS, the way a
plugin's authors would run them.
"""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.apps import apps
from django.conf import settings

from musenor.plugins.discovery import installed_plugins

PLUGIN_DIST = Path(__file__).resolve().parent / "plugin_dist"
ON_MODULE = "test_example_plugin"
OFF_MODULE = "test_switched_off"


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


def run_plugin_tests(tmp_path, selection):
    """Run the plugin's own tests with MUSENOR_PLUGINS=``selection``; outcomes by module."""
    assert "example" in {p.name for p in installed_plugins()}, (
        "The example plugin is not installed: run `.venv/bin/pip install -e tests/plugin_dist`."
    )
    env = own_database({**os.environ, "MUSENOR_PLUGINS": selection}, "example_plugin")
    # The plugin's own pytest configuration chooses its settings.
    env.pop("DJANGO_SETTINGS_MODULE", None)
    report = tmp_path / "report.xml"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests", "-p", "no:cacheprovider", f"--junitxml={report}"],
        cwd=PLUGIN_DIST,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-3000:]
    outcomes = {}
    for case in ET.parse(report).iter("testcase"):
        module = case.get("classname").rsplit(".", 1)[-1]
        if case.find("skipped") is not None:
            outcome = "skipped"
        elif case.find("failure") is not None or case.find("error") is not None:
            outcome = "failed"
        else:
            outcome = "passed"
        outcomes.setdefault(module, {})[case.get("name")] = outcome
    return outcomes


def test_the_example_plugin_is_installed_but_kept_out_of_the_core_tests():
    plugin = {p.name: p for p in installed_plugins()}.get("example")
    assert plugin is not None, "run `.venv/bin/pip install -e tests/plugin_dist`"
    assert plugin.distribution == "musenor-example-plugin"
    assert "example" not in settings.MUSENOR_PLUGINS
    assert not apps.is_installed("musenor_example")


# The plugin's tests run in subprocesses on their own SQLite database: CI runs this
# in one pass.
@pytest.mark.slow
@pytest.mark.one_pass
@pytest.mark.parametrize(
    ("selection", "run", "skip"),
    [("example", ON_MODULE, OFF_MODULE), ("", OFF_MODULE, ON_MODULE)],
    ids=["switched-on", "switched-off"],
)
def test_the_plugin_tests_pass(tmp_path, selection, run, skip):
    """Switched on, every hook works; switched off (MUSENOR_PLUGINS=""), the site still does."""
    outcomes = run_plugin_tests(tmp_path, selection)
    assert set(outcomes) == {ON_MODULE, OFF_MODULE}
    assert len(outcomes[run]) >= 5
    assert set(outcomes[run].values()) == {"passed"}, outcomes[run]
    assert set(outcomes[skip].values()) == {"skipped"}, outcomes[skip]
