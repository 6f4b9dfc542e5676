from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "musenor.site"
    label = "musenor_site"
    verbose_name = _("Musenor site")

    def ready(self):
        from django.apps import apps

        from . import (  # noqa: F401
            operator_checks,
            page_cache,
            roles,
            signals,
            sorting,
            translations,
            workflow,
        )
        from .richtext import add_rich_text_validators

        # Every app's models are loaded before any ready() runs: plugins' too.
        add_rich_text_validators(apps.get_models())
