"""Keep Wagtail's cache of site root paths right when a home page is translated.

Wagtail clears that cache when a Site changes, but not when a translation of
a site's root page is created or deleted: until the cache expired, /en/ would
serve the French home page.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site


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
