"""The abstract base page and its mixins."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from musenor.plugins.urls import reserved_slug_message


class SocialMixin(models.Model):
    """What a page shows when shared on social networks (Open Graph)."""

    social_image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared; 1200×630 pixels works best."),
    )
    social_text = models.CharField(
        _("social text"),
        max_length=255,
        blank=True,
        help_text=_("Shown when the page is shared; the search description by default."),
    )

    social_panels = [
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading=_("Social networks"),
        )
    ]

    class Meta:
        abstract = True


class ListingMixin(models.Model):
    """How a page appears in lists of pages (cards, search results, menus)."""

    listing_title = models.CharField(
        _("listing title"),
        max_length=255,
        blank=True,
        help_text=_("Replaces the page title in lists; the title by default."),
    )
    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    listing_image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    listing_panels = [
        MultiFieldPanel(
            [
                FieldPanel("listing_title"),
                FieldPanel("listing_summary"),
                FieldPanel("listing_image"),
            ],
            heading=_("In lists"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def display_title(self):
        return self.listing_title or self.title

    @property
    def display_summary(self):
        return self.listing_summary or self.search_description


class BasePageForm(WagtailAdminPageForm):
    """The editor's form of every page type: refuses a slug the core or a plugin holds.

    A page directly under a site root is served at ``/<slug>/``, where the
    core's routes and the plugins' ``url_prefix`` come first: such a page could
    never be reached. Existing pages are checked by :meth:`BasePage.clean`;
    a new one has no parent yet at that point, so the form checks it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fields naming museums offer one entry per museum, in the page's language.
        from musenor.pages.museums.widgets import limit_museum_choices

        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is not None:
            limit_museum_choices(self, locale_id)

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk and self.parent_page is not None:
            message = reserved_slug_message(cleaned_data.get("slug"), self.parent_page)
            if message:
                self.add_error("slug", message)
        return cleaned_data


class BasePage(SocialMixin, ListingMixin, Page):
    """The base of every page type of the portal.

    It adds to Wagtail's ``Page``:

    - listing fields (title, summary, image) used wherever a page appears in a
      list, so that lists never reach into a page's body;
    - social fields (image, text) for Open Graph, falling back to the search
      description and the listing image;
    - a promote tab that groups SEO, listing and social fields;
    - ``search_fields`` that include the listing summary.

    Its response may be cached whole for anonymous visitors
    (``musenor.site.page_cache``): a page type whose content depends on the
    request in a way the cache cannot see overrides :meth:`is_cacheable`.

    Subclasses add their own ``content_panels`` and restrict
    ``parent_page_types`` / ``subpage_types``. Plugins' page types may inherit
    it too. Templates extend ``musenor_site/base.html``, which renders the
    meta tags from :meth:`get_meta`.
    """

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Address and search engines")),
        *ListingMixin.listing_panels,
        *SocialMixin.social_panels,
    ]

    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    base_form_class = BasePageForm

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        message = reserved_slug_message(self.slug, self.get_parent())
        if message:
            raise ValidationError({"slug": message})

    def is_cacheable(self, request):
        """Whether this page's response to ``request`` may be served to every anonymous visitor.

        The page cache already leaves out requests with a session or a query
        string (other than ``?page=N``) and responses that set a cookie (a
        form's CSRF token) or are not a 200; return False for a page that
        shows something else of the request's.
        """
        return True

    @cached_property
    def meta_description(self):
        return self.search_description or self.listing_summary

    @property
    def meta_image(self):
        return self.social_image or self.listing_image

    def get_meta(self):
        return {
            "title": self.seo_title or self.title,
            "description": self.meta_description,
            "social_text": self.social_text or self.meta_description,
            "image": self.meta_image,
        }


class VocabularyEntry(TranslatableMixin, index.Indexed, models.Model):
    """An entry of a small vocabulary pages link to (a museum theme, a school subject).

    Translated with wagtail-localize: pages link to the French entries
    (``limit_choices_to=source_locale_only``) and show each in the visitor's
    language (``musenor.site.translations.localized``). The slug, a filter's
    value in addresses, is the same in every language.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Used in the filter's address."))

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="%(app_label)s_%(class)s_slug_per_locale"
            ),
            models.UniqueConstraint(
                fields=["locale", "name"], name="%(app_label)s_%(class)s_name_per_locale"
            ),
        ]

    def __str__(self):
        return self.name
