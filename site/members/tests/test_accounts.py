"""Signing in on the public site, passwords, e-mail changes: Django's views, our terms."""

import pytest
from django.core import mail
from django.urls import reverse

from .conftest import PASSWORD, comparable, link_in

pytestmark = pytest.mark.django_db

SIGNIN = "/membres/connexion/"


def signed_in(client):
    return "_auth_user_id" in client.session


def test_a_member_signs_in_with_the_e_mail_address_whatever_its_case(client, member):
    response = client.post(SIGNIN, {"username": "Anne.Lefebvre@Musenor.test", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/membres/"
    assert signed_in(client)


def test_the_sign_in_page_is_in_the_portal_look_and_in_three_languages(client, home):
    response = client.get(SIGNIN)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html and "<main" in html
    assert 'type="email"' in html
    assert client.get("/en/membres/connexion/").status_code == 200
    assert client.get("/nl/membres/connexion/").status_code == 200


def test_a_wrong_password_and_an_unknown_address_get_the_same_answer(client, member):
    wrong = client.post(SIGNIN, {"username": member.email, "password": "mauvais"})
    unknown = client.post(SIGNIN, {"username": "personne@musenor.test", "password": "mauvais"})
    assert wrong.status_code == unknown.status_code == 200
    assert not signed_in(client)
    assert comparable(wrong).replace(member.email, "X") == comparable(unknown).replace(
        "personne@musenor.test", "X"
    )


def test_an_inactive_account_cannot_sign_in_and_is_not_told_apart(client, member):
    member.is_active = False
    member.save()
    inactive = client.post(SIGNIN, {"username": member.email, "password": PASSWORD})
    unknown = client.post(SIGNIN, {"username": "personne@musenor.test", "password": PASSWORD})
    assert not signed_in(client)
    assert comparable(inactive).replace(member.email, "X") == comparable(unknown).replace(
        "personne@musenor.test", "X"
    )


def test_the_members_sign_in_is_throttled_by_django_axes(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(SIGNIN, {"username": member.email, "password": "mauvais"})
    locked = client.post(SIGNIN, {"username": member.email, "password": PASSWORD})
    assert locked.status_code == 429
    assert "Retry-After" in locked
    assert not signed_in(client)


def test_signing_out_is_a_post(client, member):
    client.force_login(member)
    assert client.get("/membres/deconnexion/").status_code == 405
    response = client.post("/membres/deconnexion/")
    assert response.status_code == 302
    assert not signed_in(client)


def test_password_reset_sends_a_link_that_sets_the_password_once(client, member):
    response = client.post("/membres/mot-de-passe/", {"email": "ANNE.lefebvre@musenor.test"})
    assert response.status_code == 302
    assert response["Location"] == "/membres/mot-de-passe/envoye/"
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "Choisissez un nouveau mot de passe"
    link = link_in(message)
    assert link.startswith("/membres/mot-de-passe/")

    form = client.get(link, follow=True)
    assert form.status_code == 200
    new_password = "encore un autre mot de passe"
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    assert done["Location"] == "/membres/"
    assert signed_in(client)
    member.refresh_from_db()
    assert member.check_password(new_password)

    client.logout()
    again = client.get(link, follow=True)
    assert b"no longer valid" in again.content or "plus valide" in again.content.decode()


def test_password_reset_answers_the_same_for_an_unknown_address(client, member):
    known = client.post("/membres/mot-de-passe/", {"email": member.email}, follow=True)
    unknown = client.post("/membres/mot-de-passe/", {"email": "personne@musenor.test"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert comparable(known) == comparable(unknown)
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_password_reset_is_throttled_per_address_and_per_client(client, member, settings):
    settings.MUSENOR_FORM_THROTTLE_LIMIT = 3
    for _ in range(3):
        response = client.post("/membres/mot-de-passe/", {"email": member.email})
        assert response.status_code == 302
    throttled = client.post("/membres/mot-de-passe/", {"email": member.email})
    assert throttled.status_code == 429
    assert throttled["Retry-After"] == str(settings.MUSENOR_FORM_THROTTLE_MINUTES * 60)
    # Another address from the same client: the client's counter is spent too.
    other = client.post("/membres/mot-de-passe/", {"email": "personne@musenor.test"})
    assert other.status_code == 429
    # The same address from elsewhere: its own counter is spent.
    elsewhere = client.post(
        "/membres/mot-de-passe/", {"email": member.email}, REMOTE_ADDR="198.51.100.7"
    )
    assert elsewhere.status_code == 429
    assert len(mail.outbox) == 3


def test_a_member_changes_the_e_mail_address_through_a_link_sent_there(client, member):
    client.force_login(member)
    new = "anne.lefebvre@musee-lille.test"
    response = client.post("/membres/profil/adresse/", {"email": new, "password": PASSWORD})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [new]
    member.refresh_from_db()
    assert member.email == "anne.lefebvre@musenor.test"  # not before the link is opened

    link = link_in(message)
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    member.refresh_from_db()
    assert member.email == new
    assert mail.outbox[-1].to == ["anne.lefebvre@musenor.test"]  # the old address is told
    assert client.post(link).status_code == 410  # used once


def test_the_e_mail_change_needs_the_current_password(client, member):
    client.force_login(member)
    response = client.post(
        "/membres/profil/adresse/", {"email": "autre@musenor.test", "password": "mauvais"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert mail.outbox == []


def test_an_address_in_use_gets_the_same_answer_and_no_change(client, member, django_user_model):
    django_user_model.objects.create_user(email="paul@musenor.test", password="x")
    client.force_login(member)
    taken = client.post(
        "/membres/profil/adresse/", {"email": "paul@musenor.test", "password": PASSWORD}
    )
    free = client.post(
        "/membres/profil/adresse/", {"email": "libre@musenor.test", "password": PASSWORD}
    )
    assert taken.status_code == free.status_code == 302
    assert [m.to for m in mail.outbox] == [["paul@musenor.test"], ["libre@musenor.test"]]
    assert (
        "confirm" not in mail.outbox[0].body.lower()
        or "/membres/adresse/" not in mail.outbox[0].body
    )


def test_a_tampered_e_mail_link_is_refused(client, member):
    assert client.get("/membres/adresse/pas-un-jeton/").status_code == 410


def test_the_sign_in_page_names_where_to_go_after(client, member):
    target = reverse("musenor_members:directory")
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"] == f"{SIGNIN}?next={target}"
    signed = client.post(
        f"{SIGNIN}?next={target}", {"username": member.email, "password": PASSWORD, "next": target}
    )
    assert signed["Location"] == target
