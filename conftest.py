"""Fixtures shared by every test of the portal."""

import pytest


@pytest.fixture
def site_tree(db):
    from musenor.pages.museums.factories import make_site_tree

    return make_site_tree()


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def directory(site_tree):
    return site_tree[1]


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a fresh database must not see stale ones."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
