"""Fast settings for the test suite (SQLite in memory unless DATABASE_URL is set)."""

import os

from musenor.plugins.discovery import discover_plugins, installed_plugins

from .base import *  # noqa: F403

# Third-party plugins installed in the test environment (tests/plugin_dist)
# never leak into the core's tests: unless MUSENOR_PLUGINS says otherwise, only
# the portal's own built-in plugins are enabled.
if MUSENOR_PLUGINS is None:
    MUSENOR_PLUGINS = [p.name for p in installed_plugins() if p.distribution == "musenor-portal"]
    PLUGINS = discover_plugins(MUSENOR_PLUGINS, strict=False).apply(globals(), replacing=PLUGINS)
    PLUGIN_APPS = PLUGINS.apps

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = CORE_APPS + THIRD_PARTY_APPS + PLUGIN_APPS
if os.environ.get("DATABASE_URL"):
    INSTALLED_APPS += POSTGRES_APPS
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # A throw-away test database: a commit need not wait for the disk (the
        # migrations and the transactional tests' flushes commit often).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
else:
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
# The page cache is off: tests edit pages and fetch them again at once. Its own
# tests (site/tests/test_page_cache*.py, the browser's) switch it on.
MUSENOR_PAGE_CACHE_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = tasks_setting("immediate")
MEDIA_ROOT = VAR_DIR / "test-media"
# WhiteNoise stays in the middleware, as in production; it wants the folder.
STATIC_ROOT = VAR_DIR / "test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WAGTAILADMIN_BASE_URL = "http://testserver"
MUSENOR_MAP_TILES_URL = ""
# The tests that load the whole demo need its pages, not thousands of records:
# the collection plugin's demo (when it is installed) loads a few hundred.
MUSENOR_PLUGIN_SETTINGS = {**MUSENOR_PLUGIN_SETTINGS, "notices": {"DEMO_RECORDS": 300}}
# Encoding AVIF takes ten times what WebP takes, and the tests that walk the
# demo draw hundreds of renditions: they get WebP and JPEG. The tests of the
# pictures themselves ask for the production formats (the
# `production_picture_formats` fixture).
MUSENOR_PICTURE_FORMATS = ("webp", "jpeg")
# The sign-in throttle's cache is local memory here on purpose (axes.W001 wants
# a shared one, as production's Redis).
SILENCED_SYSTEM_CHECKS = ["axes.W001"]
