from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionsConfig(AppConfig):
    name = "musenor.pages.selections"
    label = "musenor_selections"
    verbose_name = _("Museum selections and quiz")
