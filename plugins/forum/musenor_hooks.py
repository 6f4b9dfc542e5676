"""The portal's hooks the forum implements (see docs/plugins.md and docs/forum.md)."""

from datetime import timedelta

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from musenor.plugins import DashboardPanel, MenuItem, NotificationType, PeriodicTask, hookimpl


@hookimpl
def register_public_urls():
    # machina's URLs keep machina's namespaces (its templates and views reverse
    # forum:index, forum_conversation:topic…), so they cannot sit inside the
    # plugin's own namespace: they are mounted here, under the plugin's prefix,
    # after the plugin's own urls.py (which the core mounts first).
    from .machina_urls import urlpatterns

    return [path("forum/", include(urlpatterns()))]


@hookimpl
def member_menu_items(request):
    return [
        MenuItem(label=_("Forum"), url=reverse("forum:index"), order=20),
        MenuItem(
            label=_("Forum subscriptions"), url=reverse("musenor_forum:subscriptions"), order=21
        ),
    ]


@hookimpl
def member_dashboard_panels(request):
    from .panels import dashboard_context

    context = dashboard_context(request)
    if context is None:
        return []
    return [
        DashboardPanel(
            title=_("Forum: the latest topics of my groups"),
            template="musenor_forum/panels/latest_topics.html",
            context=context,
            order=20,
        )
    ]


@hookimpl
def search_providers():
    from .search import ForumPostSearchProvider

    return [ForumPostSearchProvider()]


@hookimpl
def notification_types():
    from .notifications import NEW_POST

    return [
        NotificationType(
            key=NEW_POST,
            label=_("New posts in the forums and topics I follow"),
            description=_("A message for each new post, or the day's posts in the daily digest."),
            default="immediate",
        )
    ]


@hookimpl
def periodic_tasks():
    from .tasks import send_post_notifications

    # Posts are mailed as soon as they are saved; this run picks up what an
    # interrupted or failed run left in the outbox.
    return [PeriodicTask("forum.post_notifications", send_post_notifications, timedelta(minutes=5))]


@hookimpl
def load_demo_data(site, seed, stdout):
    from .demo import load_demo

    load_demo(seed, stdout)
