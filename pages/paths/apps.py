from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathsConfig(AppConfig):
    name = "musenor.pages.paths"
    label = "musenor_paths"
    verbose_name = _("Thematic paths")
