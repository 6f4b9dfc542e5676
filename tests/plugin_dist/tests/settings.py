"""The portal's test settings, with this plugin enabled unless MUSENOR_PLUGINS says otherwise."""

import os

os.environ.setdefault("MUSENOR_PLUGINS", "example")
# Typed settings of the plugin, read from the environment at settings time
# (tests/test_example_plugin.py checks they arrive converted).
os.environ.setdefault("MUSENOR_EXAMPLE_FEED_LENGTH", "2")
os.environ.setdefault("MUSENOR_EXAMPLE_BANNER", "Bienvenue sur le tableau")

from musenor.site.settings.test import *  # noqa: E402, F403
