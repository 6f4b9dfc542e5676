"""Settings: production refuses to start half-configured, deploy checks pass, and
the search backend follows SEARCH_URL.

Settings are read once per process, so everything that depends on the
environment runs in a subprocess with an environment built from scratch.
"""

import importlib
import importlib.util
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from musenor.search.backends import DATABASE_BACKEND, SearchURLError, backend_settings

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = "musenor.site.settings.production"
SETUP = "import django; django.setup()"


def scrubbed_env(tmp_path, settings, **variables):
    """Only what a process needs to run, plus ``variables``: nothing of the caller's."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": settings,
        # Keep anything the settings might create out of the work tree.
        "MUSENOR_VAR_DIR": str(tmp_path / "var"),
    }
    env.update(variables)
    return env


def python(code_or_args, env):
    args = ["-c", code_or_args] if isinstance(code_or_args, str) else code_or_args
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def dummy_production_env(tmp_path, **variables):
    values = {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "example.org",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.example.org",
        # Never contacted by these tests; the sign-in throttle wants a shared cache.
        "CACHE_URL": "redis://127.0.0.1:6379/9",
    }
    values.update(variables)
    return {
        key: value
        for key, value in scrubbed_env(tmp_path, PRODUCTION, **values).items()
        if value is not None
    }


def ready_for_deploy(env):
    """What an operator does before starting the portal: media folder, collectstatic."""
    (Path(env["MUSENOR_VAR_DIR"]) / "media").mkdir(parents=True, exist_ok=True)
    result = python(["manage.py", "collectstatic", "--noinput", "-v0"], env)
    assert result.returncode == 0, result.stderr
    return env


# --- Production refuses to start without its essentials --------------------------


@pytest.mark.slow
@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_production_refuses_to_start_without_secret_key(tmp_path, value):
    env = dummy_production_env(tmp_path)
    del env["SECRET_KEY"]
    if value is not None:
        env["SECRET_KEY"] = value
    result = python(SETUP, env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The environment variable SECRET_KEY must be set" in result.stderr


@pytest.mark.slow
def test_production_refuses_to_start_without_allowed_hosts(tmp_path):
    env = dummy_production_env(tmp_path)
    del env["ALLOWED_HOSTS"]
    result = python(SETUP, env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The environment variable ALLOWED_HOSTS must be set" in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("value", [" , ", ","], ids=["blank-items", "comma"])
def test_production_refuses_allowed_hosts_that_list_nothing(tmp_path, value):
    result = python(SETUP, dummy_production_env(tmp_path, ALLOWED_HOSTS=value))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS must list at least one value" in result.stderr


@pytest.mark.slow
def test_production_refuses_to_start_without_an_email_backend(tmp_path):
    # Unset, base.py's console backend would print password-reset links into the log.
    result = python(SETUP, dummy_production_env(tmp_path, EMAIL_BACKEND=None))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "EMAIL_BACKEND must be set in production" in result.stderr


@pytest.mark.slow
def test_production_smtp_needs_its_host(tmp_path):
    result = python(SETUP, dummy_production_env(tmp_path, EMAIL_HOST=None))
    assert result.returncode != 0
    assert "The environment variable EMAIL_HOST must be set" in result.stderr


@pytest.mark.slow
def test_production_language_cookie_is_secure_and_same_site(tmp_path):
    code = SETUP + (
        "; from django.test import Client; "
        "r = Client(HTTP_HOST='example.org').post("
        "'/i18n/setlang/', {'language': 'en', 'next': '/'}, secure=True); "
        "c = r.cookies['django_language']; "
        "print(r.status_code, c.value, c['secure'], c['samesite'], c['httponly'])"
    )
    result = python(code, dummy_production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["302", "en", "True", "Lax", "True"]


@pytest.mark.slow
def test_production_starts_with_its_essentials(tmp_path):
    code = SETUP + "; from django.conf import settings; print(settings.ALLOWED_HOSTS)"
    result = python(code, dummy_production_env(tmp_path, ALLOWED_HOSTS="a.example, b.example"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['a.example', 'b.example']"


@pytest.mark.slow
def test_check_deploy_passes_with_production_settings(tmp_path):
    command = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = python(command, ready_for_deploy(dummy_production_env(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_check_deploy_fails_with_a_weak_secret_key(tmp_path):
    # The same command as above, shown able to fail.
    command = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = python(command, dummy_production_env(tmp_path, SECRET_KEY="too-short"))
    assert result.returncode != 0
    assert "security.W009" in result.stderr


@pytest.mark.slow
def test_check_deploy_names_what_the_operator_forgot(tmp_path):
    # No collectstatic, no media folder, mail printed to the log: production
    # starts, then answers 500 and leaks reset links. check --deploy says why.
    env = dummy_production_env(
        tmp_path, EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend", CACHE_URL=None
    )
    result = python(["manage.py", "check", "--deploy"], env)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "musenor_site.E010" in output and "collectstatic" in output
    assert "musenor_site.E013" in output and "password-reset links" in output
    assert "musenor_site.E014" in output and "MEDIA_ROOT" in output
    # The sign-in throttle's counters need the shared cache (django-axes' own check).
    assert "axes.W001" in output


# --- Plugin selection -------------------------------------------------------------


@pytest.mark.slow
def test_empty_musenor_plugins_means_no_plugin_and_unset_means_all(tmp_path):
    code = (
        SETUP + "; from django.conf import settings; "
        "from musenor.plugins.discovery import installed_plugins; "
        "print(settings.MUSENOR_PLUGINS, settings.PLUGIN_APPS == [], len(installed_plugins()))"
    )
    dev = "musenor.site.settings.dev"
    empty = python(code, scrubbed_env(tmp_path, dev, MUSENOR_PLUGINS=""))
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.split()[:2] == ["[]", "True"]
    # The development settings choose for themselves (below): production shows base.py's rule.
    unset = python(code, dummy_production_env(tmp_path))
    assert unset.returncode == 0, unset.stderr
    selection, no_apps, installed = unset.stdout.split()
    assert selection == "None"
    assert no_apps == ("True" if installed == "0" else "False")


@pytest.mark.slow
def test_the_demo_enables_the_test_plugin_only_when_musenor_plugins_names_it(tmp_path):
    code = (
        SETUP + "; from django.apps import apps; "
        "from musenor.plugins.discovery import installed_plugins; "
        "print('example' in {p.name for p in installed_plugins()}, "
        "apps.is_installed('musenor_example'))"
    )
    dev = "musenor.site.settings.dev"
    unset = python(code, scrubbed_env(tmp_path, dev))
    assert unset.returncode == 0, unset.stderr
    # Installed in the environment (dev.py installs it for the tests), not in the demo.
    assert unset.stdout.split() == ["True", "False"]
    named = python(code, scrubbed_env(tmp_path, dev, MUSENOR_PLUGINS="example"))
    assert named.returncode == 0, named.stderr
    assert named.stdout.split() == ["True", "True"]


# --- Search backend selection -------------------------------------------------------


@pytest.mark.parametrize("url", [None, ""])
def test_no_search_url_selects_the_database_backend(url):
    assert backend_settings(url)["default"]["BACKEND"] == DATABASE_BACKEND


@pytest.mark.parametrize(
    ("url", "backend", "host_url"),
    [
        (
            "elasticsearch9://search.example.org:9200",
            "wagtail.search.backends.elasticsearch9",
            "http://search.example.org:9200",
        ),
        (
            "elasticsearch9://search.example.org",
            "wagtail.search.backends.elasticsearch9",
            "http://search.example.org:9200",
        ),
        (
            "elasticsearch8+https://user:pw@host:9243",
            "wagtail.search.backends.elasticsearch8",
            "https://user:pw@host:9243",
        ),
        (
            "opensearch3+https://search.example.org",
            "wagtail.search.backends.opensearch3",
            "https://search.example.org:9200",
        ),
        (
            "opensearch2://10.0.0.5:9201",
            "wagtail.search.backends.opensearch2",
            "http://10.0.0.5:9201",
        ),
    ],
)
def test_search_url_selects_a_wagtail_backend(url, backend, host_url):
    config = backend_settings(url, index="portal", check_client=False)["default"]
    assert config["BACKEND"] == backend
    assert config["URLS"] == [host_url]
    assert config["INDEX"] == "portal"
    assert config["AUTO_UPDATE"] is True


@pytest.mark.parametrize(
    "url",
    [
        "solr://search.example.org:8983",
        "elasticsearch://search.example.org",
        "elasticsearch9+ftp://search.example.org",
        "elasticsearch9://",
    ],
)
def test_a_bad_search_url_is_refused(url):
    with pytest.raises(SearchURLError):
        backend_settings(url)


@pytest.mark.slow
def test_settings_read_search_url_and_index(tmp_path):
    code = (
        SETUP + "; from django.conf import settings; "
        "c = settings.WAGTAILSEARCH_BACKENDS['default']; "
        "print(c['BACKEND'], c['URLS'][0], c['INDEX'])"
    )
    env = scrubbed_env(
        tmp_path,
        "musenor.site.settings.test",
        SEARCH_URL="elasticsearch9+https://search.example.org:9243",
        SEARCH_INDEX="musenor_staging",
    )
    result = python(code, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "wagtail.search.backends.elasticsearch9",
        "https://search.example.org:9243",
        "musenor_staging",
    ]


@pytest.mark.slow
def test_settings_refuse_an_unknown_search_backend(tmp_path):
    env = scrubbed_env(tmp_path, "musenor.site.settings.test", SEARCH_URL="solr://localhost")
    result = python(SETUP, env)
    assert result.returncode != 0
    assert "SearchURLError" in result.stderr


def test_a_search_url_whose_client_is_not_installed_says_what_to_install():
    """opensearch-py is the opensearch extra, which neither deploy nor test installs."""
    pytest.importorskip("elasticsearch")
    assert backend_settings("elasticsearch9://h")["default"]["URLS"] == ["http://h:9200"]
    if importlib.util.find_spec("opensearchpy") is not None:
        pytest.skip("opensearch-py is installed here")
    with pytest.raises(SearchURLError) as raised:
        backend_settings("opensearch3+https://search.example.org")
    assert str(raised.value) == (
        "SEARCH_URL selects opensearch3, whose client (opensearchpy) is not installed: "
        "pip install 'musenor-portal[opensearch]'."
    )


def test_elasticsearch9_backend_imports():
    module = importlib.import_module("wagtail.search.backends.elasticsearch9")
    assert module.SearchBackend.__name__ == "Elasticsearch9SearchBackend"


@pytest.mark.parametrize(
    "url", ["elasticsearch9://user:secret@search.example.org:9243", "elasticsearch8+https://h"]
)
def test_elasticsearch_backend_accepts_the_selected_settings(url):
    """Wagtail's backend builds its client from our settings (no server is contacted)."""
    config = backend_settings(url)["default"]
    module = importlib.import_module(config["BACKEND"])
    backend = module.SearchBackend(dict(config))
    expected = urlsplit(config["URLS"][0])
    assert backend.hosts == [
        {
            "host": expected.hostname,
            "port": expected.port,
            "path_prefix": "",
            "scheme": expected.scheme,
        }
    ]
    options = backend._get_options_from_host_urls([expected])
    if expected.username:
        assert options["basic_auth"] == (expected.username, expected.password)
    else:
        assert "basic_auth" not in options
