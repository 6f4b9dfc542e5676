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


@pytest.fixture
def switched_off_page(home):
    """A live page in the menu under the home page, of a type whose plugin is switched off.

    That is what a plugin's page looks like with the plugin out of
    MUSENOR_PLUGINS: its content type names a model no loaded app defines.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    from musenor.pages.standard.models import StandardPage

    page = StandardPage(title="Fiche astrolabe", slug="fiche-astrolabe", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    gone, _ = ContentType.objects.get_or_create(app_label="musenor_gone", model="gonepage")
    Page.objects.filter(pk=page.pk).update(content_type=gone)
    return Page.objects.get(pk=page.pk)


@pytest.fixture
def working_groups(db):
    """The association's five working groups (site/data/groups.csv), keyed by slug."""
    from musenor.site.accounts.models import WorkingGroup

    WorkingGroup.objects.load_defaults()
    return {group.slug: group for group in WorkingGroup.objects.all()}


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site (``manage.py load_demo``), loaded once per test module and
    rolled back after it: slow (a minute or more), for the tests that need
    the real content (the search corpus, the site in every language)."""
    from io import StringIO

    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        # wagtail-localize publishes translations on commit; there is no commit here.
        patch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
        with transaction.atomic():
            call_command("load_demo", stdout=StringIO())
            yield
            transaction.set_rollback(True)
