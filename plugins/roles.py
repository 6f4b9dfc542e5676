"""Roles: the permissions each role of the portal gets, from the core and the plugins.

The roles are those of DESIGN.md ("Accounts and roles"). ``manage.py
setup_roles`` creates one group per role, named in French as the admin shows
it, and adds to it the core's permissions and those the plugins declare in
their ``role_permissions()`` hook. A museum's editors are a group per museum
(created with the museum): the ``museum_editor`` permissions go to each of
those groups, and to a new museum's group when it is created. Permissions are
only ever added: what staff granted by hand stays.
"""

from django.core.exceptions import ImproperlyConfigured

MEMBER = "member"
MUSEUM_EDITOR = "museum_editor"
MODERATOR = "moderator"
STAFF = "staff"

#: Role key -> the name of its group (shown in the admin, in French like the site).
#: A museum's editors have a group per museum instead (``Éditeurs – <museum>``).
ROLES = {
    MEMBER: "Membres",
    MUSEUM_EDITOR: None,
    MODERATOR: "Modérateurs",
    STAFF: "Équipe de l’association",
}

#: The core's own permissions per role ("app_label.codename").
CORE_ROLE_PERMISSIONS = {
    MEMBER: [],
    MUSEUM_EDITOR: ["wagtailadmin.access_admin"],
    MODERATOR: ["wagtailadmin.access_admin"],
    STAFF: [
        "wagtailadmin.access_admin",
        "musenor_accounts.add_user",
        "musenor_accounts.change_user",
        "musenor_accounts.view_user",
        "musenor_accounts.add_workinggroup",
        "musenor_accounts.change_workinggroup",
        "musenor_accounts.delete_workinggroup",
        "musenor_accounts.view_workinggroup",
        "musenor_members.add_invitation",
        "musenor_members.change_invitation",
        "musenor_members.delete_invitation",
        "musenor_members.view_invitation",
        "musenor_members.change_membershipapplication",
        "musenor_members.view_membershipapplication",
        "wagtailcore.view_workflow",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
    ],
}


class RoleError(ImproperlyConfigured):
    """A role or a permission that does not exist was declared."""


def declared_role_permissions():
    """``{role: [(permission, who declared it), ...]}``: the core's and every enabled plugin's.

    Raises :class:`RoleError` for an unknown role or a malformed permission name.
    """
    from .manager import get_manager

    declared = {
        role: [(name, "core") for name in names] for role, names in CORE_ROLE_PERMISSIONS.items()
    }
    hook = get_manager().hook.role_permissions
    for impl in hook.get_hookimpls():
        for role, names in (impl.function() or {}).items():
            if role not in ROLES:
                raise RoleError(
                    f"The plugin {impl.plugin_name!r} gives permissions to the role {role!r}; "
                    f"the roles are {', '.join(ROLES)}."
                )
            declared[role] += [(name, impl.plugin_name) for name in names]
    return declared


def resolve_permissions(declared):
    """``{role: set of Permission}``; :class:`RoleError` names each unknown permission."""
    from django.contrib.auth.models import Permission

    wanted = {name for pairs in declared.values() for name, _ in pairs}
    malformed = sorted(name for name in wanted if name.count(".") != 1)
    if malformed:
        raise RoleError(f'Permissions are named "app_label.codename": {", ".join(malformed)}.')
    found = {
        f"{app_label}.{codename}": permission
        for permission, app_label, codename in (
            (p, p.content_type.app_label, p.codename)
            for p in Permission.objects.select_related("content_type").filter(
                codename__in={name.split(".")[1] for name in wanted}
            )
        )
    }
    unknown = sorted(
        f"{name} (declared by {who} for {role})"
        for role, pairs in declared.items()
        for name, who in pairs
        if name not in found
    )
    if unknown:
        raise RoleError(
            "These permissions do not exist (is the app installed and migrated?): "
            + "; ".join(unknown)
        )
    return {role: {found[name] for name, _ in pairs} for role, pairs in declared.items()}


def apply_permissions(group, permissions):
    """Add ``permissions`` the group lacks; return how many were added."""
    missing = set(permissions) - set(group.permissions.all())
    if missing:
        group.permissions.add(*missing)
    return len(missing)


def setup_roles(museum_editor_groups=()):
    """Create the role groups and give them their permissions; safe to run again.

    ``museum_editor_groups`` are the museums' editors' groups (the project
    layer finds them). Returns ``{"created": [group names], "added": {group
    name: number of permissions added}}``. Raises :class:`RoleError` before
    changing anything when a role or a permission is unknown.
    """
    from django.contrib.auth.models import Group

    permissions = resolve_permissions(declared_role_permissions())
    report = {"created": [], "added": {}}
    targets = []
    for role, name in ROLES.items():
        if name is None:
            continue
        group, created = Group.objects.get_or_create(name=name)
        if created:
            report["created"].append(name)
        targets.append((group, role))
    targets += [(group, MUSEUM_EDITOR) for group in museum_editor_groups]
    for group, role in targets:
        report["added"][group.name] = apply_permissions(group, permissions[role])
    return report
