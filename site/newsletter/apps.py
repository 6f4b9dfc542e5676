from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "musenor.site.newsletter"
    label = "musenor_newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"
