"""The plugin API of the Musenor portal.

A plugin is a Django app declared in the ``musenor.plugins`` entry-point group
(see ``docs/plugins.md``). What a plugin may import from here:

- :class:`PluginConfig`: the base of every plugin's AppConfig;
- :data:`hookimpl`: the marker for implementations in ``musenor_hooks.py``;
- :class:`MenuItem` and :class:`DashboardPanel`: what two hooks return;
- :data:`PLUGIN_API_VERSION`: the version plugins declare a range against;
- :class:`Setting`: one typed setting of a plugin's ``settings_schema``.

Dependencies go one way: this package imports nothing from the pages, the
streamfields or the built-in plugins. ``discovery`` runs at settings time and
imports no model; ``manager`` builds the pluggy manager once apps are ready.
"""

from .base import PLUGIN_API_VERSION, PluginConfig
from .hookspecs import DashboardPanel, MenuItem, hookimpl
from .schema import Setting

__all__ = [
    "PLUGIN_API_VERSION",
    "DashboardPanel",
    "MenuItem",
    "PluginConfig",
    "Setting",
    "hookimpl",
]
