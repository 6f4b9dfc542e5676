"""Network operations: the "Trésors" programme, one page per operation.

An operation gathers museums of the network around a theme for one or more
years. Its exhibitions are not chosen here: each exhibition page names its
operation, and the operation page lists them (the reverse relation
``exhibitions``, declared by ``musenor_exhibitions``). This app never imports
the exhibitions app.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from musenor.pages.base import BasePage
from musenor.site.sorting import SortKey
from musenor.site.translations import pages_in_language
from musenor.streamfields.blocks import BodyStreamBlock

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class Organiser(models.TextChoices):
    """The regions that ran the operations, before and after the 2016 merger."""

    NORD_PAS_DE_CALAIS = "nord-pas-de-calais", "Nord-Pas de Calais"
    PICARDIE = "picardie", "Picardie"
    BOTH = "nord-pas-de-calais-picardie", _("Nord-Pas de Calais and Picardie")
    HAUTS_DE_FRANCE = "hauts-de-france", "Hauts-de-France"


class OperationIndexPage(BasePage):
    """The list of the network's operations, the ongoing ones first."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["musenor_operations.OperationPage"]
    max_count_per_parent = 1
    template = "musenor_operations/operation_index_page.html"

    class Meta:
        verbose_name = _("operation index")
        verbose_name_plural = _("operation indexes")

    def operations(self):
        return (
            OperationPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image", "listing_image")
            .annotate(museum_count=Count("museums", distinct=True))
            .order_by("-start_year", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        year = timezone.localdate().year
        ongoing, past = [], []
        for operation in self.operations():
            (ongoing if operation.is_ongoing(year) else past).append(operation)
        context.update(ongoing=ongoing, past=past)
        return context


class OperationPage(BasePage):
    """One operation: its years, organiser, museums, exhibitions and resources."""

    start_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while the operation is ongoing."),
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=40,
        choices=Organiser.choices,
        default=Organiser.HAUTS_DE_FRANCE,
        help_text=_("The region whose museums ran the operation."),
    )
    museums = ParentalManyToManyField(
        "musenor_museums.MuseumPage",
        blank=True,
        related_name="operations",
        verbose_name=_("participating museums"),
        help_text=_("The museums of the network that take part in the operation."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences on what the operation is about."),
    )
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("organiser"),
            ],
            heading=_("Years and organiser"),
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("museums", widget=forms.SelectMultiple(attrs={"size": 12})),
        FieldPanel("body"),
        InlinePanel("resources", label=_("Resources")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("start_year"),
        index.FilterField("organiser"),
    ]
    parent_page_types = ["musenor_operations.OperationIndexPage"]
    subpage_types = []
    template = "musenor_operations/operation_page.html"

    class Meta:
        verbose_name = _("network operation")
        verbose_name_plural = _("network operations")

    def clean(self):
        super().clean()
        if self.end_year is not None and self.start_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The last year cannot come before the first year.")}
            )

    def is_ongoing(self, year=None):
        year = year or timezone.localdate().year
        return self.end_year is None or self.end_year >= year

    @property
    def years(self):
        """“2019–2022”, “1977”, or “since 2023” while the operation goes on."""
        if self.end_year is None:
            return _("since %(year)s") % {"year": self.start_year}
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    @property
    def display_summary(self):
        return self.listing_summary or self.intro or self.search_description

    @property
    def meta_image(self):
        return super().meta_image or self.image

    def participating_museums(self):
        return self.museums.live().public().order_by(SortKey("title"), "title")

    def exhibitions_by_status(self, today=None):
        """The live exhibitions of the operation: current, upcoming and past, in two queries."""
        today = today or timezone.localdate()
        related = getattr(self, "exhibitions", None)
        if related is None:  # the exhibitions app is not installed
            return {"current": [], "upcoming": [], "past": []}
        exhibitions = (
            related.live()
            .public()
            .select_related("image", "listing_image")
            .prefetch_related("museums")
            .order_by("-start_date", "title")
        )
        groups = {"current": [], "upcoming": [], "past": []}
        for exhibition in exhibitions:
            groups[exhibition.status(today)].append(exhibition)
        groups["upcoming"].reverse()
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            # In this page's language: an English copy links into /en/.
            museums=pages_in_language(
                self.participating_museums(), self.locale_id, self.museums.model.objects.all()
            ),
            exhibitions=self.exhibitions_by_status(),
            resources=self.resources.select_related("document"),
        )
        return context


class OperationResource(Orderable):
    """A document of the operation: a press kit, a catalogue, a teaching file."""

    operation = ParentalKey(OperationPage, on_delete=models.CASCADE, related_name="resources")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("link text"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use the document's title."),
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @property
    def display_title(self):
        return self.title or self.document.title
