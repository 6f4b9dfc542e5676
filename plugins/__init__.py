"""The plugin API of the Musenor portal.

A plugin is a Django app declared in the ``musenor.plugins`` entry-point group
(see ``docs/plugins.md``). What a plugin may import from here:

- :class:`PluginConfig`: the base of every plugin's AppConfig;
- :data:`hookimpl`: the marker for implementations in ``musenor_hooks.py``;
- :class:`MenuItem` and :class:`DashboardPanel`: what the navigation and
  dashboard hooks return;
- :class:`NotificationType`, :func:`notify`, :class:`PeriodicTask` and
  :func:`send_mail_to`: notifications, periodic tasks and mail;
- :data:`PLUGIN_API_VERSION`: the version plugins declare a range against;
- :class:`Setting`: one typed setting of a plugin's ``settings_schema``.

Dependencies go one way: this package imports nothing from the pages, the
streamfields or the built-in plugins. ``discovery`` runs at settings time and
imports no model (nor does anything this module imports); ``manager`` builds
the pluggy manager once apps are ready.
"""

from .base import PLUGIN_API_VERSION, PluginConfig
from .hookspecs import DashboardPanel, MenuItem, hookimpl
from .mail import send_mail_to
from .notifications import NotificationType, notify
from .periodic import PeriodicTask
from .schema import Setting

__all__ = [
    "PLUGIN_API_VERSION",
    "DashboardPanel",
    "MenuItem",
    "NotificationType",
    "PeriodicTask",
    "PluginConfig",
    "Setting",
    "hookimpl",
    "notify",
    "send_mail_to",
]
