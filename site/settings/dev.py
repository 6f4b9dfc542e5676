"""Settings for a laptop: the demo site on SQLite, no other service."""

import os

from musenor.plugins.discovery import portal_plugin_names

# The demo a newcomer starts is the portal and its own plugins: a third-party
# plugin installed in the environment (dev.py installs tests/plugin_dist for
# the tests) is enabled only when MUSENOR_PLUGINS names it.
if "MUSENOR_PLUGINS" not in os.environ:
    os.environ["MUSENOR_PLUGINS"] = ",".join(portal_plugin_names())

from .base import *  # noqa: E402, F403
from .env import env

DEBUG = True
# A fixed key is acceptable only here; production refuses to start without one.
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-for-the-musenor-demo")  # noqa: S105
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

VAR_DIR.mkdir(parents=True, exist_ok=True)
# The public OpenStreetMap tiles, for a laptop with a network; set MAP_TILES_URL
# to another server (or to nothing: the directory then shows its list only).
MUSENOR_MAP_TILES_URL = env("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MUSENOR_MAP_ATTRIBUTION = env("MAP_TILES_ATTRIBUTION", "© OpenStreetMap contributors")
# One process on a laptop: the sign-in throttle's local-memory cache is enough.
SILENCED_SYSTEM_CHECKS = ["axes.W001"]
