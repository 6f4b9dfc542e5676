"""The members' dashboard panel: the latest topics of my working groups, and what is unread."""

from django.apps import apps


def dashboard_context(request):
    """The panel's context for ``request.user``, or None when they read no forum."""
    from machina.apps.forum_conversation.models import Topic
    from machina.apps.forum_tracking.handler import TrackingHandler

    from .permissions import readable_forum_ids

    user = request.user
    forum_ids = readable_forum_ids(user)
    if not forum_ids:
        return None
    limit = apps.get_app_config("musenor_forum").get_setting("TOPICS_PER_PANEL")
    topics = Topic.approved_objects.filter(forum_id__in=forum_ids).select_related(
        "forum", "last_post", "last_post__poster"
    )
    unread_ids = {topic.pk for topic in TrackingHandler().get_unread_topics(topics, user)}
    latest = list(topics.order_by("-last_post_on")[:limit])
    for topic in latest:
        topic.musenor_unread = topic.pk in unread_ids
    return {"topics": latest, "unread_count": len(unread_ids)}
