"""Who may edit which records: a museum's editors their museum's, association staff all.

A museum's editors are the groups with Wagtail's "change" page permission on
that museum's page (or above it): the core creates one such group per museum
(``musenor.pages.museums.signals``). Staff hold the model permission
``musenor_notices.edit_every_museum`` (given to the ``staff`` role), as do
superusers. Every view of the plugin, the import and Wagtail's snippet views
and API ask :data:`record_permission_policy`.
"""

from django.apps import apps
from django.db.models import Q
from wagtail.models import GroupPagePermission
from wagtail.permission_policies import ModelPermissionPolicy

EVERY_MUSEUM = "musenor_notices.edit_every_museum"


def edits_every_museum(user):
    return bool(user.is_active and (user.is_superuser or user.has_perm(EVERY_MUSEUM)))


def museums_edited_by(user):
    """The museum pages whose records ``user`` may edit, as a queryset of ``MuseumPage``."""
    MuseumPage = apps.get_model("musenor_museums", "MuseumPage")
    if not (user.is_active and user.is_authenticated):
        return MuseumPage.objects.none()
    if edits_every_museum(user):
        return MuseumPage.objects.all()
    cache = getattr(user, "_musenor_notices_museums", None)
    if cache is None:
        paths = GroupPagePermission.objects.filter(
            group__user=user,
            permission__content_type__app_label="wagtailcore",
            permission__codename="change_page",
        ).values_list("page__path", flat=True)
        cache = list(paths)
        user._musenor_notices_museums = cache
    if not cache:
        return MuseumPage.objects.none()
    within = Q()
    for path in cache:
        within |= Q(path__startswith=path)
    return MuseumPage.objects.filter(within)


class RecordPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed to the museums the user edits."""

    def user_has_permission(self, user, action):
        if not super().user_has_permission(user, action):
            return False
        if action in ("add", "change", "delete", "publish", "lock", "unlock"):
            return edits_every_museum(user) or museums_edited_by(user).exists()
        return True

    def _museum_ids(self, user):
        return set(museums_edited_by(user).values_list("pk", flat=True))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if not any(
            super(RecordPermissionPolicy, self).user_has_permission(user, a) for a in actions
        ):
            return False
        if edits_every_museum(user):
            return True
        return instance.museum_id in self._museum_ids(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(
            super(RecordPermissionPolicy, self).user_has_permission(user, a) for a in actions
        ):
            return self.model.objects.none()
        if edits_every_museum(user):
            return self.model.objects.all()
        return self.model.objects.filter(museum__in=museums_edited_by(user))

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        museum = instance.museum
        editors = GroupPagePermission.objects.filter(
            permission__content_type__app_label="wagtailcore",
            permission__codename="change_page",
            page__in=museum.get_ancestors(inclusive=True),
        ).values_list("group", flat=True)
        return users.filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="edit_every_museum")
            | Q(user_permissions__codename="edit_every_museum")
            | Q(groups__in=editors)
        ).distinct()


record_permission_policy = RecordPermissionPolicy("musenor_notices.Record")


def records_editable_by(user, action="change"):
    """The records ``user`` may act on (``"add"``, ``"change"``, ``"delete"``, ``"view"``...).

    The import calls this (and :func:`museums_edited_by` for the museums it
    may import into): a museum's editor gets their museum's records only.
    """
    return record_permission_policy.instances_user_has_permission_for(user, action)
