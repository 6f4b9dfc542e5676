"""The plugin API of the Musenor portal.

A plugin is a Django app declared in the ``musenor.plugins`` entry-point group
(see ``docs/plugins.md``). What a plugin may import from here:

- :class:`PluginConfig`: the base of every plugin's AppConfig;
- :data:`hookimpl`: the marker for implementations in ``musenor_hooks.py``;
- :class:`MenuItem`, :class:`DashboardPanel` and :class:`PagePanel`: what the
  navigation, dashboard and page-panel hooks return;
- :func:`runs_after`: orders a ``load_demo_data`` implementation after others;
- :class:`NotificationType`, :func:`notify`, :class:`PeriodicTask` and
  :func:`send_mail_to`: notifications, periodic tasks and mail;
- :func:`purge_page_cache`: retires every cached page, for changes the core
  cannot see (a bulk update, an import);
- :data:`PLUGIN_API_VERSION`: the version plugins declare a range against;
- :class:`Setting`: one typed setting of a plugin's ``settings_schema``.

Dependencies go one way: this package imports nothing from the pages, the
streamfields or the built-in plugins. ``discovery`` runs at settings time and
imports no model (nor does anything this module imports); ``manager`` builds
the pluggy manager once apps are ready.
"""

from .base import PLUGIN_API_VERSION, PluginConfig
from .cache import purge_page_cache
from .hookspecs import DashboardPanel, MenuItem, PagePanel, hookimpl
from .mail import send_mail_to
from .notifications import NotificationType, notify
from .periodic import PeriodicTask
from .schema import Setting


def runs_after(*labels):
    """See :func:`musenor.plugins.manager.runs_after` (imported lazily: no app registry here)."""
    from .manager import runs_after as mark

    return mark(*labels)


__all__ = [
    "PLUGIN_API_VERSION",
    "DashboardPanel",
    "MenuItem",
    "NotificationType",
    "PagePanel",
    "PeriodicTask",
    "PluginConfig",
    "Setting",
    "hookimpl",
    "notify",
    "purge_page_cache",
    "runs_after",
    "send_mail_to",
]
