"""Circuits: visits of several museums of the directory, stop after stop.

Depends on the museum directory (``MuseumPage`` and its opening hours) and on
the paths' duration helpers; nothing depends on it.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from musenor.pages.base import BasePage
from musenor.pages.paths.durations import format_minutes, iso_duration
from musenor.site.translations import relink_in_language
from musenor.streamfields.blocks import BodyStreamBlock

from .forms import CircuitPageForm
from .geo import format_km, museum_distance_km
from .hours import summarise_week

MAX_DAYS = 14


class CircuitIndexPage(BasePage):
    """The list of circuits."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["musenor_home.HomePage"]
    subpage_types = ["musenor_circuits.CircuitPage"]
    template = "musenor_circuits/circuit_index_page.html"

    class Meta:
        verbose_name = _("list of circuits")
        verbose_name_plural = _("lists of circuits")

    def circuits(self):
        stops = CircuitStop.objects.select_related("museum").order_by("sort_order", "pk")
        return (
            CircuitPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image", "listing_image")
            .prefetch_related(Prefetch("stops", queryset=stops))
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["circuits"] = self.circuits()
        return context


@dataclass
class Leg:
    """The way from the previous stop to this one."""

    km: float | None

    @property
    def display(self):
        return format_km(self.km) if self.km is not None else ""


class CircuitPage(BasePage):
    """A visit of several museums in order, with a map, distances and opening days."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("Two or three sentences: the story the circuit tells."),
    )
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    theme = models.CharField(
        _("theme"),
        max_length=100,
        blank=True,
        help_text=_("In a few words, e.g. “Mémoire de la Grande Guerre”."),
    )
    duration_days = models.PositiveSmallIntegerField(
        _("duration in days"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DAYS)],
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    practical_info = RichTextField(
        _("practical information"),
        features=["bold", "italic", "link", "ul", "ol", "h3"],
        blank=True,
        help_text=_("Getting there, parking, combined tickets, where to eat."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("duration_days")]),
        InlinePanel(
            "stops",
            label=_("Stop"),
            heading=_("Stops, in order"),
            min_num=2,
            help_text=_("Each stop is a museum of the directory."),
        ),
        FieldPanel("body"),
        FieldPanel("practical_info"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("theme"),
        index.SearchField("body"),
        index.SearchField("practical_info"),
    ]
    base_form_class = CircuitPageForm
    parent_page_types = ["musenor_circuits.CircuitIndexPage"]
    subpage_types = []
    template = "musenor_circuits/circuit_page.html"

    class Meta:
        verbose_name = _("circuit")
        verbose_name_plural = _("circuits")

    @property
    def display_summary(self):
        return self.listing_summary or self.intro or self.search_description

    def stop_list(self):
        """The stops in order, their museums and opening hours fetched in three queries."""
        stops = self.stops.select_related("museum").prefetch_related("museum__opening_hours")
        # pk breaks ties: stops created in code may all share a sort_order.
        stops = stops.order_by("sort_order", "pk")
        # The museums in this page's language, with their hours: a copy in English
        # links into /en/ and shows the hours' notes in English (one query more).
        museums = self.stops.model._meta.get_field("museum").related_model.objects
        return relink_in_language(
            stops, "museum", self.locale_id, museums.prefetch_related("opening_hours")
        )

    def itinerary(self, stops):
        """Each stop with the leg that leads to it, and the total distance known."""
        items = []
        total = 0.0
        unknown = False
        previous = None
        for number, stop in enumerate(stops, start=1):
            leg = None
            if number > 1:
                leg = Leg(museum_distance_km(previous, stop.museum))
                if leg.km is None:
                    unknown = True
                else:
                    total += leg.km
            items.append({"number": number, "stop": stop, "leg": leg})
            previous = stop.museum
        return {
            "items": items,
            "total_km": total,
            "total_display": format_km(total) if len(items) > 1 else "",
            "total_is_partial": unknown,
        }

    def map_points(self, items, request=None):
        return [
            {
                "n": item["number"],
                "name": item["stop"].museum.title,
                "city": item["stop"].museum.city,
                "url": item["stop"].museum.get_url(request),
                "lat": float(item["stop"].museum.latitude),
                "lon": float(item["stop"].museum.longitude),
            }
            for item in items
            if item["stop"].museum is not None and item["stop"].museum.has_coordinates
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        itinerary = self.itinerary(self.stop_list())
        points = self.map_points(itinerary["items"], request)
        context.update(
            itinerary=itinerary,
            map_points=points,
            map_tiles_url=settings.MUSENOR_MAP_TILES_URL if len(points) > 1 else "",
            map_attribution=settings.MUSENOR_MAP_ATTRIBUTION,
        )
        return context


class CircuitStop(TranslatableMixin, Orderable):
    page = ParentalKey(CircuitPage, on_delete=models.CASCADE, related_name="stops")
    museum = models.ForeignKey(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        # A museum removed from the directory leaves a gap in the circuit, not a
        # broken page: the stop stays, and says so, until an editor replaces it.
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(
        _("note"),
        max_length=1000,
        blank=True,
        help_text=_("What to see there, and why this stop in the circuit."),
    )
    suggested_minutes = models.PositiveSmallIntegerField(
        _("suggested time"),
        null=True,
        blank=True,
        validators=[MinValueValidator(10), MaxValueValidator(600)],
        help_text=_("Time to spend at this stop, in minutes; shown as “1 h 30”."),
    )
    day = models.PositiveSmallIntegerField(
        _("day"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DAYS)],
        help_text=_("For circuits over several days: the day of this stop (1, 2, …)."),
    )

    panels = [
        FieldPanel("museum"),
        FieldPanel("note"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("suggested_minutes"), FieldPanel("day")])]),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("stop")
        verbose_name_plural = _("stops")

    @property
    def suggested_display(self):
        return format_minutes(self.suggested_minutes)

    @property
    def suggested_iso(self):
        return iso_duration(self.suggested_minutes)

    def opening_days(self):
        """The museum's week in a few lines (see :func:`summarise_week`), or ``[]``."""
        if self.museum is None:
            return []
        week = self.museum.opening_week()
        if not any(slots for _day, slots in week):
            return []
        return summarise_week(week)
