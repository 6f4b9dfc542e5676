from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumsConfig(AppConfig):
    name = "musenor.pages.museums"
    label = "musenor_museums"
    verbose_name = _("Museum directory")

    def ready(self):
        from . import signals  # noqa: F401
