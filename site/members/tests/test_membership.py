"""Becoming a member: invitations, and the applications staff decide on in the Wagtail admin."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from musenor.plugins.roles import MEMBER, ROLES
from musenor.site.members import membership
from musenor.site.members.models import Invitation, MemberProfile, MembershipApplication

from .conftest import comparable, link_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "le musée ouvre à dix heures"
INVITATIONS = "wagtail_musenor_members_invitation"


def invitation_url(name, *args):
    return reverse(f"musenor_members_invitation:{name}", args=args)


def application_url(name, *args):
    return reverse(f"musenor_members_membershipapplication:{name}", args=args)


@pytest.fixture
def invited(staff, client, museum, working_groups, django_capture_on_commit_callbacks):
    """Staff invite Bruno Delattre from the Wagtail admin; the link of the mail he receives."""
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            invitation_url("add"),
            {
                "email": "Bruno.Delattre@musenor.test",
                "first_name": "Bruno",
                "last_name": "Delattre",
                "museum": museum.pk,
                "job_title": "Régisseur des collections",
                "working_groups": [working_groups["inventaire-informatise"].pk],
                "language": "fr",
            },
        )
    assert response.status_code == 302, response.context["form"].errors
    client.logout()
    [message] = mail.outbox
    assert message.to == ["bruno.delattre@musenor.test"]
    return link_in(message)


def test_staff_invite_and_the_invitee_sets_a_password_and_lands_signed_in(
    client, invited, museum, working_groups
):
    assert invited.startswith("/membres/invitation/")
    page = client.get(invited)
    assert page.status_code == 200
    assert "Bruno" in page.content.decode()

    response = client.post(invited, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/membres/"
    user = get_user_model().objects.get(email="bruno.delattre@musenor.test")
    assert user.check_password(NEW_PASSWORD)
    assert (user.first_name, user.last_name) == ("Bruno", "Delattre")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert user.groups.filter(name=ROLES[MEMBER]).exists()
    assert list(working_groups["inventaire-informatise"].members) == [user]
    profile = MemberProfile.objects.get(user=user)
    assert profile.museum.specific == museum
    assert profile.job_title == "Régisseur des collections"
    assert not user.has_perm("wagtailadmin.access_admin")
    assert client.get("/membres/").status_code == 200


def test_an_invitation_link_works_once(client, invited):
    client.post(invited, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    client.logout()
    assert client.get(invited).status_code == 410
    again = client.post(
        invited, {"new_password1": "autre chose 2026", "new_password2": "autre chose 2026"}
    )
    assert again.status_code == 410
    assert (
        get_user_model()
        .objects.get(email="bruno.delattre@musenor.test")
        .check_password(NEW_PASSWORD)
    )


def test_an_invitation_link_expires(client, invited, settings):
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(invited).status_code == 410
    response = client.post(invited, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 410
    assert not get_user_model().objects.filter(email="bruno.delattre@musenor.test").exists()


def test_an_invitation_expires_after_the_configured_days(staff, settings):
    settings.MUSENOR_INVITATION_DAYS = 3
    invitation = membership.invite(
        Invitation(email="x@musenor.test", first_name="X", last_name="Y")
    )
    assert invitation.expires_at - invitation.created_at == timedelta(days=3)


def test_a_wrong_token_opens_nothing_and_only_a_hash_is_stored(client, invited):
    token = invited.rstrip("/").rsplit("/", 1)[-1]
    assert not Invitation.objects.filter(token_hash=token).exists()
    assert client.get("/membres/invitation/" + "x" * 43 + "/").status_code == 410


def test_a_weak_password_is_refused_with_django_s_validators(client, invited):
    response = client.post(invited, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not get_user_model().objects.filter(email="bruno.delattre@musenor.test").exists()


def test_sending_again_gives_a_new_link_and_the_old_one_stops(
    client, invited, staff, django_capture_on_commit_callbacks
):
    invitation = Invitation.objects.get()
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(invitation_url("inspect", invitation.pk))
    assert response.status_code == 302
    new_link = link_in(mail.outbox[-1])
    assert new_link != invited
    client.logout()
    assert client.get(invited).status_code == 410
    assert client.get(new_link).status_code == 200


def test_an_existing_account_cannot_be_invited(client, staff, member):
    client.force_login(staff)
    response = client.post(
        invitation_url("add"),
        {"email": member.email, "first_name": "A", "last_name": "L", "language": "fr"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert mail.outbox == []


def test_a_member_cannot_invite(client, member):
    client.force_login(member)
    response = client.get(invitation_url("add"))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- Applications ----------------------------------------------------------------------

APPLICATION = {
    "first_name": "Claire",
    "last_name": "Dubois",
    "email": "claire.dubois@musenor.test",
    "job_title": "Chargée des publics",
    "message": "Je voudrais rejoindre le groupe Médiation.",
}


def apply(client, **changes):
    return client.post("/membres/adhesion/", {**APPLICATION, **changes}, follow=True)


def test_a_professional_applies_and_is_told_it_arrived(client, museum):
    response = apply(client, museum=museum.pk)
    assert response.redirect_chain[-1][0] == "/membres/adhesion/envoyee/"
    application = MembershipApplication.objects.get()
    assert application.status == MembershipApplication.PENDING
    assert application.museum.specific == museum
    assert [m.to for m in mail.outbox] == [["claire.dubois@musenor.test"]]


def test_applying_with_an_address_that_has_an_account_answers_the_same(client, member, home):
    known = apply(client, email=member.email)
    fresh = apply(client)
    assert known.redirect_chain == fresh.redirect_chain
    assert comparable(known) == comparable(fresh)
    assert list(MembershipApplication.objects.values_list("email", flat=True)) == [
        APPLICATION["email"]
    ]
    assert [m.to for m in mail.outbox] == [[member.email], [APPLICATION["email"]]]
    assert "/membres/connexion/" in mail.outbox[0].body  # the owner learns how to sign in


def test_applying_twice_keeps_one_application(client, home):
    apply(client)
    apply(client, message="Relance")
    assert MembershipApplication.objects.count() == 1


def test_applications_are_throttled(client, home, settings):
    settings.MUSENOR_FORM_THROTTLE_LIMIT = 2
    apply(client, email="a@musenor.test")
    apply(client, email="b@musenor.test")
    response = client.post("/membres/adhesion/", {**APPLICATION, "email": "c@musenor.test"})
    assert response.status_code == 429
    assert MembershipApplication.objects.count() == 2


def test_a_signed_in_member_reaches_the_form_without_trouble(client, member):
    client.force_login(member)
    assert client.get("/membres/adhesion/").status_code == 200


def test_staff_approve_an_application_and_the_applicant_gets_an_invitation(
    client, staff, museum, django_capture_on_commit_callbacks
):
    apply(client, museum=museum.pk)
    application = MembershipApplication.objects.get()
    mail.outbox.clear()
    client.force_login(staff)
    page = client.get(application_url("inspect", application.pk))
    assert page.status_code == 200
    assert "Chargée des publics" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(application_url("inspect", application.pk), {"decision": "approve"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipApplication.APPROVED
    assert application.decided_by == staff
    invitation = application.invitation
    assert (invitation.email, invitation.museum.specific) == (APPLICATION["email"], museum)
    [message] = mail.outbox
    assert message.to == [APPLICATION["email"]]
    client.logout()
    accept = client.post(
        link_in(message), {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert accept["Location"] == "/membres/"


def test_staff_refuse_an_application_and_the_applicant_is_told(
    client, staff, django_capture_on_commit_callbacks
):
    apply(client)
    application = MembershipApplication.objects.get()
    mail.outbox.clear()
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            application_url("inspect", application.pk),
            {"decision": "refuse", "reason": "Le réseau est réservé aux musées de la région."},
        )
    application.refresh_from_db()
    assert application.status == MembershipApplication.REFUSED
    [message] = mail.outbox
    assert message.to == [APPLICATION["email"]]
    assert "Le réseau est réservé aux musées de la région." in message.body
    assert not Invitation.objects.exists()
    # Decided once: a second decision changes nothing.
    client.post(application_url("inspect", application.pk), {"decision": "approve"})
    application.refresh_from_db()
    assert application.status == MembershipApplication.REFUSED
    assert not Invitation.objects.exists()


def test_a_member_cannot_see_the_applications(client, member):
    client.force_login(member)
    response = client.get(application_url("index"))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_applicant_s_language_is_the_mails_language(client, home):
    client.post("/en/membres/adhesion/", APPLICATION)
    application = MembershipApplication.objects.get()
    assert application.language == "en"
    assert mail.outbox[0].subject == "Your application to the Musenor members' space"
