"""The plugins' URL prefixes: mounted by the core, reserved from page slugs.

A plugin with ``url_prefix = "forum"`` gets its ``urls`` module mounted at
``/forum/`` inside the language prefix (``/forum/``, ``/en/forum/``,
``/nl/forum/``; namespace: the plugin's label) and its ``neutral_urls``
module at ``/forum/`` outside it, once for every language (namespace:
``<label>_neutral``). ``musenor.site.urls`` places both before Wagtail's
page-serving catch-all, so a page could never be reached at a plugin's
prefix: pages directly under a site root may not take it as their slug.
"""

from django.conf import settings
from django.db import DatabaseError
from django.urls import include, path
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _

from .base import plugin_configs
from .discovery import CORE_URL_PREFIXES

URLS_MODULE = "urls"
NEUTRAL_URLS_MODULE = "neutral_urls"


def _mounted(module_name, namespace_suffix=""):
    patterns = []
    for config in plugin_configs():
        if config.url_prefix and module_has_submodule(config.module, module_name):
            namespace = config.label + namespace_suffix
            patterns.append(
                path(
                    f"{config.url_prefix}/",
                    include((f"{config.name}.{module_name}", namespace), namespace=namespace),
                )
            )
    return patterns


def plugin_urlpatterns():
    """The enabled plugins' ``urls`` modules, each under its prefix (for ``i18n_patterns``)."""
    return _mounted(URLS_MODULE)


def plugin_neutral_urlpatterns():
    """The enabled plugins' ``neutral_urls`` modules, each under its prefix, language-free."""
    return _mounted(NEUTRAL_URLS_MODULE, "_neutral")


def reserved_slugs():
    """``{slug: who holds it}``: what no page directly under a site root may be called."""
    reserved = dict.fromkeys(CORE_URL_PREFIXES, _("the portal"))
    for code, _name in settings.LANGUAGES:
        reserved[code] = _("the language prefixes")
    for config in plugin_configs():
        if config.url_prefix:
            reserved[config.url_prefix] = _("the plugin “%(name)s”") % {"name": config.verbose_name}
    return reserved


def reserved_slug_message(slug, parent_page):
    """Why ``slug`` cannot be used under ``parent_page``, or None when it can."""
    if not slug or parent_page is None:
        return None
    owner = reserved_slugs().get(slug)
    if owner is None or not parent_page.is_site_root():
        return None
    return _(
        "The address “/%(slug)s/” belongs to %(owner)s: a page at the top of the site "
        "cannot use it. Choose another slug."
    ) % {"slug": slug, "owner": owner}


def clashing_pages():
    """Existing pages directly under a site root (any locale) whose slug is reserved."""
    from wagtail.models import Page, Site

    reserved = reserved_slugs()
    roots = Page.objects.filter(
        translation_key__in=Site.objects.values("root_page__translation_key")
    )
    clashes = []
    try:
        for root in roots:
            for page in root.get_children().filter(slug__in=list(reserved)):
                clashes.append((page, reserved[page.slug]))
    except DatabaseError:
        return []  # not migrated yet: no page to clash
    return clashes
