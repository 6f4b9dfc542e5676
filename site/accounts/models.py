"""Accounts: one user base for everyone who signs in, e-mail as the login; working groups.

This app depends on nothing of Wagtail's, so that Wagtail's migrations can
depend on the user model without a cycle.
"""

import csv
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

#: The association's working groups (name, description), real ones.
WORKING_GROUPS_CSV = Path(__file__).resolve().parent.parent / "data" / "groups.csv"


class EmailUserManager(UserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError(_("An e-mail address is required."))
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """One account for everyone who signs in: members, editors, staff."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    # The language of the mails the portal sends them (musenor.plugins.send_mail_to).
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails the portal sends to this person."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = EmailUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)


class WorkingGroupQuerySet(models.QuerySet):
    def for_user(self, user):
        """The working groups ``user`` belongs to (none for an anonymous visitor)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(group__user=user)

    def load_defaults(self, path=WORKING_GROUPS_CSV):
        """Create or update the association's working groups from ``site/data/groups.csv``.

        Found by slug, so running it again changes nothing; members are kept.
        Returns the number of groups created.
        """
        created = 0
        with open(path, encoding="utf-8", newline="") as handle, transaction.atomic():
            for row in csv.DictReader(handle):
                name = row["name"].strip()
                group = self.filter(slug=slugify(name)).first()
                if group is None:
                    group = self.model(name=name, slug=slugify(name))
                    created += 1
                group.name = name
                group.description = row["description"].strip()
                group.save()
        return created


class WorkingGroup(models.Model):
    """A working group of the association (Médiation, Inventaire informatisé...).

    Its membership is the ``user_set`` of its own ``auth.Group``, created when
    the working group is first saved: whatever grants permissions per group
    (django-machina's forum permissions, Wagtail's) works on it as is.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    group = models.OneToOneField(
        Group,
        verbose_name=_("permission group"),
        on_delete=models.CASCADE,
        related_name="working_group",
        editable=False,
    )

    objects = WorkingGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        with transaction.atomic():
            if self.group_id is None:
                self.group = Group.objects.get_or_create(name=self.group_name)[0]
            elif self.group.name != self.group_name:
                self.group.name = self.group_name
                self.group.save(update_fields=["name"])
            super().save(*args, **kwargs)

    @property
    def group_name(self):
        # Prefixed, so that it never takes the name of a role's or a museum's group.
        return f"Groupe de travail – {self.name}"

    @property
    def members(self):
        """The active users of this working group."""
        return self.group.user_set.filter(is_active=True)

    def add_member(self, user):
        user.groups.add(self.group)

    def remove_member(self, user):
        user.groups.remove(self.group)


@receiver(post_delete, sender=WorkingGroup)
def delete_working_group_permission_group(sender, instance, **kwargs):
    """A working group's auth group goes with it (also on a queryset's delete)."""
    Group.objects.filter(pk=instance.group_id).delete()
