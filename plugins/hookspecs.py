"""The portal's own extension points: one pluggy hook spec each.

Plugins implement them in a ``musenor_hooks.py`` module, decorated with
``musenor.plugins.hookimpl``. An implementation may accept fewer arguments than
its spec (pluggy passes only those it names), so a spec can gain an argument
without breaking plugins. Every spec here is documented, with its exact
signature, in ``docs/plugins.md`` (``tests/test_docs.py`` checks it).

Everything inside the Wagtail admin goes through Wagtail's own hooks in
``wagtail_hooks.py`` instead.
"""

from dataclasses import dataclass

import pluggy

hookspec = pluggy.HookspecMarker("musenor")
hookimpl = pluggy.HookimplMarker("musenor")


@dataclass(frozen=True)
class MenuItem:
    """A link in the public site's main navigation."""

    label: str
    url: str
    # Lower first; core pages in the menu sit at 0-99.
    order: int = 100
    # "app_label.codename": only users with it see the item (members' navigation).
    permission: str | None = None


@dataclass(frozen=True)
class DashboardPanel:
    """A panel of the members' space dashboard, rendered from a template."""

    title: str
    template: str
    context: dict | None = None
    order: int = 100
    # "app_label.codename": only users with it see the panel.
    permission: str | None = None


@dataclass(frozen=True)
class PagePanel:
    """A panel a plugin shows on a core page, in a named slot, rendered from a template.

    ``template`` is rendered with ``context`` plus ``page``, ``request`` and
    ``panel``; the core page renders ``title`` as the panel's heading. Panels of
    a slot are sorted by ``order``.
    """

    title: str
    template: str
    context: dict | None = None
    order: int = 100
    slot: str = "main"


@hookspec
def register_public_urls():
    """Return a list of URL patterns for the public site.

    They are mounted before Wagtail's page-serving catch-all, inside the
    language prefix (``/`` in French, ``/en/``, ``/nl/``). Name them with the
    plugin's label as namespace, e.g. ``path("notices/", include((urls, "musenor_notices")))``.
    """


@hookspec
def menu_items(request):
    """Return :class:`MenuItem` objects to add to the public navigation for ``request``.

    Called on each page render: return quickly and do not query the database
    more than once. Return an empty list to show nothing (for instance to
    anonymous visitors).
    """


@hookspec
def search_providers():
    """Return search providers for content that is not a page (records, posts).

    Each provider follows :class:`musenor.search.providers.SearchProvider`:
    a ``name``, a ``label`` and ``search(query, request, limit)`` returning
    :class:`musenor.search.providers.SearchHit` objects. The site search shows
    each provider's hits in its own section.
    """


@hookspec
def embeddable_blocks():
    """Return ``(name, block)`` pairs that editors may place in core pages.

    ``name`` is stored in page content and must stay stable; ``block`` is a
    Wagtail block instance with a ``label``. Core pages hold one "plugin
    content" block whose choices come from this hook, so core migrations never
    depend on the installed plugins. The block is rendered with its default
    value and the editor's options in the context (``heading``, ``limit``).
    When the plugin is switched off, the content renders as nothing.
    """


@hookspec
def member_dashboard_panels(request):
    """Return :class:`DashboardPanel` objects for the members' space dashboard.

    ``request.user`` is a signed-in, active member (the hook is not called for
    anonymous visitors) and ``request.LANGUAGE_CODE`` the page's language.
    Return the panels that user may see; a panel with a ``permission`` is also
    dropped for users without it. Panels are shown by ``order``, then title.
    Collected by :func:`musenor.plugins.members.dashboard_panels`.
    """


@hookspec
def load_demo_data(site, seed, stdout):
    """Create this plugin's demo content under the Wagtail ``site``.

    ``seed`` makes generated content reproducible; ``stdout`` takes progress
    lines. Running it twice must change nothing. The core apps implement it
    too; ``manage.py load_demo`` runs each implementation after those of the
    apps it names with :func:`musenor.plugins.runs_after`, the core's before
    the plugins' (``musenor.plugins.manager.call_in_order``).
    """


@hookspec
def sitemaps():
    """Return ``{section name: sitemap}`` for the site's sitemap index.

    A sitemap is a ``django.contrib.sitemaps.Sitemap`` instance or class
    (a ``wagtail.contrib.sitemaps.Sitemap`` subclass is given the request).
    Each section is served at ``/sitemap-<section name>.xml``, paginated by
    ``?p=`` (``limit`` URLs a page, 50,000 at most), and listed in
    ``/sitemap.xml``. Name sections after the plugin (``notices``,
    ``notices-museums``); ``pages`` is the core's.
    """


@hookspec
def page_panels(page, request):
    """Return :class:`PagePanel` objects to show on the core ``page`` for ``request``.

    ``page`` is the specific page being served (a ``MuseumPage``, an
    ``ExhibitionPage``, the ``HomePage``…): check its type and return an empty
    list for pages the plugin has nothing to add to. Called on each render of
    the page: query the database at most once.
    """


# --- Notifications, background work, roles, members' navigation -------------------
#
# The types these hooks return live in musenor.plugins.notifications,
# musenor.plugins.periodic and musenor.plugins.members; MenuItem and
# DashboardPanel above carry an optional ``permission``.


@hookspec
def notification_types():
    """Return :class:`musenor.plugins.NotificationType` objects: what members may be told.

    Each ``key`` is stored with the members' preferences and must stay stable;
    prefix it with the plugin's name (``"notices.new_record"``). Members choose,
    per type, immediate mail, the daily digest or nothing; ``default`` applies
    until they choose. Send with :func:`musenor.plugins.notify`.
    """


@hookspec
def periodic_tasks():
    """Return :class:`musenor.plugins.PeriodicTask` objects: tasks to enqueue on a schedule.

    ``manage.py run_periodic_tasks`` (run by cron or a systemd timer every few
    minutes) enqueues each task whose interval has passed since its last run,
    and remembers the run in the database. ``name`` keys that memory: keep it
    stable and unique (prefix it with the plugin's name).
    """


@hookspec
def role_permissions():
    """Return ``{role: ["app_label.codename", ...]}``: the permissions each role gets.

    Roles are ``member``, ``museum_editor``, ``moderator`` and ``staff`` (see
    :data:`musenor.plugins.roles.ROLES`). ``manage.py setup_roles`` adds them to
    the role groups (for ``museum_editor``: to every museum's editors' group).
    An unknown role or permission stops the command with an error.
    """


@hookspec
def member_menu_items(request):
    """Return :class:`MenuItem` objects for the members' space navigation.

    ``request.user`` is a signed-in, active member (the hook is not called for
    anonymous visitors); ``request.LANGUAGE_CODE`` is the page's language, so
    reverse URLs inside the hook. An item with a ``permission`` is shown only to
    users who have it; items are shown by ``order``, then label. Collected by
    :func:`musenor.plugins.members.member_menu`.
    """
