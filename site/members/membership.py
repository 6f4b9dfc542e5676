"""Becoming a member: invitations, applications and their mails.

Staff invite someone (:func:`send_invitation`) or decide on an application
(:func:`approve`, :func:`refuse`); the invitee accepts with a password
(:func:`accept_invitation`). Every mail goes through ``musenor.plugins.send_mail_to``,
in the recipient's language; the invitee and the applicant have no account
yet, so the invitation or the application stands in for the user.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from musenor.plugins.mail import absolute_url, send_mail_to, user_language
from musenor.plugins.roles import MEMBER, ROLES

from .models import Invitation, MemberProfile, MembershipApplication


def mail_url(recipient, name, **kwargs):
    # In the recipient's language: the link opens the page they can read.
    with translation.override(user_language(recipient)):
        return absolute_url(reverse(name, kwargs=kwargs))


def account_exists(email):
    return get_user_model().objects.filter(email__iexact=email.strip()).exists()


def send_invitation(invitation, token):
    """Mail the invitation's one-time link; ``token`` is what :meth:`Invitation.new_token` gave."""
    return send_mail_to(
        invitation,
        _("Your invitation to the Musenor members' space"),
        "musenor_members/mail/invitation",
        {
            "invitation": invitation,
            "accept_url": mail_url(invitation, "musenor_members:accept_invitation", token=token),
        },
    )


def invite(invitation, invited_by=None):
    """Save a new invitation (from the admin's form) with a fresh secret, and mail it."""
    token = invitation.new_token()
    invitation.invited_by = invited_by
    invitation.save()
    transaction.on_commit(lambda: send_invitation(invitation, token))
    return invitation


def resend(invitation):
    """A new link (the old one stops working) and a new expiry, mailed again."""
    token = invitation.new_token()
    invitation.save(update_fields=["token_hash", "created_at", "expires_at"])
    transaction.on_commit(lambda: send_invitation(invitation, token))


def member_group():
    return Group.objects.get_or_create(name=ROLES[MEMBER])[0]


@transaction.atomic
def accept_invitation(invitation, user):
    """Create the invitee's account (``user``, its password set); the invitation is used up.

    The account joins the members' role group and the invitation's working
    groups, and gets a profile with the museum and job the invitation named.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValueError("This invitation was already accepted.")
    user.email = invitation.email
    user.first_name = invitation.first_name
    user.last_name = invitation.last_name
    user.language = invitation.language
    user.save()
    user.groups.add(member_group(), *(group.group for group in invitation.working_groups.all()))
    MemberProfile.objects.update_or_create(
        user=user, defaults={"museum": invitation.museum, "job_title": invitation.job_title}
    )
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    return user


def application_received(application):
    """Tell the applicant the application arrived (or, with an account already, how to sign in)."""
    if account_exists(application.email):
        return _send_existing_account(application)
    return send_mail_to(
        application,
        _("Your application to the Musenor members' space"),
        "musenor_members/mail/application_received",
        {"application": application},
    )


def _send_existing_account(recipient):
    return send_mail_to(
        recipient,
        _("You already have a Musenor account"),
        "musenor_members/mail/existing_account",
        {
            "signin_url": mail_url(recipient, "musenor_members:signin"),
            "reset_url": mail_url(recipient, "musenor_members:password_reset"),
        },
    )


@transaction.atomic
def approve(application, decided_by):
    """Approve: the applicant gets an invitation (or, with an account already, a reminder)."""
    application.status = MembershipApplication.APPROVED
    application.decided_at = timezone.now()
    application.decided_by = decided_by
    if account_exists(application.email):
        application.save()
        transaction.on_commit(lambda: _send_existing_account(application))
        return None
    invitation = Invitation(
        email=application.email,
        first_name=application.first_name,
        last_name=application.last_name,
        museum=application.museum,
        job_title=application.job_title,
        language=application.language,
    )
    invite(invitation, invited_by=decided_by)
    application.invitation = invitation
    application.save()
    return invitation


@transaction.atomic
def refuse(application, decided_by, reason=""):
    """Refuse, and tell the applicant (with staff's ``reason`` if given)."""
    application.status = MembershipApplication.REFUSED
    application.decided_at = timezone.now()
    application.decided_by = decided_by
    application.save()
    transaction.on_commit(
        lambda: send_mail_to(
            application,
            _("Your application to the Musenor members' space"),
            "musenor_members/mail/application_refused",
            {"application": application, "reason": reason},
        )
    )
