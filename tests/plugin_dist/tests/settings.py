"""The portal's test settings, with this plugin enabled unless MUSENOR_PLUGINS says otherwise."""

import os

os.environ.setdefault("MUSENOR_PLUGINS", "example")

from musenor.site.settings.test import *  # noqa: E402, F403
