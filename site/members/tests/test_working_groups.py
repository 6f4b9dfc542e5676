"""Working groups: seeded from site/data/groups.csv, membership through their auth group."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from musenor.site.accounts.models import WORKING_GROUPS_CSV, WorkingGroup

pytestmark = pytest.mark.django_db


def test_the_five_groups_of_the_csv_are_loaded_once(working_groups):
    with open(WORKING_GROUPS_CSV, encoding="utf-8") as handle:
        names = sorted(row["name"] for row in csv.DictReader(handle))
    assert len(names) == 5
    assert sorted(group.name for group in WorkingGroup.objects.all()) == names
    assert working_groups["mediation"].description.startswith("Échanges entre responsables")

    out = io.StringIO()
    call_command("load_working_groups", stdout=out)
    assert "0 created, 5 in all" in out.getvalue()
    assert WorkingGroup.objects.count() == 5
    assert Group.objects.filter(name__startswith="Groupe de travail – ").count() == 5


def test_membership_is_the_auth_group(working_groups):
    user = get_user_model().objects.create_user("anne@example.org", "x", first_name="Anne")
    other = get_user_model().objects.create_user("paul@example.org", "x")
    mediation = working_groups["mediation"]
    mediation.add_member(user)

    assert list(mediation.members) == [user]
    assert user.groups.filter(pk=mediation.group.pk).exists()
    assert list(WorkingGroup.objects.for_user(user)) == [mediation]
    assert list(WorkingGroup.objects.for_user(other)) == []

    user.is_active = False
    user.save()
    assert list(mediation.members) == []


def test_for_user_of_an_anonymous_visitor_is_empty(working_groups):
    from django.contrib.auth.models import AnonymousUser

    assert list(WorkingGroup.objects.for_user(AnonymousUser())) == []


def test_renaming_renames_the_auth_group_and_deleting_deletes_it(working_groups):
    group = working_groups["visio-express"]
    group.name = "Visio"
    group.save()
    group.group.refresh_from_db()
    assert group.group.name == "Groupe de travail – Visio"
    group_pk = group.group.pk
    WorkingGroup.objects.filter(pk=group.pk).delete()
    assert not Group.objects.filter(pk=group_pk).exists()


def test_a_new_group_gets_its_slug_and_auth_group(db):
    group = WorkingGroup.objects.create(name="Régie des collections")
    assert group.slug == "regie-des-collections"
    assert group.group.name == "Groupe de travail – Régie des collections"


def test_staff_edit_a_group_and_its_members_in_the_wagtail_admin(client, working_groups):
    from django.urls import reverse

    from musenor.plugins.roles import ROLES, STAFF, setup_roles

    users = get_user_model().objects
    staff = users.create_user("staff@example.org", "x", is_staff=False)
    setup_roles()
    staff.groups.add(Group.objects.get(name=ROLES[STAFF]))
    anne = users.create_user("anne@example.org", "x")
    paul = users.create_user("paul@example.org", "x")
    mediation = working_groups["mediation"]
    mediation.add_member(paul)
    client.force_login(staff)

    url = reverse("wagtailsnippets_musenor_accounts_workinggroup:edit", args=[mediation.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"anne@example.org" in response.content
    response = client.post(
        url,
        {
            "name": "Médiation",
            "slug": "mediation",
            "description": "Les publics.",
            "members": [anne.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    mediation.refresh_from_db()
    assert list(mediation.members) == [anne]
    assert mediation.description == "Les publics."

    add = reverse("wagtailsnippets_musenor_accounts_workinggroup:add")
    response = client.post(add, {"name": "Régie", "slug": "regie", "members": [paul.pk]})
    assert response.status_code == 302
    assert list(WorkingGroup.objects.get(slug="regie").members) == [paul]


def test_a_member_cannot_reach_the_working_groups_admin(client, working_groups):
    from django.urls import reverse

    member = get_user_model().objects.create_user("anne@example.org", "x")
    client.force_login(member)
    response = client.get(reverse("wagtailsnippets_musenor_accounts_workinggroup:list"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
