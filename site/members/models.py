"""The members' space: profiles, invitations and membership applications."""

import hashlib
import secrets
import uuid
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from musenor.site import uploads


def photo_path(instance, filename):
    # A random name: the file's URL says nothing of whose photo it is.
    return f"members/photos/{uuid.uuid4().hex}{PurePosixPath(filename).suffix}"


class MemberProfile(models.Model):
    """A member's profile: museum, job, photo, and what the other members may see of it.

    The name and e-mail address are the user's own; the working groups are
    the user's ``auth.Group`` memberships (``WorkingGroup.objects.for_user``).
    Every member sees every field of their own profile; others see, in the
    members' directory, the name and what the ``show_*`` fields let through,
    and nothing at all when ``listed`` is off.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    museum = models.ForeignKey(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_profiles",
        help_text=_("The museum of the directory you work for, if any."),
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    photo = uploads.UploadField(_("photo"), kind="image", upload_to=photo_path, blank=True)

    listed = models.BooleanField(
        _("appear in the members' directory"),
        default=True,
        help_text=_("When off, other members do not find you in the directory."),
    )
    show_email = models.BooleanField(_("show my e-mail address"), default=False)
    show_museum = models.BooleanField(_("show my museum"), default=True)
    show_job_title = models.BooleanField(_("show my job title"), default=True)
    show_photo = models.BooleanField(_("show my photo"), default=True)
    show_working_groups = models.BooleanField(_("show my working groups"), default=True)

    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        """The profile of ``user``, created empty on first use."""
        profile, _ = cls.objects.get_or_create(user=user)
        return profile


def invitation_lifetime():
    return timedelta(days=settings.MUSENOR_INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at=None, expires_at__gt=timezone.now())

    def by_token(self, token):
        """The invitation ``token`` opens, if it is still pending; else ``None``."""
        if not token:
            return None
        return self.pending().filter(token_hash=hash_token(token)).first()


def hash_token(token):
    # Only the hash is stored: the database alone does not let anyone in.
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """An invitation to become a member: a one-time link, sent by e-mail, that expires.

    Opening the link lets the invitee choose a password: the account is
    created then (a member of the "Membres" group and of the working groups
    chosen here), the invitee is signed in, and the link stops working.
    """

    email = models.EmailField(_("e-mail address"))
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    museum = models.ForeignKey(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    working_groups = models.ManyToManyField(
        "musenor_accounts.WorkingGroup",
        verbose_name=_("working groups"),
        blank=True,
        related_name="+",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the invitation e-mail."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"), editable=False)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
        editable=False,
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}>"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        if not self.expires_at:
            self.expires_at = self.created_at + invitation_lifetime()
        super().save(*args, **kwargs)

    @property
    def status(self):
        if self.accepted_at:
            return _("accepted")
        if self.expires_at <= timezone.now():
            return _("expired")
        return _("pending")

    def new_token(self):
        """Give the invitation a new secret and a new expiry; return the secret (for the link)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.created_at = timezone.now()
        self.expires_at = self.created_at + invitation_lifetime()
        return token


class MembershipApplication(models.Model):
    """A professional's application to become a member, for staff to approve or refuse."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    STATUSES = [(PENDING, _("to review")), (APPROVED, _("approved")), (REFUSED, _("refused"))]

    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    museum = models.ForeignKey(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    job_title = models.CharField(_("role or job"), max_length=150)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(_("status"), max_length=10, choices=STATUSES, default=PENDING)
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invitation = models.OneToOneField(
        Invitation,
        verbose_name=_("invitation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application",
    )

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}>"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)
