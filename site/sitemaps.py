"""The XML sitemaps: an index of sections, every live public page in the ``pages`` one.

``/sitemap.xml`` is a sitemap index (Django's ``index`` view) listing each
section, page by page: ``/sitemap-pages.xml`` for the pages, and the sections
plugins return from the ``sitemaps`` hook (``/sitemap-<name>.xml``), each
paginated with ``?p=`` at Django's 50,000 URLs a page.

Wagtail's own sitemap lists the descendants of the site's root page only, that
is the French tree; the English and Dutch trees hang from the root page's
translations. Each URL carries its translations as ``hreflang`` alternates,
``x-default`` being the page in the site's default language. Routes of routable
pages (feeds, calendars) are not pages and are not listed: a page type that
wants more URLs overrides ``get_sitemap_urls``, as Wagtail documents.
"""

import logging
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Max, Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Page

from musenor.plugins.manager import call_each, plugin_display_name
from musenor.plugins.pages import with_installed_types

logger = logging.getLogger("musenor.plugins")

# The core's section; plugins name theirs after themselves.
PAGES_SECTION = "pages"


class PortalSitemap(Sitemap):
    def roots(self):
        site = self.get_wagtail_site()
        return site.root_page.get_translations(inclusive=True).live()

    def pages(self):
        roots = list(self.roots())
        if not roots:
            return Page.objects.none()
        in_trees = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        # Pages of a switched-off plugin's types are not served: not listed either.
        pages = with_installed_types(Page.objects.filter(in_trees))
        return pages.live().public().order_by("path")

    def get_latest_lastmod(self):
        # Django's default computes every item's lastmod: one aggregate instead.
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

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


def sitemap_sections():
    """``{section: sitemap}``: the pages, then each enabled plugin's sections.

    A plugin whose ``sitemaps`` hook raises is left out (and logged); a section
    name already taken is logged and left out too.
    """
    sections = {PAGES_SECTION: PortalSitemap}
    for label, result in call_each("sitemaps"):
        for name, sitemap in result.items():
            if name in sections:
                logger.error(
                    "The plugin %s returns a sitemap section %r that is already taken; "
                    "it is left out.",
                    plugin_display_name(label),
                    name,
                )
                continue
            sections[name] = sitemap
    return sections


def sitemap_index(request):
    """``/sitemap.xml``: every page of every section."""
    return sitemap_views.index(request, sitemap_sections(), sitemap_url_name="sitemap_section")


def sitemap_section(request, section):
    """``/sitemap-<section>.xml?p=<n>``: one page of one section."""
    return sitemap_views.sitemap(request, sitemap_sections(), section=section)
