"""Keep caches right: Wagtail's site root paths, and the footer's links.

Site root paths: Wagtail clears that cache when a Site changes, but not when a
translation of a site's root page is created or deleted: until the cache
expired, /en/ would serve the French home page.

The footer's links: cached per site and language (``musenor_tags.footer_pages``)
under a generation number that any publication, withdrawal, move or deletion
of a page, or a change of the settings, increments.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move


def _is_site_root_translation(page):
    return Site.objects.filter(root_page__translation_key=page.translation_key).exists()


@receiver(post_save)
def clear_root_paths_on_new_root_translation(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page) and _is_site_root_translation(instance):
        Site.clear_site_root_paths_cache()


@receiver(post_delete)
def clear_root_paths_on_deleted_root_translation(sender, instance, **kwargs):
    if isinstance(instance, Page) and _is_site_root_translation(instance):
        Site.clear_site_root_paths_cache()


# --- The footer's links (musenor.site.models.SiteLinks), cached per site and language ---

FOOTER_GENERATION_KEY = "musenor:footer-links:generation"


def footer_links_generation():
    return cache.get_or_set(FOOTER_GENERATION_KEY, 0, timeout=None)


def footer_links_changed(**kwargs):
    """A page may have been renamed, moved, published or withdrawn: rebuild every footer."""
    try:
        cache.incr(FOOTER_GENERATION_KEY)
    except ValueError:
        cache.set(FOOTER_GENERATION_KEY, 1, timeout=None)


page_published.connect(footer_links_changed, dispatch_uid="musenor_footer_published")
page_unpublished.connect(footer_links_changed, dispatch_uid="musenor_footer_unpublished")
post_page_move.connect(footer_links_changed, dispatch_uid="musenor_footer_moved")


@receiver(post_save)
def footer_links_saved(sender, instance, raw=False, **kwargs):
    from musenor.site.models import SiteLinks

    if isinstance(instance, SiteLinks | Site):
        footer_links_changed()


@receiver(post_delete)
def footer_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        footer_links_changed()
