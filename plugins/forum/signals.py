"""Signal handlers: working groups' forums, the search index and the notification outbox."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_save

WORKING_GROUP_MODEL = ("musenor_accounts", "WorkingGroup")


def working_group_saved(sender, instance, raw=False, **kwargs):
    """Each working group has its forum, named and described as the group is."""
    if raw:
        return
    from .permissions import ensure_forum

    ensure_forum(instance.group, instance.name, getattr(instance, "description", "") or "")


def post_saved(sender, instance, raw=False, **kwargs):
    """Index the post for the site search; queue the notification of a newly approved one."""
    if raw:
        return
    from .models import IndexedPost, PostNotification

    IndexedPost.update_for(instance)
    if instance.approved:
        _queued, created = PostNotification.objects.get_or_create(post=instance)
        if created:
            from .tasks import send_post_notifications

            transaction.on_commit(send_post_notifications.enqueue)


def topic_saved(sender, instance, raw=False, **kwargs):
    """A topic moved to another forum takes its posts' search entries along."""
    if raw:
        return
    from .models import IndexedPost

    for entry in IndexedPost.objects.filter(post__topic=instance).exclude(
        forum_id=instance.forum_id
    ):
        entry.forum_id = instance.forum_id
        entry.save(update_fields=["forum_id"])  # through save(): the search index follows


def role_group_saved(sender, instance, created=False, raw=False, **kwargs):
    """A moderator or staff group created after the forums (setup_roles) moderates them."""
    from musenor.plugins.roles import MODERATOR, ROLES, STAFF

    if raw or not created or instance.name not in (ROLES[MODERATOR], ROLES[STAFF]):
        return
    from .permissions import ensure_moderation

    ensure_moderation()


def connect():
    post_save.connect(
        topic_saved, sender="forum_conversation.Topic", dispatch_uid="musenor_forum_topic_saved"
    )
    post_save.connect(role_group_saved, sender="auth.Group", dispatch_uid="musenor_forum_roles")
    post_save.connect(
        post_saved, sender="forum_conversation.Post", dispatch_uid="musenor_forum_post_saved"
    )
    try:
        working_group = apps.get_model(*WORKING_GROUP_MODEL)
    except LookupError:  # a core without working groups yet
        return
    post_save.connect(
        working_group_saved, sender=working_group, dispatch_uid="musenor_forum_working_group"
    )
