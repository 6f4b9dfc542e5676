"""Notifications: the types plugins declare, members' choices, and :func:`notify`.

A plugin declares :class:`NotificationType` objects in its
``notification_types()`` hook. Each member chooses, per type, how they receive
it (``NotificationPreference``; until they choose, the type's ``default``):

- ``immediate``: one mail now, through :func:`musenor.plugins.send_mail_to`;
- ``digest``: kept, rendered in their language, for the daily digest that the
  core's periodic task ``core.notification_digest`` sends;
- ``off``: nothing.

Importable at settings time: models are imported inside the functions.
"""

import logging
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .mail import render_text, send_mail_to, template_values, user_language

logger = logging.getLogger(__name__)

IMMEDIATE = "immediate"
DIGEST = "digest"
OFF = "off"
DELIVERIES = (IMMEDIATE, DIGEST, OFF)

DIGEST_TEMPLATE = "musenor_plugins/mail/digest"
DIGEST_SUBJECT = _("Your Musenor digest")


@dataclass(frozen=True)
class NotificationType:
    """Something members may be told, and how they receive it until they choose.

    ``key`` is stored with the members' choices: stable, unique, prefixed with
    the plugin's name (``"notices.new_record"``). ``label`` and ``description``
    (lazy translations) are shown on the preferences page. ``default`` is
    ``"immediate"``, ``"digest"`` or ``"off"``.
    """

    key: str
    label: str
    description: str = ""
    default: str = IMMEDIATE

    def __post_init__(self):
        if self.default not in DELIVERIES:
            raise ImproperlyConfigured(
                f"The notification type {self.key!r} has the default {self.default!r}; "
                f"choose one of {', '.join(DELIVERIES)}."
            )


def notification_types():
    """``{key: NotificationType}`` of every enabled plugin, in hook order."""
    from .manager import call

    types = {}
    for declared in call("notification_types"):
        if declared.key in types:
            raise ImproperlyConfigured(
                f"Two notification types have the key {declared.key!r}: keys must be unique."
            )
        types[declared.key] = declared
    return types


def get_notification_type(type_key):
    try:
        return notification_types()[type_key]
    except KeyError:
        raise LookupError(
            f"No enabled plugin declares the notification type {type_key!r}."
        ) from None


def deliveries_for(users, notification_type):
    """``{user pk: delivery}`` for ``users``: their choice, else the type's default."""
    from .models import NotificationPreference

    chosen = dict(
        NotificationPreference.objects.filter(
            user__in=[user.pk for user in users], type_key=notification_type.key
        ).values_list("user_id", "delivery")
    )
    return {user.pk: chosen.get(user.pk, notification_type.default) for user in users}


def preferences_of(user):
    """``{type key: delivery}`` for every enabled type: the user's choice, else the default."""
    from .models import NotificationPreference

    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("type_key", "delivery")
    )
    return {key: chosen.get(key, kind.default) for key, kind in notification_types().items()}


def set_preference(user, type_key, delivery):
    from .models import NotificationPreference

    NotificationPreference.objects.update_or_create(
        user=user, type_key=type_key, defaults={"delivery": delivery}
    )


def notify(users, type_key, subject, template, context=None):
    """Tell ``users`` about something, as each of them chose for the type ``type_key``.

    ``subject``, ``template`` and ``context`` are those of
    :func:`musenor.plugins.send_mail_to`: each mail is rendered in its
    recipient's language. Members who chose ``immediate`` get a mail now (in
    this process: call ``notify`` from a task when the recipients are many);
    those who chose ``digest`` get it in their next daily digest; inactive
    users, users without an e-mail address and those who chose ``off`` get
    nothing. Raises ``LookupError`` for a type no enabled plugin declares.
    Returns ``{"immediate": n, "digest": n, "off": n}``.
    """
    from .models import DigestEntry

    notification_type = get_notification_type(type_key)
    users = [user for user in users if user.is_active and user.email]
    deliveries = deliveries_for(users, notification_type)
    counts = dict.fromkeys(DELIVERIES, 0)
    # One connection to the mail server for every immediate mail.
    with get_connection() as connection:
        for user in users:
            delivery = deliveries[user.pk]
            counts[delivery] += 1
            if delivery == IMMEDIATE:
                send_mail_to(
                    user,
                    subject,
                    template,
                    context,
                    notification_types=[type_key],
                    connection=connection,
                )
            elif delivery == DIGEST:
                # Rendered now, in the member's language, without the mail layout.
                with translation.override(user_language(user)):
                    values = template_values(user, subject, context)
                    DigestEntry.objects.create(
                        user=user,
                        type_key=type_key,
                        subject=values["subject"][:255],
                        text=render_text(f"{template}.txt", values),
                        html=render_to_string(f"{template}.html", values),
                    )
    return counts


def send_digests():
    """Send each member one mail with the notifications kept for their digest.

    Entries of a type the member has since switched off, or that no enabled
    plugin declares any more, are dropped, as are those of inactive users. A
    member whose mail fails keeps their entries for the next digest; the
    others are still sent. Returns the number of mails sent.
    """
    from django.contrib.auth import get_user_model

    from .models import DigestEntry

    types = notification_types()
    sent = 0
    DigestEntry.objects.filter(user__is_active=False).delete()
    user_ids = DigestEntry.objects.values_list("user_id", flat=True).distinct().order_by()
    for user in get_user_model().objects.filter(pk__in=user_ids):
        entries = list(DigestEntry.objects.filter(user=user))
        wanted = preferences_of(user)
        kept = [entry for entry in entries if wanted.get(entry.type_key, OFF) != OFF]
        sections = [
            {"type": types[key], "entries": [entry for entry in kept if entry.type_key == key]}
            for key in types
            if any(entry.type_key == key for entry in kept)
        ]
        try:
            with transaction.atomic():
                DigestEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
                if sections and user.email:
                    send_mail_to(
                        user,
                        DIGEST_SUBJECT,
                        DIGEST_TEMPLATE,
                        {"sections": sections, "count": len(kept)},
                        notification_types=[section["type"].key for section in sections],
                    )
                    sent += 1
        except Exception:
            logger.exception("The notification digest of user %s could not be sent.", user.pk)
    logger.info("Notification digests sent: %s.", sent)
    return sent
