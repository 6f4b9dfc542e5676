"""The members' space in Chromium: staff invite someone, who sets a password and lands inside.

Staff send the invitation from the Wagtail admin's real form (in French); the
invitee opens the link of the mail Django's outbox holds, chooses a password,
lands on the dashboard signed in, edits the profile. axe-core checks the
sign-in, dashboard and profile pages.
"""

import re

import pytest

pytestmark = pytest.mark.browser

STAFF_EMAIL = "equipe@musenor.test"
STAFF_PASSWORD = "le mot de passe de l'équipe"


@pytest.fixture
def staff(site_tree):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    from musenor.plugins.roles import ROLES, STAFF, setup_roles

    setup_roles()
    user = get_user_model().objects.create_user(
        email=STAFF_EMAIL, password=STAFF_PASSWORD, first_name="Élise", last_name="Martin"
    )
    user.groups.add(Group.objects.get(name=ROLES[STAFF]))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    return user


def test_staff_invite_and_the_invitee_lands_on_the_dashboard(
    live_server, staff, museums, working_groups, new_page, accept_invitation, check_accessibility
):
    from django.core import mail

    admin = new_page()
    admin.goto(live_server.url + "/admin/membres/invitations/new/")
    assert "/admin/login/" in admin.url
    admin.get_by_label("Adresse électronique").fill(STAFF_EMAIL)
    admin.get_by_label("Mot de passe").fill(STAFF_PASSWORD)
    admin.locator("form button[type=submit]").click()
    admin.wait_for_url(re.compile(r"/admin/membres/invitations/new/$"))

    admin.locator("#id_email").fill("julie.caron@musenor.test")
    admin.locator("#id_first_name").fill("Julie")
    admin.locator("#id_last_name").fill("Caron")
    admin.locator("#id_museum").select_option(label="La Piscine")
    admin.locator("#id_job_title").fill("Chargée des collections")
    admin.get_by_label("Inventaire informatisé").check()
    admin.locator("nav.actions--primary button[type=submit]").first.click()
    admin.wait_for_url(re.compile(r"/admin/membres/invitations/$"))
    assert "julie.caron@musenor.test" in admin.content()

    [message] = mail.outbox
    assert message.to == ["julie.caron@musenor.test"]

    page = new_page()
    user = accept_invitation(page, message)
    assert page.locator("h1").inner_text() == "Bonjour, Julie"
    assert page.get_by_role("navigation", name="Espace membres").is_visible()
    panels = page.locator(".dashboard-panels").inner_text()
    assert "Inventaire informatisé" in panels and "La Piscine" in panels
    check_accessibility(page, "dashboard")

    page.get_by_role("link", name="Mon profil").first.click()
    page.wait_for_url(re.compile(r"/membres/profil/$"))
    assert page.locator("#id_museum option:checked").inner_text() == "La Piscine"
    page.get_by_label("Médiation").check()
    page.get_by_label("montrer mon adresse électronique").check()
    check_accessibility(page, "profile")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    page.wait_for_url(re.compile(r"/membres/profil/$"))
    assert page.get_by_role("status").first.inner_text() == "Votre profil est enregistré."
    user.member_profile.refresh_from_db()
    assert user.member_profile.show_email
    assert set(working_groups["mediation"].members) == {user}

    # Signed out, the space sends to the sign-in page, then back.
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(re.compile(r"/membres/connexion/$"))
    page.goto(live_server.url + "/membres/annuaire/")
    assert "/membres/connexion/?next=/membres/annuaire/" in page.url
    check_accessibility(page, "sign-in")
    page.get_by_label("Adresse électronique").fill("julie.caron@musenor.test")
    page.get_by_label("Mot de passe").fill("un mot de passe de membre 2026")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/membres/annuaire/$"))
    assert "Julie Caron" in page.locator("main").inner_text()


def test_the_member_page_fixture_signs_in_a_member_of_the_groups_it_names(member_page):
    page, user = member_page(groups=["musees-et-reconstructions"])
    assert page.url.endswith("/membres/")
    from musenor.site.accounts.models import WorkingGroup

    assert [g.slug for g in WorkingGroup.objects.for_user(user)] == ["musees-et-reconstructions"]
    assert "Musées et Reconstructions" in page.locator(".dashboard-panels").inner_text()
