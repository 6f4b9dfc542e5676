from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "musenor.site"
    label = "musenor_site"
    verbose_name = _("Musenor site")

    def ready(self):
        from . import operator_checks, signals, workflow  # noqa: F401
