"""The members' space: each member's profile, what others may see of it."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
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
