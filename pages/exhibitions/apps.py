from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    name = "musenor.pages.exhibitions"
    label = "musenor_exhibitions"
    verbose_name = _("Exhibitions")
