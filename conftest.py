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
def _site_language():
    """Each test starts in the site's language, whatever the test before it did.

    A request activates its language and leaves it active in the thread once
    answered (Django's LocaleMiddleware does not deactivate it): without this,
    a test that fetched a Dutch page would make the next one build Dutch
    addresses with ``reverse()``.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths; a fresh database must not see stale ones."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def production_picture_formats(settings):
    """The picture formats of production (the test settings leave AVIF out: slow)."""
    from musenor.site.settings import base

    settings.MUSENOR_PICTURE_FORMATS = base.MUSENOR_PICTURE_FORMATS


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


# --- The demo site ------------------------------------------------------------------
#
# Loading the whole demo takes minutes. On SQLite (an in-memory test database)
# it is loaded once per session and kept as a copy (SQLite's backup API), which
# every later test that wants the demo gets back in well under a second. On
# PostgreSQL each user loads it.


class DemoCopies:
    """Copies of the in-memory SQLite test database: the demo, and the empty site."""

    demo = None
    output = None  # what load_demo printed when it made the copy, on an empty site

    @staticmethod
    def usable(connection):
        return connection.vendor == "sqlite" and connection.is_in_memory_db()

    @staticmethod
    def copy(connection):
        import sqlite3

        connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy

    @classmethod
    def remember(cls, connection, output):
        """Keep the test database (the demo just loaded) for the session's later users."""
        if cls.usable(connection) and cls.demo is None:
            cls.demo = cls.copy(connection)
            cls.output = output

    @staticmethod
    def restore(copy, connection):
        """Put ``copy`` in place of the test database (outside any transaction)."""
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import cache

        connection.close_if_unusable_or_obsolete()
        connection.ensure_connection()
        copy.backup(connection.connection)
        # A transactional test's flush recreates the content types under new ids;
        # the copy has the ids of when it was taken.
        ContentType.objects.clear_cache()
        cache.clear()


def load_demo_database():
    """The demo in the test database: loaded, or given back from the session's copy.

    Runs outside any transaction (on-commit callbacks run at once, as in a
    shell). Returns what ``load_demo`` printed when it loaded this demo on an
    empty site (here, or earlier in the session for the copy).
    """
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection

    if DemoCopies.usable(connection) and DemoCopies.demo is not None:
        DemoCopies.restore(DemoCopies.demo, connection)
        return DemoCopies.output
    out = StringIO()
    call_command("load_demo", stdout=out)
    DemoCopies.remember(connection, out.getvalue())
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site (``manage.py load_demo``) for a module's read-only tests, then
    the empty site again: for the tests that need the real content (the search
    corpus, the site in every language)."""
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection, transaction

    with django_db_blocker.unblock():
        if DemoCopies.usable(connection):
            empty = DemoCopies.copy(connection)
            load_demo_database()
            yield
            DemoCopies.restore(empty, connection)
            empty.close()
            return
        with pytest.MonkeyPatch.context() as patch:
            # wagtail-localize publishes translations on commit; there is none here.
            patch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
            with transaction.atomic():
                call_command("load_demo", stdout=StringIO())
                yield
                transaction.set_rollback(True)


def ensure_wagtail_roots():
    """What Wagtail's migrations create and a transactional test's flush removes:
    the root page, the root collection and the default locale."""
    from django.core.cache import cache
    from wagtail.models import Collection, Locale, Page

    cache.clear()  # Wagtail caches the sites' root paths.
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def wagtail_roots(transactional_db):
    """Committed data from Wagtail's own start (see ``ensure_wagtail_roots``)."""
    ensure_wagtail_roots()


@pytest.fixture
def demo_database(transactional_db):
    """The demo site for a test with committed data (a live server, Chromium):
    what ``load_demo`` printed when it loaded it on an empty site."""
    ensure_wagtail_roots()
    return load_demo_database()


@pytest.fixture
def page_cache(settings):
    """The anonymous page cache switched on (the test settings switch it off)."""
    settings.MUSENOR_PAGE_CACHE_SECONDS = 300
    settings.MUSENOR_PAGE_CACHE_CDN_SECONDS = 60
