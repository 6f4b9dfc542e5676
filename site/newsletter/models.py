"""The association's newsletter ("lettre d'information").

Subscribers confirm their address (double opt-in) before anything is sent to
them; issues are Wagtail snippets composed from blocks and from the month's
news and exhibitions; a ``Delivery`` row per issue and subscriber is written
before each mail leaves, so a send that is interrupted and run again never
mails anyone twice.
"""

import calendar
from datetime import date

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PreviewableMixin, RevisionMixin

CONFIRM_SALT = "musenor.newsletter.confirm"
UNSUBSCRIBE_SALT = "musenor.newsletter.unsubscribe"


class SubscriberQuerySet(models.QuerySet):
    def receiving(self):
        """The addresses an issue may be sent to: confirmed, not unsubscribed."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(_("language"), max_length=10, default="fr")
    created_at = models.DateTimeField(_("subscribed on"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed on"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed on"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    # A snippet no public page shows: a subscription leaves the page cache alone.
    purges_page_cache = False

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_receiving(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None

    def confirm_token(self):
        return signing.dumps(self.email, salt=CONFIRM_SALT)

    def unsubscribe_token(self):
        # No expiry: the link of an issue kept for years must still work.
        return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(self.email)

    def unsubscribe_path(self):
        """The unsubscribe page, in the subscriber's language."""
        with translation.override(self.language):
            return reverse("musenor_newsletter:unsubscribe", args=[self.unsubscribe_token()])

    @classmethod
    def from_confirm_token(cls, token):
        """The subscriber a confirmation link names, or None (tampered, expired, unknown)."""
        max_age = settings.MUSENOR_NEWSLETTER_CONFIRM_DAYS * 86400
        try:
            email = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
        except signing.BadSignature:  # SignatureExpired is one
            return None
        return cls.objects.filter(email=email).first()

    @classmethod
    def from_unsubscribe_token(cls, token):
        try:
            email = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
        except signing.BadSignature:
            return None
        return cls.objects.filter(email=email).first()


class MonthContentBlock(blocks.StructBlock):
    """The published news and exhibitions of the issue's month, read when the issue is rendered."""

    news = blocks.BooleanBlock(label=_("News of the month"), required=False, default=True)
    exhibitions = blocks.BooleanBlock(
        label=_("Exhibitions open during the month"), required=False, default=True
    )

    class Meta:
        icon = "date"
        label = _("The month's news and exhibitions")
        template = "musenor_newsletter/blocks/month_content.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        issue = (parent_context or {}).get("issue")
        if issue is not None:
            content = issue.month_content()
            context["month_news"] = content["news"] if value.get("news") else []
            context["month_exhibitions"] = (
                content["exhibitions"] if value.get("exhibitions") else []
            )
            context["base_url"] = (parent_context or {}).get("base_url", "")
        return context


class IssueBody(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", icon="title")
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul"]
    )
    month_content = MonthContentBlock()


def first_of_month():
    return timezone.localdate().replace(day=1)


class NewsletterIssue(PreviewableMixin, RevisionMixin, models.Model):
    subject = models.CharField(_("subject"), max_length=200)
    month = models.DateField(
        _("month"),
        default=first_of_month,
        help_text=_("Any day of the month whose news and exhibitions the issue presents."),
    )
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(IssueBody(), verbose_name=_("content"), blank=True)
    test_sent_at = models.DateTimeField(_("last test sent on"), null=True, editable=False)
    send_requested_at = models.DateTimeField(_("sending requested on"), null=True, editable=False)
    sent_at = models.DateTimeField(_("sent on"), null=True, editable=False)

    panels = [FieldPanel("subject"), FieldPanel("month"), FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-month", "-pk"]
        permissions = [("send_newsletterissue", _("Can send newsletter issues to subscribers"))]

    def __str__(self):
        return self.subject

    @property
    def tested_since_last_change(self):
        """True once a test was sent after the issue's last saved revision."""
        if self.test_sent_at is None:
            return False
        revision = self.latest_revision
        return revision is None or self.test_sent_at >= revision.created_at

    def month_range(self):
        first = self.month.replace(day=1)
        last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
        return first, last

    def month_content(self):
        """The live, public news dated in the month and the exhibitions open during it,
        in the active language (the subscriber's, when an issue is sent).

        The pages are chosen in French, the language staff publish in; each is
        replaced by its counterpart in the active language when that one is live
        (a translation, or the synchronised tree's copy, with its ``/en/`` or
        ``/nl/`` address). Read once per issue and language: a batch of
        subscribers costs no more queries than one.
        """
        from django.db.models import Q

        from musenor.pages.exhibitions.models import ExhibitionPage
        from musenor.pages.news.models import NewsPage

        language = translation.get_language() or settings.LANGUAGE_CODE
        memo = self.__dict__.setdefault("_month_content", {})
        if language in memo:
            return memo[language]
        first, last = self.month_range()
        source = settings.LANGUAGE_CODE
        news = (
            NewsPage.objects.live()
            .public()
            .filter(date__range=(first, last), locale__language_code=source)
            .order_by("date", "title")
        )
        exhibitions = (
            ExhibitionPage.objects.live()
            .public()
            .filter(start_date__lte=last, locale__language_code=source)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
            .order_by("start_date", "title")
        )
        memo[language] = {
            "news": in_language(NewsPage, list(news), language),
            "exhibitions": in_language(ExhibitionPage, list(exhibitions), language),
        }
        return memo[language]

    def get_preview_template(self, request, mode_name):
        return "musenor_newsletter/mail/issue.html"

    def get_preview_context(self, request, mode_name):
        from .mailing import issue_context

        return issue_context(self, None, base_url=request.build_absolute_uri("/").rstrip("/"))


def in_language(model, pages, language):
    """``pages`` (French) with each one's live counterpart in ``language``, where there is
    one (one query)."""
    if not pages or language == settings.LANGUAGE_CODE:
        return pages
    found = {
        page.translation_key: page
        for page in model.objects.live()
        .public()
        .filter(
            locale__language_code=language,
            translation_key__in=[page.translation_key for page in pages],
        )
    }
    return [found.get(page.translation_key, page) for page in pages]


class Delivery(models.Model):
    """One issue sent to one subscriber: written before the mail leaves, never twice."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("newsletter delivery")
        verbose_name_plural = _("newsletter deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_delivery_once")
        ]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"
