from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PluginsConfig(AppConfig):
    """The plugin system itself (commands, checks), not a plugin."""

    name = "musenor.plugins"
    label = "musenor_plugins"
    verbose_name = _("Plugins")

    def ready(self):
        from django.apps import apps
        from django.core.exceptions import ImproperlyConfigured

        from . import checks  # registers the system checks
        from .manager import get_manager

        # A required plugin setting nobody set stops start-up (gunicorn too,
        # which runs no system check), naming every missing variable.
        message = checks.missing_settings_message(apps.get_app_configs())
        if message:
            raise ImproperlyConfigured(message)

        # Import every musenor_hooks module now, so that a misspelt hook
        # implementation stops start-up (pluggy's check_pending raises).
        get_manager()
