"""TASKS_BACKEND picks the task backend: immediate by default, the database in production.

Settings are read once per process: each case runs in a subprocess with an
environment built from scratch.
"""

import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT_BACKEND = (
    "import django; django.setup(); from django_tasks import task_backends; "
    "print(type(task_backends['default']).__module__)"
)


def backend_module(tmp_path, settings_module, **variables):
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": settings_module,
        "MUSENOR_VAR_DIR": str(tmp_path / "var"),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
        # Production refuses to start without an explicit mail backend.
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "localhost",
        **variables,
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_BACKEND],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("settings_module", "variables", "expected"),
    [
        ("musenor.site.settings.dev", {}, "django_tasks.backends.immediate"),
        ("musenor.site.settings.production", {}, "django_tasks_db.backend"),
        (
            "musenor.site.settings.production",
            {"TASKS_BACKEND": "immediate"},
            "django_tasks.backends.immediate",
        ),
        ("musenor.site.settings.dev", {"TASKS_BACKEND": "database"}, "django_tasks_db.backend"),
    ],
    ids=["dev", "production", "production-immediate", "dev-database"],
)
def test_tasks_backend_follows_the_environment(tmp_path, settings_module, variables, expected):
    result = backend_module(tmp_path, settings_module, **variables)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.slow
def test_an_unknown_tasks_backend_stops_start_up(tmp_path):
    result = backend_module(tmp_path, "musenor.site.settings.dev", TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of immediate, database, not 'celery'." in result.stderr
