"""What the plugin services remember: members' notification choices, digests, task runs.

Keyed by the stable keys and names plugins declare (``NotificationType.key``,
``PeriodicTask.name``), never by a foreign key to a plugin's model, so that
these tables do not depend on which plugins are installed.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import notifications


class Delivery(models.TextChoices):
    IMMEDIATE = notifications.IMMEDIATE, _("Immediately, by e-mail")
    DIGEST = notifications.DIGEST, _("In a daily digest")
    OFF = notifications.OFF, _("Not at all")


class NotificationPreference(models.Model):
    """How one member receives one type of notification; absent: the type's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    type_key = models.CharField(_("notification type"), max_length=100)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "type_key"], name="musenor_plugins_one_preference_per_type"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.type_key}: {self.delivery}"


class DigestEntry(models.Model):
    """A notification kept for the member's next daily digest, rendered in their language.

    Deleted once the digest is sent.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_entries",
        verbose_name=_("user"),
    )
    type_key = models.CharField(_("notification type"), max_length=100)
    subject = models.CharField(_("subject"), max_length=255)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest entry")
        verbose_name_plural = _("digest entries")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.user} · {self.subject}"


class PeriodicTaskRun(models.Model):
    """When ``run_periodic_tasks`` last enqueued the periodic task called ``name``."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    last_run_at = models.DateTimeField(_("last run at"))

    class Meta:
        verbose_name = _("periodic task run")
        verbose_name_plural = _("periodic task runs")

    def __str__(self):
        return f"{self.name}: {self.last_run_at:%Y-%m-%d %H:%M}"
