from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StreamfieldsConfig(AppConfig):
    name = "musenor.streamfields"
    label = "musenor_streamfields"
    verbose_name = _("Block library")
