from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import NewsletterIssue, Subscriber


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Issues")
    list_display = ["subject", "month", "sent_at"]
    search_fields = ["subject"]


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    list_display = ["email", "language", "confirmed_at", "unsubscribed_at"]
    list_filter = ["language"]
    search_fields = ["email"]


class NewsletterGroup(SnippetViewSetGroup):
    items = (NewsletterIssueViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletter")
    menu_name = "newsletter"


register_snippet(NewsletterGroup)

admin_urlpatterns = (
    [
        path("<int:pk>/test/", admin_views.send_test_view, name="send_test"),
        path("<int:pk>/send/", admin_views.send_view, name="send"),
    ],
    "musenor_newsletter_admin",
)


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [path("newsletter/", include(admin_urlpatterns))]


@hooks.register("register_snippet_listing_buttons")
def newsletter_issue_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, NewsletterIssue):
        return []
    buttons = []
    if user.has_perm(admin_views.CHANGE):
        buttons.append(
            ListingButton(
                _("Send a test"),
                reverse("musenor_newsletter_admin:send_test", args=[snippet.pk]),
                icon_name="mail",
                priority=20,
            )
        )
    if user.has_perm(admin_views.SEND):
        buttons.append(
            ListingButton(
                _("Send"),
                reverse("musenor_newsletter_admin:send", args=[snippet.pk]),
                icon_name="mail",
                priority=21,
            )
        )
    return buttons
