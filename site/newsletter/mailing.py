"""Composing and sending the newsletter's mails (HTML and plain text)."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Delivery, NewsletterIssue, Subscriber

logger = logging.getLogger(__name__)


def page_link(page, base_url):
    parts = page.get_url_parts()
    return f"{base_url}{parts[2]}" if parts else base_url


def issue_context(issue, subscriber, *, base_url):
    """What the issue's templates need; ``subscriber`` None for a preview or a test."""
    unsubscribe_url = (
        f"{base_url}{subscriber.unsubscribe_path()}"
        if subscriber is not None
        else f"{base_url}{reverse('musenor_newsletter:subscribe')}"
    )
    return {
        "issue": issue,
        "subscriber": subscriber,
        "base_url": base_url,
        "unsubscribe_url": unsubscribe_url,
        "page_link": lambda page: page_link(page, base_url),
    }


def issue_message(issue, subscriber, *, base_url, to=None, connection=None):
    """The issue as one mail: HTML, plain text and the RFC 8058 unsubscribe headers."""
    context = issue_context(issue, subscriber, base_url=base_url)
    with translation.override(subscriber.language if subscriber else settings.LANGUAGE_CODE):
        html = render_to_string("musenor_newsletter/mail/issue.html", context)
        text = render_to_string("musenor_newsletter/mail/issue.txt", context)
        subject = (
            issue.subject if subscriber else _("[Test] %(subject)s") % {"subject": issue.subject}
        )
    headers = {}
    if subscriber is not None:
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=to or [subscriber.email],
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def send_test(issue, address, *, base_url):
    issue_message(issue, None, base_url=base_url, to=[address]).send()


def send_issue_to_subscribers(issue_id, *, base_url):
    """Send the issue to every receiving subscriber who has not had it; the count sent.

    Batches of ``MUSENOR_NEWSLETTER_BATCH_SIZE`` share one connection. Each
    subscriber's ``Delivery`` is written before the mail leaves (the unique
    constraint refuses a second one), and removed if the mail fails: a re-run
    after an interruption sends to those who have not had the issue, and to
    nobody twice.
    """
    issue = NewsletterIssue.objects.get(pk=issue_id)
    batch_size = settings.MUSENOR_NEWSLETTER_BATCH_SIZE
    sent = 0
    while True:
        batch = list(
            Subscriber.objects.receiving()
            .exclude(deliveries__issue=issue)
            .order_by("pk")[:batch_size]
        )
        if not batch:
            break
        connection = get_connection()
        connection.open()
        try:
            for subscriber in batch:
                try:
                    with transaction.atomic():
                        delivery = Delivery.objects.create(issue=issue, subscriber=subscriber)
                except IntegrityError:  # another worker has it
                    continue
                try:
                    issue_message(
                        issue, subscriber, base_url=base_url, connection=connection
                    ).send()
                except Exception:
                    delivery.delete()
                    raise
                sent += 1
        finally:
            connection.close()
    NewsletterIssue.objects.filter(pk=issue.pk).update(sent_at=timezone.now())
    logger.info("Newsletter issue %s sent to %s subscribers.", issue.pk, sent)
    return sent
