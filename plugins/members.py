"""The members' space navigation and dashboard, collected from the plugins.

The members' space pages only render what these helpers return: they call the
hooks for a signed-in member, drop what the member may not see, order the
rest, and skip (with a logged error) a plugin whose hook raises, so that one
broken plugin does not take the members' space down (unless ``DEBUG``).
"""

import logging

from django.conf import settings

from .manager import get_manager

logger = logging.getLogger(__name__)


def _collect(hook_name, request):
    """Every implementation's results for ``request``, skipping those that raise."""
    collected = []
    for impl in reversed(getattr(get_manager().hook, hook_name).get_hookimpls()):
        arguments = {"request": request} if "request" in impl.argnames else {}
        try:
            collected += list(impl.function(**arguments) or ())
        except Exception:
            if settings.DEBUG:
                raise
            logger.exception("The plugin %r failed in %s; skipped.", impl.plugin_name, hook_name)
    return collected


def _visible(items, user):
    return [item for item in items if not item.permission or user.has_perm(item.permission)]


def _signed_in(request):
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated and user.is_active


def member_menu(request):
    """The :class:`MenuItem` objects of the members' navigation, by order then label.

    Empty for anonymous or inactive users (the hook is not called).
    """
    if not _signed_in(request):
        return []
    items = _visible(_collect("member_menu_items", request), request.user)
    return sorted(items, key=lambda item: (item.order, str(item.label)))


def dashboard_panels(request):
    """The :class:`DashboardPanel` objects of the members' dashboard, by order then title."""
    if not _signed_in(request):
        return []
    panels = _visible(_collect("member_dashboard_panels", request), request.user)
    return sorted(panels, key=lambda panel: (panel.order, str(panel.title)))
