"""The XML sitemap: every live public page of the site, in every language.

Wagtail's own sitemap lists the descendants of the site's root page only, that
is the French tree; the English and Dutch trees hang from the root page's
translations. Each URL carries its translations as ``hreflang`` alternates,
``x-default`` being the page in the site's default language. Routes of routable
pages (feeds, calendars) are not pages and are not listed: a page type that
wants more URLs overrides ``get_sitemap_urls``, as Wagtail documents.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    def roots(self):
        site = self.get_wagtail_site()
        return site.root_page.get_translations(inclusive=True).live()

    def pages(self):
        roots = list(self.roots())
        if not roots:
            return Page.objects.none()
        in_trees = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return Page.objects.filter(in_trees).live().public().order_by("path")

    def items(self):
        return self.pages().defer_streamfields().specific()

    def alternates(self):
        """Translation key → [(language code, URL)] of the pages that exist in several languages."""
        if not hasattr(self, "_alternates"):
            by_key = {}
            for page in self.pages().select_related("locale").defer_streamfields():
                by_key.setdefault(page.translation_key, []).append(page)
            self._alternates = {
                key: [(p.locale.language_code, p.get_full_url(self.request)) for p in pages]
                for key, pages in by_key.items()
                if len(pages) > 1
            }
        return self._alternates

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        alternates = self.alternates()
        if not alternates:
            return urls
        by_location = {
            url: translations for translations in alternates.values() for _code, url in translations
        }
        for url_info in urls:
            translations = by_location.get(url_info["location"])
            if translations:
                url_info["alternates"] = [
                    {"lang_code": code, "location": url} for code, url in translations
                ] + [
                    {"lang_code": "x-default", "location": url}
                    for code, url in translations
                    if code == settings.LANGUAGE_CODE
                ]
        return urls
