"""Museum editors' rights beyond their museum page, and the moderation of their changes.

Creating a museum creates its editors' group, with rights on the museum's
subtree (``musenor.pages.museums.signals``). Exhibitions do not live under their
museums but under one exhibition index, so this module, which sees both page
apps (the project layer may import them; they never import it), extends those
rights with Wagtail's own page permissions, which every admin screen honours
(editor, explorer, bulk actions, locking, moving, deleting):

- a museum's editors may **add** exhibitions under the exhibition index of their
  museum's language; Wagtail lets them edit the drafts they created;
- on each exhibition page, the groups that hold change or publish rights on one
  of the exhibition's museums get the **same rights on the exhibition**. They
  are mirrored when an exhibition is created in the admin and each time one is
  published, so they follow its "museums" field. Rights on a single exhibition
  page are therefore managed here: grant rights on the index, not on one
  exhibition;
- an editor who may publish their museum's exhibitions may not publish one that
  names none of their museums: the change is kept as a draft, with a message
  (``exhibition_publish_refusal``, called by ``musenor.site.wagtail_hooks``);
- with ``MUSENOR_MODERATION`` on, museum editors' groups have no publish right
  (so none on exhibitions either), and the museum directory and the exhibition
  indexes get Wagtail's default workflow ("Validation avant publication"): an editor's change is
  submitted to the moderators and goes live when one approves it.

``manage.py setup_moderation`` applies all of this to an existing site (after
``MUSENOR_MODERATION`` changed, or to a database filled before this module
existed); the signals below keep it right for new museums, exhibition indexes
and exhibitions.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.signals import page_published

from musenor.pages.exhibitions.models import ExhibitionIndexPage, ExhibitionPage
from musenor.pages.museums.models import MuseumIndexPage, MuseumPage
from musenor.pages.museums.signals import editors_group_created

# Wagtail's default workflow, task and moderators' group, by the French names
# musenor_site's migration 0003 gives them ("Moderators approval", "Moderators").
MODERATION_WORKFLOW = "Validation avant publication"
MODERATORS_GROUP = "Rédacteurs en chef"
# The rights on a museum that its editors also get on the museum's exhibitions.
MIRRORED_CODENAMES = ("change_page", "publish_page")


def moderation_enabled():
    return bool(getattr(settings, "MUSENOR_MODERATION", False))


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def _content_type(model):
    return ContentType.objects.get_for_model(model)


# --- Who are the museum editors -------------------------------------------------


def museum_editor_groups():
    """The groups whose page rights are all on museums and exhibitions: the museums' editors.

    Staff groups, with rights on the home page or the directory, are left out.
    """
    museum_type = _content_type(MuseumPage)
    own_types = [museum_type, _content_type(ExhibitionPage), _content_type(ExhibitionIndexPage)]
    on_museums = GroupPagePermission.objects.filter(page__content_type=museum_type)
    elsewhere = GroupPagePermission.objects.exclude(page__content_type__in=own_types)
    return Group.objects.filter(pk__in=on_museums.values("group")).exclude(
        pk__in=elsewhere.values("group")
    )


def publishable_museums(user):
    """The museums whose pages ``user`` may publish (through their groups), by title."""
    return (
        MuseumPage.objects.filter(
            group_permissions__group__user=user,
            group_permissions__permission__codename="publish_page",
        )
        .distinct()
        .order_by("title")
    )


# --- Rights on exhibitions ------------------------------------------------------


def grant_exhibition_index_rights(groups, indexes):
    """Let each group add exhibitions under the ``indexes`` of its museums' languages."""
    groups = list(groups)
    indexes = list(indexes)
    if not groups or not indexes:
        return 0
    add = page_permission("add_page")
    locales = set(
        GroupPagePermission.objects.filter(
            group__in=groups, page__content_type=_content_type(MuseumPage)
        ).values_list("group_id", "page__locale_id")
    )
    granted = 0
    for index in indexes:
        for group_id, locale_id in sorted(locales):
            if locale_id == index.locale_id:
                _, created = GroupPagePermission.objects.get_or_create(
                    group_id=group_id, page=index, permission=add
                )
                granted += created
    return granted


def sync_exhibition_permissions(exhibition):
    """Give the groups of the exhibition's museums their museum rights on it; drop the rest.

    Reads the museums saved in the database (the live version's), not a draft's.
    """
    museum_keys = MuseumPage.objects.filter(exhibitions=exhibition).values("translation_key")
    wanted = set(
        GroupPagePermission.objects.filter(
            page__translation_key__in=museum_keys,
            page__content_type=_content_type(MuseumPage),
            permission__codename__in=MIRRORED_CODENAMES,
        ).values_list("group_id", "permission_id")
    )
    current = {
        (row.group_id, row.permission_id): row.pk
        for row in GroupPagePermission.objects.filter(page=exhibition)
    }
    stale = [pk for key, pk in current.items() if key not in wanted]
    if stale:
        GroupPagePermission.objects.filter(pk__in=stale).delete()
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group_id=group_id, permission_id=permission_id, page=exhibition)
            for group_id, permission_id in sorted(wanted - current.keys())
        ]
    )


def exhibition_publish_refusal(user, exhibition, museums):
    """Why ``user`` may not publish ``exhibition`` naming ``museums``, or None if they may.

    Those who may publish anywhere under the exhibition index (the association's
    staff) publish any exhibition. A museum editor publishes an exhibition only
    when it names one of the museums they may publish, even under an exhibition
    index they created inside their own museum's subtree.
    """
    if user.is_superuser:
        return None
    parent = exhibition.get_parent()
    if (
        parent is not None
        and parent.permissions_for_user(user).can_publish_subpage()
        and not MuseumPage.objects.ancestor_of(parent, inclusive=True).exists()
    ):
        return None
    if any(museum.permissions_for_user(user).can_publish() for museum in museums):
        return None
    own = ", ".join(museum.title for museum in publishable_museums(user))
    return format_lazy(
        _(
            "“{title}” is saved as a draft but not published: you may publish the "
            "exhibitions of your own museum only ({museums}). Choose it in “Museums”, "
            "or ask the association’s staff to publish this one."
        ),
        title=exhibition.title,
        museums=own or _("none"),
    )


# --- Moderation -----------------------------------------------------------------


def moderation_workflow():
    """Wagtail's default workflow ("Validation avant publication"); recreated if deleted."""
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW).order_by("pk").first()
    if workflow is None:
        moderators, _ = Group.objects.get_or_create(name=MODERATORS_GROUP)
        task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW)
        task.groups.add(moderators)
        workflow = Workflow.objects.create(name=MODERATION_WORKFLOW)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def moderated_sections():
    """Where museum editors work: the museum directories and the exhibition indexes."""
    return [*MuseumIndexPage.objects.all(), *ExhibitionIndexPage.objects.all()]


def assign_moderation(pages):
    """Put ``pages`` (and what is under them) under the moderation workflow.

    A page that already has a workflow of its own keeps it. Returns the pages
    that have the moderation workflow now and did not before.
    """
    workflow = moderation_workflow()
    assigned = []
    for page in pages:
        _, created = WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
        if created:
            assigned.append(page)
    return assigned


def withdraw_moderation(pages):
    """Take the moderation workflow off ``pages`` (other workflows stay)."""
    deleted, _ = WorkflowPage.objects.filter(
        page__in=[page.pk for page in pages], workflow__name=MODERATION_WORKFLOW
    ).delete()
    return deleted


def set_museum_publishing(groups, publish):
    """Give or take the publish right on their museums to museum editors' groups."""
    permission = page_permission("publish_page")
    museum_type = _content_type(MuseumPage)
    if not publish:
        deleted, _ = GroupPagePermission.objects.filter(
            group__in=groups, page__content_type=museum_type, permission=permission
        ).delete()
        return deleted
    changed = 0
    rights = GroupPagePermission.objects.filter(
        group__in=groups, page__content_type=museum_type, permission__codename="change_page"
    ).values_list("group_id", "page_id")
    for group_id, page_id in rights:
        _, created = GroupPagePermission.objects.get_or_create(
            group_id=group_id, page_id=page_id, permission=permission
        )
        changed += created
    return changed


def setup_moderation():
    """Bring an existing site in line with ``MUSENOR_MODERATION``; safe to run again.

    Returns what changed, as counts, for the management command to report.
    """
    moderated = moderation_enabled()
    groups = list(museum_editor_groups())
    report = {"moderation": moderated, "groups": len(groups)}
    report["publish_rights_changed"] = set_museum_publishing(groups, publish=not moderated)
    report["index_rights_granted"] = grant_exhibition_index_rights(
        groups, ExhibitionIndexPage.objects.all()
    )
    exhibitions = ExhibitionPage.objects.all()
    for exhibition in exhibitions:
        sync_exhibition_permissions(exhibition)
    report["exhibitions"] = len(exhibitions)
    sections = moderated_sections()
    if moderated:
        report["sections_moderated"] = len(assign_moderation(sections))
        report["sections_unmoderated"] = 0
    else:
        report["sections_moderated"] = 0
        report["sections_unmoderated"] = withdraw_moderation(sections)
    return report


# --- Keeping it right as pages are created and published --------------------------


@receiver(editors_group_created, dispatch_uid="musenor_new_museum_group")
def extend_new_museum_group(sender, group, museum, **kwargs):
    indexes = list(ExhibitionIndexPage.objects.filter(locale_id=museum.locale_id))
    grant_exhibition_index_rights([group], indexes)
    if moderation_enabled():
        assign_moderation([*MuseumIndexPage.objects.ancestor_of(museum), *indexes])


@receiver(post_save, sender=ExhibitionIndexPage, dispatch_uid="musenor_new_exhibition_index")
def open_new_exhibition_index(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    grant_exhibition_index_rights(museum_editor_groups(), [instance])
    if moderation_enabled():
        assign_moderation([instance])


@receiver(page_published, sender=ExhibitionPage, dispatch_uid="musenor_exhibition_published")
def mirror_museum_rights_on_publish(sender, instance, **kwargs):
    sync_exhibition_permissions(instance)
