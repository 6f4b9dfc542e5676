from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CircuitsConfig(AppConfig):
    name = "musenor.pages.circuits"
    label = "musenor_circuits"
    verbose_name = _("Circuits")
