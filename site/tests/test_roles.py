"""``manage.py setup_roles``: the role groups and their permissions, from the core and plugins."""

from io import StringIO
from types import ModuleType

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from musenor.pages.museums.factories import make_museum
from musenor.plugins import hookimpl
from musenor.plugins.manager import registered

pytestmark = pytest.mark.django_db

ROLE_GROUPS = ["Membres", "Modérateurs", "Équipe de l’association"]


def plugin_with_roles(name, roles):
    plugin = ModuleType(name)
    plugin.role_permissions = hookimpl(lambda: roles)
    return plugin


def setup_roles():
    out = StringIO()
    call_command("setup_roles", stdout=out)
    return out.getvalue()


def permissions(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


@pytest.fixture
def tagging_plugin():
    roles = {
        "member": ["taggit.view_tag"],
        "museum_editor": ["wagtailimages.add_image", "wagtailimages.change_image"],
        "moderator": ["taggit.change_tag", "taggit.delete_tag"],
        "staff": ["taggit.change_tag"],
    }
    with registered(plugin_with_roles("tagging", roles), name="tagging"):
        yield


def test_roles_get_the_core_and_plugin_permissions_and_a_second_run_changes_nothing(
    directory, tagging_plugin
):
    make_museum(directory, title="Musée de Picardie")
    output = setup_roles()
    assert "Groups created: Membres, Modérateurs, Équipe de l’association." in output
    assert permissions("Membres") == {"taggit.view_tag"}
    assert permissions("Modérateurs") == {
        "wagtailadmin.access_admin",
        "taggit.change_tag",
        "taggit.delete_tag",
    }
    staff = permissions("Équipe de l’association")
    assert {"musenor_accounts.change_user", "taggit.change_tag"} <= staff
    # The museum's own editors' group holds the museum editor's role; anything
    # more is what an enabled plugin grants museum editors (the collection
    # plugin: its records).
    editors = permissions("Éditeurs – Musée de Picardie")
    core = {"wagtailadmin.access_admin", "wagtailimages.add_image", "wagtailimages.change_image"}
    assert core <= editors
    assert all(name.startswith("musenor_notices.") for name in editors - core), editors

    before = {name: permissions(name) for name in [*ROLE_GROUPS, "Éditeurs – Musée de Picardie"]}
    groups = Group.objects.count()
    output = setup_roles()
    assert "Groups created: none." in output
    assert "Modérateurs: 0 permission(s) added." in output
    assert "Éditeurs – Musée de Picardie: 0 permission(s) added." in output
    assert "Moderation tasks the moderators' group joined: 0." in output
    assert Group.objects.count() == groups
    assert {name: permissions(name) for name in before} == before


def test_the_moderators_group_reviews_the_moderation_task():
    from wagtail.models import GroupApprovalTask

    task = GroupApprovalTask.objects.get(name="Validation avant publication")
    assert "Modérateurs" not in {group.name for group in task.groups.all()}
    assert "Moderation tasks the moderators' group joined: 1." in setup_roles()
    assert {"Rédacteurs en chef", "Modérateurs"} <= {group.name for group in task.groups.all()}


def test_what_staff_granted_by_hand_stays(tagging_plugin):
    setup_roles()
    moderators = Group.objects.get(name="Modérateurs")
    moderators.permissions.add(
        *Group.objects.get(name="Membres").permissions.all()  # taggit.view_tag
    )
    setup_roles()
    assert "taggit.view_tag" in permissions("Modérateurs")


def test_a_new_museums_editors_get_the_role_at_once(directory, tagging_plugin):
    make_museum(directory, title="Musée Matisse")
    assert {"wagtailimages.add_image", "wagtailimages.change_image"} <= permissions(
        "Éditeurs – Musée Matisse"
    )


def test_an_unknown_permission_is_a_clear_error_and_changes_nothing():
    plugin = plugin_with_roles("typo", {"moderator": ["taggit.moderate_tag", "taggit.change_tag"]})
    with registered(plugin, name="typo"), pytest.raises(CommandError) as raised:
        setup_roles()
    message = str(raised.value)
    assert "taggit.moderate_tag (declared by typo for moderator)" in message
    assert "change_tag" not in message
    assert not Group.objects.filter(name__in=ROLE_GROUPS).exists()


def test_an_unknown_role_or_a_malformed_name_is_refused():
    with (
        registered(plugin_with_roles("curators", {"curator": []}), name="curators"),
        pytest.raises(CommandError, match="'curators' gives permissions to the role 'curator'"),
    ):
        setup_roles()
    with (
        registered(plugin_with_roles("short", {"staff": ["change_tag"]}), name="short"),
        pytest.raises(CommandError, match=r"app_label\.codename.*change_tag"),
    ):
        setup_roles()
