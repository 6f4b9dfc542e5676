"""Template tags of the site's frame: navigation, languages, meta tags."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import Locale, Page, Site

from musenor.plugins.manager import call, call_each, report_failure
from musenor.plugins.pages import with_installed_types
from musenor.site.links import site_root_url
from musenor.site.signals import footer_links_generation
from musenor.site.translations import content_language, localized

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)
# The footer's links are cached until a page is published, withdrawn, moved or deleted.
FOOTER_LINKS_CACHE_SECONDS = 24 * 3600


def _site_root(request):
    cached = getattr(request, "_musenor_root", None)
    if cached is None:
        site = Site.find_for_request(request)
        root = site.root_page if site else None
        if root is not None:
            root = root.localized
        request._musenor_root = cached = root or False
    return cached or None


def _translations(request, page):
    """The live translations of ``page`` by language code, fetched once per request."""
    cache = request.__dict__.setdefault("_musenor_translations", {})
    if page.pk not in cache:
        cache[page.pk] = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    return cache[page.pk]


@register.inclusion_tag("musenor_site/includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    root = _site_root(request)
    items = []
    if root is not None:
        for page in with_installed_types(root.get_children().live().public().in_menu()):
            items.append(
                {
                    "label": page.title,
                    "url": page.get_url(request),
                    "order": 0,
                    "lang": content_language(page),
                }
            )
    items += [
        {"label": item.label, "url": item.url, "order": item.order}
        for item in call("menu_items", request=request)
    ]
    items.sort(key=lambda item: item["order"])
    current = request.path
    for item in items:
        url = item["url"] or ""
        item["current"] = url == current or (url not in ("", "/") and current.startswith(url))
    return {"items": items, "home_url": home_url(context), "request": request}


@register.inclusion_tag("musenor_site/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    links = []
    if isinstance(page, Page):
        translations = _translations(request, page)
        roots = {}
        if len(translations) < len(settings.LANGUAGES):
            root = _site_root(request)
            if root is not None:
                roots = _translations(request, root)
        # The same page keeps its filters (?theme=beaux-arts): their values are the
        # same in every language (slugs, codes).
        query = request.GET.urlencode()
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or roots.get(code)
            if target is not None:
                url = target.get_url(request)
                if query and code in translations:
                    url = f"{url}?{query}"
                links.append(
                    {
                        "code": code,
                        "name": name,
                        "url": url,
                        "current": code == current,
                        "translated": code in translations,
                    }
                )
    else:
        for code, name in settings.LANGUAGES:
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": translate_url(request.get_full_path(), code),
                    "current": code == current,
                    "translated": True,
                }
            )
    return {"links": links}


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """hreflang links to the translations of the current page (one query)."""
    request = context["request"]
    page = context.get("page")
    if not isinstance(page, Page):
        return []
    return [
        {"code": code, "url": p.get_full_url(request)}
        for code, p in _translations(request, page).items()
    ]


@register.simple_tag
def lang_attribute(page):
    """`` lang="fr"`` on what shows ``page``'s text when it is not in the page's
    language (an untranslated page of a synchronised tree), else nothing."""
    language = content_language(page)
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag(takes_context=True)
def in_language(context, entries):
    """``{% in_language museum.themes.all as themes %}``: vocabulary entries (themes,
    subjects) in the visitor's language, where translated (``translations.localized``)."""
    return localized(entries, context.get("request"))


@register.simple_tag
def active_locale():
    return Locale.get_active()


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context["request"]
    root = _site_root(request)
    return root.get_url(request) if root else "/"


def _page_panels(request, page):
    """``(app label, panel)`` for every panel of ``page``, fetched once per request."""
    cache = request.__dict__.setdefault("_musenor_page_panels", {})
    if page.pk not in cache:
        cache[page.pk] = [
            (label, panel)
            for label, panels in call_each("page_panels", page=page, request=request)
            for panel in panels
        ]
    return cache[page.pk]


@register.simple_tag(takes_context=True)
def page_panels(context, page, slot="main", level=2):
    """The plugins' panels of ``slot`` on ``page`` (the ``page_panels`` hook), or nothing.

    Each panel is a ``<section>`` titled by a heading of ``level`` (2: in the
    page's main column; 3: inside an aside that has its own ``h2``). A panel
    whose template raises is logged and left out (raised when ``DEBUG``).
    """
    request = context.get("request")
    if request is None or not isinstance(page, Page):
        return ""
    panels = sorted(
        ((label, panel) for label, panel in _page_panels(request, page) if panel.slot == slot),
        key=lambda item: item[1].order,
    )
    rendered = []
    for label, panel in panels:
        panel_context = {**(panel.context or {}), "page": page, "request": request, "panel": panel}
        try:
            html = render_to_string(panel.template, panel_context, request=request)
        except Exception:
            report_failure(label, f"the page panel {panel.template}")
            continue
        rendered.append({"panel": panel, "html": html})
    if not rendered:
        return ""
    return render_to_string(
        "musenor_site/includes/page_panels.html",
        {"panels": rendered, "slot": slot, "level": int(level), "page": page},
    )


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The footer's links chosen in the "footer links" settings, in the current language."""
    from musenor.site.models import SiteLinks

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    key = f"musenor:footer-links:{site.pk}:{translation.get_language()}:{footer_links_generation()}"
    links = cache.get(key)
    if links is None:
        # Not SiteLinks.for_site(): a page view never writes (it would create the row).
        chosen = SiteLinks.objects.filter(site=site).first()
        links = chosen.footer_links(Locale.get_active(), request) if chosen else []
        cache.set(key, links, FOOTER_LINKS_CACHE_SECONDS)
    return links


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` (a path) on the host the visitor asked for (see ``musenor.site.links``)."""
    request = context.get("request")
    if request is None or "://" in url:
        return url
    return site_root_url(request) + url
