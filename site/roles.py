"""The roles of the portal applied to this site's groups (``manage.py setup_roles``).

``musenor.plugins.roles`` knows the roles and collects their permissions; this
module, which sees the page apps, adds the museums' editors' groups: every
existing one when the command runs, and each new one as its museum is created.
"""

import logging

from django.contrib.auth.models import Group
from django.dispatch import receiver
from wagtail.models import GroupApprovalTask

from musenor.pages.museums.signals import editors_group_created
from musenor.plugins.roles import (
    MODERATOR,
    MUSEUM_EDITOR,
    ROLES,
    RoleError,
    apply_permissions,
    declared_role_permissions,
    resolve_permissions,
    setup_roles,
)
from musenor.site.workflow import MODERATION_WORKFLOW, museum_editor_groups

logger = logging.getLogger(__name__)


def setup_site_roles():
    """Create the role groups and give every role its permissions, museums' editors included.

    The moderators' group also becomes a reviewer of the "Validation avant
    publication" task, beside Wagtail's own moderators' group ("Rédacteurs en
    chef"), so that its members approve museum editors' changes when
    ``MUSENOR_MODERATION`` is on.
    """
    report = setup_roles(museum_editor_groups=list(museum_editor_groups()))
    moderators = Group.objects.get(name=ROLES[MODERATOR])
    report["approval_tasks_joined"] = 0
    for task in GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW):
        if not task.groups.filter(pk=moderators.pk).exists():
            task.groups.add(moderators)
            report["approval_tasks_joined"] += 1
    return report


@receiver(editors_group_created, dispatch_uid="musenor_museum_editor_role")
def give_new_museum_group_its_role(sender, group, museum, **kwargs):
    try:
        permissions = resolve_permissions(declared_role_permissions())
    except RoleError:
        # Creating a museum must not fail for a plugin's mistake; setup_roles reports it.
        logger.exception("The museum editors' permissions could not be applied to %s.", group)
        return
    apply_permissions(group, permissions[MUSEUM_EDITOR])
