"""machina's URL patterns, as machina.urls builds them, without its search and feeds.

Its haystack search finds nothing on the simple backend (the site search
serves forum posts instead); its feeds would be public addresses of private
forums (they filter by the reader's permissions, so an anonymous feed reader
sees nothing).
"""

from django.urls import include, path
from machina.core.loading import get_class


def urlpatterns():
    def patterns(app):
        return get_class(f"{app}.urls", "urlpatterns_factory").urlpatterns

    return [
        path("", include(patterns("forum"))),
        path("", include(patterns("forum_conversation"))),
        path("member/", include(patterns("forum_member"))),
        path("moderation/", include(patterns("forum_moderation"))),
        path("tracking/", include(patterns("forum_tracking"))),
    ]
