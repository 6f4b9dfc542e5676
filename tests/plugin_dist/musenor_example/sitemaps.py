from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils import translation

from .models import ExampleNote


class ExampleNoteSitemap(Sitemap):
    """Every note, at its URL in the site's default language (the sitemap is not per language)."""

    def items(self):
        return ExampleNote.objects.order_by("pk").only("pk", "created_at")

    def location(self, note):
        with translation.override(settings.LANGUAGE_CODE):
            return note.get_absolute_url()

    def lastmod(self, note):
        return note.created_at

    def get_latest_lastmod(self):
        # Django's default would compute every note's lastmod: one aggregate instead.
        return ExampleNote.objects.aggregate(latest=Max("created_at"))["latest"]
