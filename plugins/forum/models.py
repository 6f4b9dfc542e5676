"""What the portal adds to machina's models: working groups' forums, subscriptions,
the notification outbox and the search index of posts."""

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class WorkingGroupForum(models.Model):
    """The machina forum of a working group, found by the group's auth group.

    The working group's members are the auth group's users; machina's
    per-forum permissions (``GroupForumPermission``) are granted on that group.
    """

    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="musenor_forum_link"
    )
    forum = models.OneToOneField(
        "forum.Forum", on_delete=models.CASCADE, related_name="musenor_working_group"
    )

    class Meta:
        verbose_name = _("working group's forum")
        verbose_name_plural = _("working groups' forums")

    def __str__(self):
        return str(self.forum)


class ForumSubscription(models.Model):
    """A member follows every new post of a forum (machina has topic subscriptions only)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    forum = models.ForeignKey(
        "forum.Forum", on_delete=models.CASCADE, related_name="musenor_subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum subscription")
        verbose_name_plural = _("forum subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["user", "forum"], name="musenor_forum_one_subscription")
        ]

    def __str__(self):
        return f"{self.user} → {self.forum}"


class PostNotification(models.Model):
    """The outbox: an approved post whose subscribers the notification task has to tell.

    ``last_user_id`` is where the task stopped (recipients are handled in
    batches, by user id); ``sent_at`` is set once every batch went out.
    """

    post = models.OneToOneField(
        "forum_conversation.Post", on_delete=models.CASCADE, related_name="musenor_notification"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_user_id = models.BigIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("post notification")
        verbose_name_plural = _("post notifications")

    def __str__(self):
        return str(self.post)


class IndexedPost(index.Indexed, models.Model):
    """A forum post as the site's search engine sees it (kept in step by signals.py).

    machina's Post is not Wagtail-indexed; this copy of its subject and text,
    with its forum for the permission filter, is.
    """

    post = models.OneToOneField(
        "forum_conversation.Post", on_delete=models.CASCADE, related_name="musenor_indexed"
    )
    forum_id = models.BigIntegerField(db_index=True)
    subject = models.CharField(max_length=255)
    text = models.TextField(blank=True)
    approved = models.BooleanField(default=True)
    created = models.DateTimeField()

    search_fields = [
        index.SearchField("subject", boost=2),
        index.SearchField("text"),
        index.AutocompleteField("subject"),
        index.FilterField("forum_id"),
        index.FilterField("approved"),
    ]

    class Meta:
        verbose_name = _("indexed forum post")
        verbose_name_plural = _("indexed forum posts")

    def __str__(self):
        return self.subject

    @classmethod
    def update_for(cls, post):
        """Create or refresh the entry of ``post`` (which Wagtail then indexes)."""
        entry, _created = cls.objects.update_or_create(
            post=post,
            defaults={
                "forum_id": post.topic.forum_id,
                "subject": post.subject[:255],
                "text": strip_tags(post.content.rendered or ""),
                "approved": post.approved,
                "created": post.created,
            },
        )
        return entry
