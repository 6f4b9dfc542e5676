"""The generation of the page cache: one token that every cached page's key carries.

The portal caches anonymous pages whole (``musenor.site.page_cache``). A page
shows much more than itself (a published exhibition changes the home page, the
directory and its museum's page), so nothing is purged page by page: every key
carries the current generation, and a purge replaces it, which retires every
cached page at once. Old entries are never read again and expire on their own
(``PAGE_CACHE_SECONDS``).

This module is part of the plugin API (``musenor.plugins.purge_page_cache``)
and imports nothing else of the portal.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "musenor:page-cache:generation"


def page_cache_generation():
    """The current generation: a token that changes at each purge."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Unknown (a fresh or evicted cache): a new random token cannot meet
        # an older entry's key, as a counter starting again at 0 could.
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def purge_page_cache():
    """Retire every cached page: the next visit of each page renders it anew.

    Call it when something the public pages show changed in a way the core does
    not see: a bulk ``QuerySet.update()``, ``bulk_create()``, an import that
    bypasses ``save()``, content read from outside the database. Saving or
    deleting a page, a snippet, a setting, an image or a document purges the
    cache already (``musenor.site.page_cache``).

    The purge happens at once and again when the current transaction commits,
    so that a visitor's request running meanwhile cannot store the page as it
    was before the commit under the new generation.
    """
    _new_generation()
    transaction.on_commit(_new_generation)
