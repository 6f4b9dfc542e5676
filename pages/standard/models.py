"""Standard pages (the site's sections and texts), landing pages (campaigns), the contact form.

A standard page can hold other standard pages, landing pages, and the page
types that name it as a parent (an educational showcase index, a selection…);
a landing page is a campaign's single page, with a hero and a call to action.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from musenor.pages.base import BasePage, BasePageForm
from musenor.site.throttling import over_limit
from musenor.streamfields.blocks import BodyStreamBlock
from musenor.streamfields.blocks.links import VAGUE_LINK_TEXTS

# Where a section of the site may start.
SECTION_PARENTS = ["musenor_home.HomePage", "musenor_standard.StandardPage"]


class StandardPage(BasePage):
    """A page of text composed freely: “À propos”, “Adhérer”, a section's introduction."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = SECTION_PARENTS
    # No subpage_types: a page type that names StandardPage among its parents may go under it.
    template = "musenor_standard/standard_page.html"

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class LandingPage(BasePage):
    """A campaign's page: a hero with an image and a call to action, then free blocks."""

    hero_title = models.CharField(
        _("hero title"),
        max_length=120,
        blank=True,
        help_text=_("The big title at the top of the page; the page title by default."),
    )
    hero_text = models.TextField(
        _("hero text"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the title that say what the campaign is about."),
    )
    hero_image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A wide image, at least 1600×600 pixels; it is cropped around its focal point."
        ),
    )
    cta_text = models.CharField(
        _("call to action text"),
        max_length=80,
        blank=True,
        help_text=_("Says where the button leads, e.g. “Join the operation”, never “Click here”."),
    )
    cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Either a page of the site…"),
    )
    cta_url = models.URLField(
        _("call to action address"),
        blank=True,
        help_text=_("…or the address of another site, starting with https://."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        MultiFieldPanel(
            [FieldPanel("cta_text"), PageChooserPanel("cta_page"), FieldPanel("cta_url")],
            heading=_("Call to action"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    parent_page_types = SECTION_PARENTS
    subpage_types = []
    template = "musenor_standard/landing_page.html"

    class Meta:
        verbose_name = _("landing page")
        verbose_name_plural = _("landing pages")

    def clean(self):
        super().clean()
        errors = {}
        has_target = bool(self.cta_page_id or self.cta_url)
        if self.cta_text and not has_target:
            errors["cta_page"] = _(
                "The call to action needs somewhere to lead: choose a page or give an address."
            )
        if has_target and not self.cta_text:
            errors["cta_text"] = _("Write the button's text, e.g. “Join the operation”.")
        if self.cta_page_id and self.cta_url:
            errors["cta_url"] = _("Choose either a page of the site or an address, not both.")
        text = self.cta_text.strip().rstrip(".…!").strip().casefold()
        if text in VAGUE_LINK_TEXTS:
            errors["cta_text"] = _(
                "Say what the button leads to: “%(text)s” means nothing out of context."
            ) % {"text": self.cta_text.strip()}
        if errors:
            raise ValidationError(errors)

    @property
    def display_summary(self):
        return self.listing_summary or self.search_description or self.hero_text

    @cached_property
    def meta_description(self):
        return self.search_description or self.listing_summary or self.hero_text

    @property
    def meta_image(self):
        return super().meta_image or self.hero_image

    def cta_href(self, request=None):
        if self.cta_page_id:
            page = self.cta_page
            return page.get_url(request) if page is not None and page.live else None
        return self.cta_url or None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cta_href"] = self.cta_href(request)
        return context


class ContactPageForm(WagtailAdminFormPageForm, BasePageForm):
    """The form builder's checks (unique field names) and the portal's (reserved slugs)."""


# A field no person sees or fills; robots that fill every field give themselves away.
HONEYPOT_FIELD = "website_url"


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form, translated with its page (wagtail-localize).

    Its label, help text, choices and default value are translated; its name
    (the key of the submissions' data), type and requirement are the same in
    every language, so that messages sent from /en/ and / read alike.
    """

    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(AbstractEmailForm, BasePage):
    """The contact form: each message is kept in the admin and e-mailed to the staff.

    Its fields are composed in the editor (Wagtail's form builder); the first
    e-mail field becomes the Reply-To of the staff's e-mail. Submissions are
    throttled per client address (``MUSENOR_CONTACT_RATE``), and a hidden field
    that only robots fill turns theirs away without a word.
    """

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    thank_you_text = RichTextField(
        _("confirmation text"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("Shown to the sender once the message has arrived."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("E-mail to the staff"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = SECTION_PARENTS
    subpage_types = []
    template = "musenor_standard/contact_page.html"
    landing_page_template = "musenor_standard/contact_page_landing.html"
    base_form_class = ContactPageForm

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def is_cacheable(self, request):
        # A form: its CSRF token is the visitor's own.
        return False

    def get_form_class(self):
        form_class = super().get_form_class()
        return type(
            "ContactForm",
            (form_class,),
            {
                HONEYPOT_FIELD: forms.CharField(
                    label=_("Leave this field empty"),
                    required=False,
                    widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
                )
            },
        )

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            if request.POST.get(HONEYPOT_FIELD):
                # A robot: it is shown what a person would see, and nothing is kept or sent.
                return self.render_landing_page(request, None, *args, **kwargs)
            limit, window = settings.MUSENOR_CONTACT_RATE
            if over_limit(request, f"contact:{self.pk}", limit, window):
                form = self.get_form(request.POST, page=self, user=request.user)
                context = self.get_context(request)
                context.update(form=form, throttled=True)
                return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return super().process_form_submission(form)

    def send_mail(self, form):
        reply_to = [
            form.cleaned_data[field.clean_name]
            for field in self.get_form_fields()
            if field.field_type == "email" and form.cleaned_data.get(field.clean_name)
        ][:1]
        EmailMessage(
            subject=self.subject or self.title,
            body=self.render_email(form),
            to=[address.strip() for address in self.to_address.split(",")],
            from_email=self.from_address or settings.DEFAULT_FROM_EMAIL,
            reply_to=reply_to,
        ).send()
