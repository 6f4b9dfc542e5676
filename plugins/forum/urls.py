"""The plugin's own views at /forum/… (namespace ``musenor_forum``).

Mounted by the core before machina's URLs (register_public_urls): the
attachment and reply addresses are machina's own, so that machina's links
reach the permission-checked view of attachments.py and the reply form that
quotes (conversation.py) rather than machina's views.
"""

from django.urls import path

from . import attachments, views
from .conversation import QuotingPostCreateView

app_name = "musenor_forum"

urlpatterns = [
    path("attachment/<int:pk>/", attachments.download, name="attachment"),
    # machina's reply address: the reply form that can quote a post.
    path(
        "forum/<str:forum_slug>-<int:forum_pk>/topic/<str:topic_slug>-<int:topic_pk>/post/create/",
        QuotingPostCreateView.as_view(),
        name="post_create",
    ),
    path("abonnements/", views.subscriptions, name="subscriptions"),
    path("abonnements/forum/<int:pk>/", views.toggle_forum_subscription, name="forum_subscription"),
    path("abonnements/fin/<str:token>/", views.stop_subscription, name="stop_subscription"),
]
