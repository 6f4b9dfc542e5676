from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardConfig(AppConfig):
    name = "musenor.pages.standard"
    label = "musenor_standard"
    verbose_name = _("Standard pages")
