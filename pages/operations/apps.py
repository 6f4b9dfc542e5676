from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "musenor.pages.operations"
    label = "musenor_operations"
    verbose_name = _("Network operations")
