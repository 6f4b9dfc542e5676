"""Creating a museum creates its editors' group.

The group's page permissions cover the museum's subtree only, so that a
museum's staff edit their own pages and nothing of other museums. When the
association moderates (``MUSENOR_MODERATION``), the group may add and change
pages but not publish them: its changes go through Wagtail's moderation
workflow (``musenor.site.workflow`` assigns it and extends the group's rights to
the museum's exhibitions, on :data:`editors_group_created`).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from wagtail.models import GroupPagePermission

from .models import MuseumPage

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
MODERATED_EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")

#: Sent once a new museum's editors' group has its page permissions, with the
#: keyword arguments ``group`` and ``museum``. The museum directory knows
#: nothing of the apps built on it; they listen here.
editors_group_created = Signal()


def editors_group_name(museum):
    return f"Éditeurs – {museum.title}"[:150]


def editor_page_permissions():
    """The codenames a museum's editors get on its subtree: no publishing under moderation."""
    if getattr(settings, "MUSENOR_MODERATION", False):
        return MODERATED_EDITOR_PAGE_PERMISSIONS
    return EDITOR_PAGE_PERMISSIONS


@receiver(post_save, sender=MuseumPage)
def create_museum_editors_group(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    # A translation shares its source's translation key: one group per museum.
    if (
        MuseumPage.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .exists()
    ):
        return
    group, _ = Group.objects.get_or_create(name=editors_group_name(instance))
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in editor_page_permissions():
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=instance,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    editors_group_created.send(sender=MuseumPage, group=group, museum=instance)
