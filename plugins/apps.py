from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PluginsConfig(AppConfig):
    """The plugin system itself (commands, checks), not a plugin."""

    name = "musenor.plugins"
    label = "musenor_plugins"
    verbose_name = _("Plugins")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .manager import get_manager

        # Import every musenor_hooks module now, so that a misspelt hook
        # implementation stops start-up (pluggy's check_pending raises).
        get_manager()
