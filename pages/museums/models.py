"""The museum directory: the index (list, filters, map) and the museum page."""

from django import forms
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField

from musenor.pages.base import BasePage, VocabularyEntry
from musenor.site.sorting import SortKey
from musenor.site.translations import source_locale_only
from musenor.streamfields.blocks import BodyStreamBlock

from .choices import Department, Weekday
from .filters import MuseumFilterForm


@register_snippet
class MuseumTheme(VocabularyEntry):
    """A theme of the directory ("beaux-arts", "textile"), in every language."""

    class Meta(VocabularyEntry.Meta):
        verbose_name = _("museum theme")
        verbose_name_plural = _("museum themes")


class MuseumIndexPage(BasePage):
    """The directory of the network's museums: filters, a list and a map."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    subpage_types = ["musenor_museums.MuseumPage"]
    max_count_per_parent = 1
    template = "musenor_museums/museum_index_page.html"
    per_page = 30

    class Meta:
        verbose_name = _("museum directory")
        verbose_name_plural = _("museum directories")

    def museums(self):
        return (
            MuseumPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image", "listing_image")
            .prefetch_related("themes")
            # "Écomusée" among the E, on either database.
            .order_by(SortKey("title"), "title")
        )

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings

        from .gazetteer import town_names

        context = super().get_context(request, *args, **kwargs)
        museums = self.museums()
        form = MuseumFilterForm(request.GET or None, museums=museums)
        town = None
        if form.is_valid():
            museums = form.filter(museums)
            town = form.cleaned_data.get("near")
        # One query for the list, the map and the page of cards: the cards are
        # the same objects as the map's spots (``same_spot``).
        museums = by_distance(museums, town) if town is not None else list(museums)
        paginator = Paginator(museums, self.per_page)
        page = paginator.get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            museums=page,
            paginator=paginator,
            filter_query=query.urlencode(),
            is_filtered=form.is_bound and form.is_valid() and form.has_filters(),
            map_points=spots(paginator.object_list, request),
            near_town=town,
            town_names=town_names(),
            map_tiles_url=settings.MUSENOR_MAP_TILES_URL,
            map_attribution=settings.MUSENOR_MAP_ATTRIBUTION,
        )
        return context


def by_distance(museums, town):
    """The museums as a list, nearest to ``town`` first, each with ``distance_km``."""
    from .gazetteer import distance_km

    _name, latitude, longitude = town
    museums = list(museums)
    for museum in museums:
        museum.distance_km = (
            distance_km(latitude, longitude, float(museum.latitude), float(museum.longitude))
            if museum.has_coordinates
            else None
        )
    return sorted(museums, key=lambda m: (m.distance_km is None, m.distance_km or 0, m.title))


def spots(museums, request=None, precision=3):
    """Map points, one per spot: museums within about 100 metres share a marker.

    Each museum also gets ``same_spot``, the other museums of its spot, which
    the list says in words (the map is not the only way to learn it).
    """
    groups = {}
    for museum in museums:
        if museum.has_coordinates:
            latitude, longitude = float(museum.latitude), float(museum.longitude)
            key = (round(latitude, precision), round(longitude, precision))
            groups.setdefault(key, []).append(museum)
    points = []
    for group in groups.values():
        point = group[0].map_point(request)
        point["museums"] = [{"name": m.title, "url": m.get_url(request)} for m in group]
        points.append(point)
        for museum in group:
            museum.same_spot = [other for other in group if other is not museum]
    return points


class MuseumPage(BasePage):
    """One museum of the network: where it is, when it opens, what it holds."""

    address = models.CharField(_("street address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100)
    # The postal address is the same in every language ("59140 Dunkerque"): the
    # directory's town filter and its groups stay one per town.
    override_translatable_fields = [
        SynchronizedField("address"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
    ]
    department = models.CharField(_("département"), max_length=3, choices=Department.choices)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    themes = ParentalManyToManyField(
        MuseumTheme, blank=True, verbose_name=_("themes"), limit_choices_to=source_locale_only
    )
    musee_de_france = models.BooleanField(
        _("“Musée de France” label"),
        default=False,
        help_text=_("The museum holds the national “Musée de France” label."),
    )
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opening_hours_note = models.CharField(
        _("note on opening hours"),
        max_length=255,
        blank=True,
        help_text=_("Closures and seasons, e.g. “Closed on 1 January, 1 May and 25 December”."),
    )
    wheelchair_access = models.BooleanField(_("accessible to wheelchair users"), default=False)
    visual_impairment = models.BooleanField(_("adapted for visual impairment"), default=False)
    hearing_impairment = models.BooleanField(_("adapted for hearing impairment"), default=False)
    mental_impairment = models.BooleanField(_("adapted for mental impairment"), default=False)
    accessibility_info = RichTextField(
        _("accessibility information"), features=["bold", "italic", "link", "ul"], blank=True
    )
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("department"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("musee_de_france"),
            ],
            heading=_("Collections"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("opening_hours", label=_("Opening hours")),
                FieldPanel("opening_hours_note"),
            ],
            heading=_("Opening hours"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair_access"),
                FieldPanel("visual_impairment"),
                FieldPanel("hearing_impairment"),
                FieldPanel("mental_impairment"),
                FieldPanel("accessibility_info"),
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        InlinePanel("gallery_images", label=_("Gallery")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("city"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("city"),
        index.FilterField("department"),
        index.FilterField("city"),
    ]

    parent_page_types = ["musenor_museums.MuseumIndexPage"]
    template = "musenor_museums/museum_page.html"

    class Meta:
        verbose_name = _("museum")
        verbose_name_plural = _("museums")

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def department_name(self):
        return self.get_department_display()

    @property
    def display_summary(self):
        return self.listing_summary or self.summary or self.search_description

    @property
    def accessibility_labels(self):
        return [
            field.verbose_name
            for field in (
                self._meta.get_field(name)
                for name in (
                    "wheelchair_access",
                    "visual_impairment",
                    "hearing_impairment",
                    "mental_impairment",
                )
            )
            if getattr(self, field.name)
        ]

    @property
    def phone_uri(self):
        """A ``tel:`` link in international form; a note after the number is left out."""
        import re

        digits = re.sub(r"\D", "", self.phone.split("(")[0])
        if len(digits) == 10 and digits.startswith("0"):
            return f"tel:+33{digits[1:]}"
        return f"tel:{digits}" if digits else ""

    @property
    def has_accessibility_info(self):
        return bool(self.accessibility_labels or self.accessibility_info)

    def exhibitions_on(self, today=None):
        """The museum's live exhibitions on now and to come, soonest first, in one query."""
        from django.utils import timezone

        related = getattr(self, "exhibitions", None)
        if related is None:  # the exhibitions app is not installed
            return {"current": [], "upcoming": []}
        today = today or timezone.localdate()
        exhibitions = (
            related.live()
            .public()
            .filter(models.Q(end_date__isnull=True) | models.Q(end_date__gte=today))
            .select_related("image", "listing_image")
            .prefetch_related("image__renditions", "listing_image__renditions")
            .order_by("start_date", "title")
        )
        groups = {"current": [], "upcoming": []}
        for exhibition in exhibitions:
            groups["upcoming" if exhibition.start_date > today else "current"].append(exhibition)
        # Closing soonest first; permanent displays, which never close, last.
        groups["current"].sort(key=lambda page: (page.end_date is None, page.end_date or today))
        return groups

    def map_point(self, request=None):
        return {
            "name": self.title,
            "city": self.city,
            "url": self.get_url(request),
            "lat": float(self.latitude),
            "lon": float(self.longitude),
        }

    def json_ld(self, request=None):
        """schema.org data of the museum (a ``Museum``), for the page's head.

        Whether entry is free is not recorded, so ``isAccessibleForFree`` is left out.
        """
        from musenor.pages.jsonld import image_url

        url = self.get_full_url(request)
        address = {
            "@type": "PostalAddress",
            "addressLocality": self.city,
            "addressRegion": "Hauts-de-France",
            "addressCountry": "FR",
        }
        if self.address:
            address["streetAddress"] = self.address
        if self.postcode:
            address["postalCode"] = self.postcode
        data = {
            "@context": "https://schema.org",
            "@type": "Museum",
            "@id": f"{url}#museum",
            "name": self.title,
            "url": self.website or url,
            "mainEntityOfPage": url,
            "address": address,
        }
        if self.display_summary:
            data["description"] = self.display_summary
        if self.has_coordinates:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        if self.phone:
            data["telephone"] = self.phone
        if self.email:
            data["email"] = self.email
        image = image_url(self.image or self.meta_image, request) if request else None
        if image:
            data["image"] = [image]
        hours = self.opening_hours_specification()
        if hours:
            data["openingHoursSpecification"] = hours
        return data

    def opening_hours_specification(self):
        """The opening hours as schema.org specifications, one per time slot and its days."""
        days = {}
        for slot in self.opening_hours.all():
            key = (slot.opens, slot.closes)
            days.setdefault(key, []).append(slot.weekday)
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [
                    f"https://schema.org/{Weekday(day).name.capitalize()}"
                    for day in sorted(set(weekdays))
                ],
                "opens": opens.strftime("%H:%M"),
                "closes": closes.strftime("%H:%M"),
            }
            for (opens, closes), weekdays in sorted(days.items())
        ]

    def get_context(self, request, *args, **kwargs):
        from django.conf import settings
        from django.templatetags.static import static

        from musenor.pages.jsonld import script_json

        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = script_json(self.json_ld(request))
        context["exhibitions"] = self.exhibitions_on()
        if self.has_coordinates and settings.MUSENOR_MAP_TILES_URL:
            context.update(
                map_points=[self.map_point(request)],
                map_tiles_url=settings.MUSENOR_MAP_TILES_URL,
                map_attribution=settings.MUSENOR_MAP_ATTRIBUTION,
                leaflet_js=static("vendor/leaflet/leaflet.js"),
                leaflet_css=static("vendor/leaflet/leaflet.css"),
            )
        return context

    def opening_week(self):
        """The opening hours grouped by weekday, in week order, closed days included."""
        by_day = {day: [] for day in Weekday}
        for slot in self.opening_hours.all():
            by_day[Weekday(slot.weekday)].append(slot)
        return [(day.label, sorted(slots, key=lambda s: s.opens)) for day, slots in by_day.items()]


class OpeningHours(Orderable):
    museum = ParentalKey(MuseumPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("A museum closes after it opens.")})


class MuseumGalleryImage(Orderable):
    museum = ParentalKey(MuseumPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")
