from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "musenor.site.members"
    label = "musenor_members"
    verbose_name = _("Members' space")
