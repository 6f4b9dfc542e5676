"""The members' space: who reaches it, its dashboard and navigation, profiles and the directory."""

import io
from types import ModuleType

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from musenor.plugins import DashboardPanel, MenuItem, hookimpl
from musenor.plugins.manager import registered
from musenor.plugins.roles import MODERATOR, ROLES, setup_roles
from musenor.site.members.models import MemberProfile

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

MEMBERS_PAGES = [
    "/membres/",
    "/membres/profil/",
    "/membres/profil/mot-de-passe/",
    "/membres/profil/adresse/",
    "/membres/annuaire/",
    "/notifications/",
    "/en/membres/",
    "/nl/membres/annuaire/",
]


@pytest.mark.parametrize("url", MEMBERS_PAGES)
def test_an_anonymous_visitor_is_sent_to_sign_in_then_back(client, member, url):
    response = client.get(url)
    assert response.status_code == 302
    signin, _, rest = response["Location"].partition("?next=")
    assert signin.endswith("/membres/connexion/")
    assert rest == url
    signed = client.post(
        response["Location"], {"username": member.email, "password": PASSWORD, "next": url}
    )
    assert signed.status_code == 302
    assert signed["Location"] == url
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/snippets/", "/django-admin/"])
def test_a_member_never_reaches_the_admin(client, member, url):
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_each_role_reaches_what_it_may(client, staff, member, home):
    setup_roles()
    users = get_user_model().objects
    moderator = users.create_user("moderation@musenor.test", PASSWORD)
    moderator.groups.add(Group.objects.get(name=ROLES[MODERATOR]))
    editor_group = Group.objects.create(name="Éditeurs – Palais des Beaux-Arts")
    setup_roles(museum_editor_groups=[editor_group])
    editor = users.create_user("editeur@musenor.test", PASSWORD)
    editor.groups.add(editor_group)

    invitations = reverse("musenor_members_invitation:index")
    applications = reverse("musenor_members_membershipapplication:index")
    working_groups = reverse("wagtailsnippets_musenor_accounts_workinggroup:list")
    reach = {}
    for name, user in [
        ("member", member),
        ("editor", editor),
        ("moderator", moderator),
        ("staff", staff),
    ]:
        client.force_login(user)
        reach[name] = {
            url: client.get(url).status_code
            for url in ["/admin/", invitations, applications, working_groups, "/membres/"]
        }
    assert reach["member"] == {
        "/admin/": 302,
        invitations: 302,
        applications: 302,
        working_groups: 302,
        "/membres/": 200,
    }
    for role in ("editor", "moderator"):
        assert reach[role]["/admin/"] == 200
        assert reach[role]["/membres/"] == 200
        assert {reach[role][url] for url in (invitations, applications, working_groups)} <= {
            302,
            403,
        }
    assert reach["staff"] == {
        "/admin/": 200,
        invitations: 200,
        applications: 200,
        working_groups: 200,
        "/membres/": 200,
    }


def test_the_dashboard_collects_the_panels_and_the_navigation_of_the_plugins(client, member):
    plugin = ModuleType("agenda")
    plugin.member_menu_items = hookimpl(
        lambda request: [
            MenuItem("Agenda des réunions", "/agenda/", order=50),
            MenuItem(
                "Réservé", "/reserve/", order=60, permission="musenor_members.view_invitation"
            ),
        ]
    )
    plugin.member_dashboard_panels = hookimpl(
        lambda request: [
            DashboardPanel(
                "Prochaines réunions", "musenor_members/panels/working_groups.html", {"groups": []}
            )
        ]
    )
    client.force_login(member)
    with registered(plugin, name="agenda"):
        html = client.get("/membres/").content.decode()
        assert "Agenda des réunions" in html
        assert 'href="/agenda/"' in html
        assert "Prochaines réunions" in html
        assert "/reserve/" not in html  # the member lacks the permission
    html = client.get("/membres/").content.decode()
    assert "Agenda des réunions" not in html and "Prochaines réunions" not in html
    # The core's own entries stay.
    for url in ["/membres/profil/", "/membres/annuaire/", "/notifications/"]:
        assert f'href="{url}"' in html


def test_the_notification_preferences_are_in_the_members_space(client, member):
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    assert 'class="members-nav"' in html
    assert '<a href="/notifications/" aria-current="page">' in html


def test_the_public_header_links_to_sign_in_or_to_the_space(client, member, home):
    html = client.get("/").content.decode()
    assert 'href="/membres/connexion/"' in html
    client.force_login(member)
    html = client.get("/").content.decode()
    assert 'href="/membres/"' in html


def png(size=(64, 64)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (138, 28, 50)).save(buffer, "PNG")
    return SimpleUploadedFile("portrait.png", buffer.getvalue(), content_type="image/png")


def profile_data(museum, groups, **changes):
    return {
        "first_name": "Anne",
        "last_name": "Lefebvre-Morel",
        "museum": museum.pk,
        "job_title": "Conservatrice",
        "working_groups": [groups["mediation"].pk, groups["visio-express"].pk],
        "listed": "on",
        "show_museum": "on",
        "show_working_groups": "on",
        **changes,
    }


def test_a_member_edits_the_profile_joins_groups_and_adds_a_photo(
    client, member, museum, working_groups, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    response = client.post("/membres/profil/", profile_data(museum, working_groups, photo=png()))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.last_name == "Lefebvre-Morel"
    profile = MemberProfile.objects.get(user=member)
    assert profile.museum.specific == museum and profile.job_title == "Conservatrice"
    assert profile.photo.name.startswith("members/photos/") and profile.photo.name.endswith(".png")
    assert "portrait" not in profile.photo.name
    assert (tmp_path / profile.photo.name).exists()
    assert not profile.show_job_title and not profile.show_email
    assert {g.slug for g in working_groups.values() if member in g.members} == {
        "mediation",
        "visio-express",
    }

    # Leaving a group.
    data = profile_data(museum, working_groups, working_groups=[working_groups["mediation"].pk])
    client.post("/membres/profil/", data)
    assert {g.slug for g in working_groups.values() if member in g.members} == {"mediation"}


def test_a_photo_that_is_not_an_image_is_refused(client, member, museum, working_groups):
    client.force_login(member)
    fake = SimpleUploadedFile("portrait.png", b"<html><script>alert(1)</script></html>")
    response = client.post("/membres/profil/", profile_data(museum, working_groups, photo=fake))
    assert response.status_code == 200
    assert response.context["form"].errors["photo"]


def test_the_directory_shows_only_what_each_member_lets_others_see(
    client, member, museum, working_groups
):
    users = get_user_model().objects
    open_ = users.create_user(
        "paul.roussel@musenor.test", "x", first_name="Paul", last_name="Roussel"
    )
    MemberProfile.objects.create(
        user=open_, museum=museum, job_title="Médiateur", show_email=True, show_job_title=True
    )
    working_groups["mediation"].add_member(open_)
    discreet = users.create_user(
        "lea.bernard@musenor.test", "x", first_name="Léa", last_name="Bernard"
    )
    MemberProfile.objects.create(
        user=discreet,
        museum=museum,
        job_title="Directrice",
        show_email=False,
        show_museum=False,
        show_job_title=False,
        show_working_groups=False,
    )
    working_groups["visio-express"].add_member(discreet)
    hidden = users.create_user("cache@musenor.test", "x", first_name="Caché", last_name="Masqué")
    MemberProfile.objects.create(user=hidden, listed=False)

    client.force_login(member)
    html = client.get("/membres/annuaire/").content.decode()
    assert "Paul Roussel" in html and "paul.roussel@musenor.test" in html
    assert "Médiateur" in html and "Médiation" in html and "Palais des Beaux-Arts" in html
    assert "Léa Bernard" in html
    for secret in ("lea.bernard@musenor.test", "Directrice", "Visio express"):
        assert secret not in html.split("Léa Bernard", 1)[1]
    assert "Caché" not in html and "cache@musenor.test" not in html

    # Searching finds neither by a hidden field.
    assert "Léa Bernard" not in client.get("/membres/annuaire/?q=Directrice").content.decode()
    assert "Paul Roussel" in client.get("/membres/annuaire/?q=Médiateur").content.decode()
    by_group = client.get("/membres/annuaire/?groupe=visio-express").content.decode()
    assert "Léa Bernard" not in by_group
    assert "Paul Roussel" in client.get("/membres/annuaire/?groupe=mediation").content.decode()


def test_the_directory_s_queries_do_not_grow_with_the_members(
    client, member, museum, working_groups, django_assert_max_num_queries
):
    users = get_user_model().objects
    for n in range(12):
        user = users.create_user(
            f"membre{n}@musenor.test", "x", first_name=f"M{n}", last_name="Test"
        )
        MemberProfile.objects.create(user=user, museum=museum, job_title="Régie")
        working_groups["mediation"].add_member(user)
    client.force_login(member)
    client.get("/membres/annuaire/")  # warm Wagtail's site caches
    with django_assert_max_num_queries(20):
        assert client.get("/membres/annuaire/").status_code == 200
