from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EducationConfig(AppConfig):
    name = "musenor.pages.education"
    label = "musenor_education"
    verbose_name = _("Educational showcases")
