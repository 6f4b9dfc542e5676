"""The core mail helper: every mail the portal or a plugin sends to a person goes through it.

:func:`send_mail_to` renders a text and an HTML version from a pair of
templates, in the recipient's language (``user.language``), inside the
portal's mail layout, and sends them through Django's mail
(``EmailMultiAlternatives``). A notification mail carries an unsubscribe link:
a signed URL that needs no sign-in, also given in the ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` headers (RFC 8058), so that mail clients offer a
one-click unsubscribe. Importable at settings time: no model here.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

UNSUBSCRIBE_SALT = "musenor.plugins.unsubscribe"
LAYOUT_TEMPLATE = "musenor_plugins/mail/layout"


def unsubscribe_token(user, type_keys):
    """A signed token that switches the notification types ``type_keys`` off for ``user``.

    It does not expire: an unsubscribe link must work as long as the mail is kept.
    """
    return signing.dumps({"u": user.pk, "t": sorted(type_keys)}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """``(user_pk, [type keys])`` from a token; ``signing.BadSignature`` if it was tampered with."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return data["u"], list(data["t"])


def absolute_url(path):
    """``path`` on the public address (``WAGTAILADMIN_BASE_URL``): mails leave the request."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def user_language(user):
    language = getattr(user, "language", "") or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def render_text(template_name, values):
    """Render a plain-text template without HTML escaping (``&`` stays ``&``)."""
    return get_template(template_name).template.render(Context(values, autoescape=False))


def template_values(user, subject, context, unsubscribe_url=None):
    """The context of a mail's templates; call it in the recipient's language."""
    return {
        "user": user,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": absolute_url("/"),
        # Put before a path: {{ site_root }}{{ object.get_absolute_url }}.
        "site_root": absolute_url(""),
        **(context or {}),
        # Mail headers take one line.
        "subject": " ".join(str(subject).split()),
        "unsubscribe_url": unsubscribe_url,
    }


def render_mail(user, subject, template, context=None, *, notification_types=(), **kwargs):
    """Build, without sending, the message :func:`send_mail_to` would send; same arguments."""
    type_keys = [notification_types] if isinstance(notification_types, str) else notification_types
    with translation.override(user_language(user)):
        unsubscribe_url = None
        if type_keys:
            token = unsubscribe_token(user, type_keys)
            unsubscribe_url = absolute_url(reverse("musenor_plugins:unsubscribe", args=[token]))
        values = template_values(user, subject, context, unsubscribe_url)
        subject = values["subject"]
        text = render_text(f"{template}.txt", values)
        html = render_to_string(f"{template}.html", values)
        # The layout adds the greeting-free frame and the unsubscribe footer, so
        # that no plugin template can forget it; the bodies were escaped when rendered.
        text = render_text(f"{LAYOUT_TEMPLATE}.txt", {**values, "body": text})
        html = render_to_string(f"{LAYOUT_TEMPLATE}.html", {**values, "body": mark_safe(html)})  # noqa: S308
    headers = dict(kwargs.pop("headers", None) or {})
    if unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[user.email], headers=headers, **kwargs
    )
    message.attach_alternative(html, "text/html")
    return message


def send_mail_to(user, subject, template, context=None, *, notification_types=(), **kwargs):
    """Send ``user`` a mail rendered in their language; return the sent ``EmailMultiAlternatives``.

    ``subject`` is a string or a lazy translation (``gettext_lazy``,
    ``format_lazy``), resolved in the recipient's language. ``template`` names
    two templates without their extension: ``<template>.txt`` and
    ``<template>.html`` (e.g. ``"musenor_birdwatch/mail/sighting"``), rendered
    with ``context`` plus ``user``, ``subject``, ``site_name``, ``site_url``,
    ``site_root`` (the address without the final slash, to put before a path)
    and ``unsubscribe_url``, then placed in the portal's mail layout.
    ``notification_types`` (a type key or a list of them) adds the unsubscribe
    link and headers for those types; leave it empty for a mail the person
    cannot opt out of (an invitation, a password reset). Other keyword
    arguments (``from_email``, ``reply_to``, ``headers``, ``attachments``…) go
    to ``EmailMultiAlternatives``; ``from_email`` defaults to
    ``DEFAULT_FROM_EMAIL``. Errors of the mail server propagate.
    """
    message = render_mail(
        user, subject, template, context, notification_types=notification_types, **kwargs
    )
    message.send()
    return message
