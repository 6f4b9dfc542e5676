"""Working groups' forums and who may do what in them (machina's per-forum permissions).

A working group's forum is private: its members (the users of the working
group's auth group) read, post, reply, edit their posts, attach files and vote;
moderators (the "moderator" role) and association staff (the "staff" role)
read and moderate every working group's forum. Nobody else sees it: machina
grants nothing by default (``MACHINA_DEFAULT_AUTHENTICATED_USER_FORUM_PERMISSIONS``
is empty).
"""

from django.contrib.auth.models import Group
from django.db import transaction

from musenor.plugins.roles import MODERATOR, ROLES, STAFF

MEMBER_PERMISSIONS = (
    "can_see_forum",
    "can_read_forum",
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_delete_own_posts",
    "can_post_without_approval",
    "can_create_polls",
    "can_vote_in_polls",
    "can_attach_file",
    "can_download_file",
)
MODERATOR_PERMISSIONS = (
    *MEMBER_PERMISSIONS,
    "can_post_announcements",
    "can_post_stickies",
    "can_lock_topics",
    "can_move_topics",
    "can_edit_posts",
    "can_delete_posts",
    "can_approve_posts",
    "can_reply_to_locked_topics",
)


def moderating_groups():
    """The auth groups of the moderator and staff roles that exist (setup_roles creates them)."""
    return list(Group.objects.filter(name__in=[ROLES[MODERATOR], ROLES[STAFF]]))


def grant(forum, group, codenames):
    from machina.apps.forum_permission.models import ForumPermission, GroupForumPermission

    for permission in ForumPermission.objects.filter(codename__in=codenames):
        GroupForumPermission.objects.update_or_create(
            forum=forum, group=group, permission=permission, defaults={"has_perm": True}
        )


@transaction.atomic
def ensure_forum(group, name, description=""):
    """Create or update the forum of the working group whose auth group is ``group``.

    Idempotent: the forum is found through its link to the group, renamed and
    described as the working group is, and its permissions granted again.
    Returns the machina ``Forum``.
    """
    from machina.apps.forum.models import Forum

    from .models import WorkingGroupForum

    link = WorkingGroupForum.objects.select_related("forum").filter(group=group).first()
    if link is None:
        forum = Forum.objects.create(name=name, description=description, type=Forum.FORUM_POST)
        WorkingGroupForum.objects.create(group=group, forum=forum)
    else:
        forum = link.forum
        if (forum.name, forum.description.raw or "") != (name, description or ""):
            forum.name = name
            forum.description = description
            forum.save()
    grant(forum, group, MEMBER_PERMISSIONS)
    for moderating in moderating_groups():
        grant(forum, moderating, MODERATOR_PERMISSIONS)
    return forum


def ensure_moderation():
    """Grant the moderator and staff roles their rights on every working group's forum."""
    from .models import WorkingGroupForum

    groups = moderating_groups()
    for link in WorkingGroupForum.objects.select_related("forum"):
        for moderating in groups:
            grant(link.forum, moderating, MODERATOR_PERMISSIONS)


def readable_forum_ids(user):
    """The ids of the forums ``user`` may read (machina's own permission handler)."""
    from machina.apps.forum.models import Forum
    from machina.apps.forum_permission.handler import PermissionHandler

    if not user.is_authenticated or not user.is_active:
        return []
    forums = PermissionHandler().get_readable_forums(Forum.objects.all(), user)
    return [forum.pk for forum in forums]


def can_read(user, forum):
    from machina.apps.forum_permission.handler import PermissionHandler

    return user.is_active and PermissionHandler().can_read_forum(forum, user)
