"""Forum posts in the site search, limited to the forums the searching member may read."""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from musenor.search.providers import ModelSearchProvider, SearchHit

from .models import IndexedPost
from .permissions import readable_forum_ids


class ForumPostSearchProvider(ModelSearchProvider):
    name = "forum"
    label = _("Forum")
    model = IndexedPost

    def get_queryset(self, request):
        forum_ids = readable_forum_ids(request.user)
        if not forum_ids:
            return IndexedPost.objects.none()
        return IndexedPost.objects.filter(forum_id__in=forum_ids, approved=True).select_related(
            "post__topic__forum"
        )

    def to_hit(self, obj, request):
        post = obj.post
        topic = post.topic
        url = reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": topic.forum.slug,
                "forum_pk": topic.forum_id,
                "slug": topic.slug,
                "pk": topic.pk,
            },
        )
        return SearchHit(
            title=obj.subject,
            url=f"{url}?post={post.pk}#{post.pk}",
            summary=Truncator(obj.text).words(30),
            kind=str(_("Forum post in “%(forum)s”") % {"forum": topic.forum.name}),
        )
