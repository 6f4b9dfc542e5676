from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "musenor.pages.news"
    label = "musenor_news"
    verbose_name = _("News")
