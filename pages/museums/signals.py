"""Creating a museum creates its editors' group.

The group's page permissions cover the museum's subtree only, so that a
museum's staff edit their own pages and nothing of other museums.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission

from .models import MuseumPage

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def editors_group_name(museum):
    return f"Éditeurs – {museum.title}"[:150]


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
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=instance,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
