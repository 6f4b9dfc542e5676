"""Exhibitions: the index (current, upcoming, past; filters; feeds) and the exhibition page.

Dependencies go one way: exhibitions → museums, operations. An exhibition
names its museums and its network operation; the operation and museum pages
reach their exhibitions through the reverse relations declared here
(``exhibitions``).
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from musenor.pages.base import BasePage, BasePageForm
from musenor.site.sorting import SortKey
from musenor.site.translations import pages_in_language
from musenor.streamfields.blocks import BodyStreamBlock

from .choices import ExhibitionKind, Status


class ExhibitionQuerySet(PageQuerySet):
    """Exhibitions by status on a given day; an empty end date never ends."""

    def current(self, today):
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=today), start_date__lte=today)

    def upcoming(self, today):
        return self.filter(start_date__gt=today)

    def past(self, today):
        return self.filter(end_date__lt=today)

    def not_over(self, today):
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=today))

    def for_listing(self):
        """What a card, a feed item or a calendar event shows, in a fixed number of queries."""
        from musenor.pages.museums.models import MuseumPage

        return self.select_related("image", "listing_image", "operation").prefetch_related(
            Prefetch(
                "museums", queryset=MuseumPage.objects.live().order_by(SortKey("title"), "title")
            ),
            "image__renditions",
            "listing_image__renditions",
        )


ExhibitionPageManager = PageManager.from_queryset(ExhibitionQuerySet)


class ExhibitionIndexPage(RoutablePageMixin, BasePage):
    """Every exhibition of the network: current, upcoming and past, with filters and feeds."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    subpage_types = ["musenor_exhibitions.ExhibitionPage"]
    max_count_per_parent = 1
    template = "musenor_exhibitions/exhibition_index_page.html"
    per_page = 12
    feed_size = 50

    class Meta:
        verbose_name = _("exhibition index")
        verbose_name_plural = _("exhibition indexes")

    def exhibitions(self):
        return ExhibitionPage.objects.child_of(self).live().public()

    def filtered(self, request):
        """The live exhibitions and the bound filter form (invalid filters are ignored)."""
        from .filters import ExhibitionFilterForm

        exhibitions = self.exhibitions()
        form = ExhibitionFilterForm(request.GET or None, exhibitions=exhibitions)
        if form.is_valid():
            exhibitions = form.filter(exhibitions)
        return exhibitions, form

    def sections(self, exhibitions, request, today):
        """Current, upcoming (one query for both) and past exhibitions (paginated)."""
        not_over = list(exhibitions.not_over(today).for_listing().order_by("start_date", "title"))
        current = [page for page in not_over if page.start_date <= today]
        # Closing soonest first; permanent displays, which never close, last.
        current.sort(key=lambda page: (page.end_date is None, page.end_date or today))
        past = exhibitions.past(today).order_by("-end_date", "title")
        paginator = Paginator(past.for_listing(), self.per_page)
        return {
            "current": current,
            "upcoming": [page for page in not_over if page.start_date > today],
            "past": paginator.get_page(request.GET.get("page")),
        }

    def feed_items(self, request, today=None):
        """Current and upcoming exhibitions, filtered as asked, newest published first."""
        exhibitions, _form = self.filtered(request)
        today = today or timezone.localdate()
        return (
            exhibitions.not_over(today)
            .for_listing()
            .order_by(F("first_published_at").desc(nulls_last=True), "title")[: self.feed_size]
        )

    def calendar_items(self, request, today=None):
        exhibitions, _form = self.filtered(request)
        today = today or timezone.localdate()
        # A permanent display has no end: it is not an event a calendar can hold.
        return (
            exhibitions.not_over(today)
            .filter(end_date__isnull=False)
            .for_listing()
            .order_by("start_date", "title")
        )

    def subpage_url(self, name, request=None):
        return self.get_url(request) + self.reverse_subpage(name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        exhibitions, form = self.filtered(request)
        # Empty fields of a submitted form add nothing to the links built from it.
        query = QueryDict(mutable=True)
        for key, values in request.GET.lists():
            if key not in ("page", "format") and any(values):
                query.setlist(key, [value for value in values if value])
        filter_query = query.urlencode()
        suffix = f"?{filter_query}" if filter_query else ""
        context.update(
            today=today,
            filter_form=form,
            filter_query=filter_query,
            is_filtered=form.is_bound and form.is_valid() and form.has_filters(),
            sections=self.sections(exhibitions, request, today),
            ical_url=self.subpage_url("ical", request) + suffix,
            rss_url=self.subpage_url("rss", request) + suffix,
            atom_url=self.subpage_url("atom", request) + suffix,
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        if request.GET.get("format") == "ics":
            return self.ical(request)
        return super().index_route(request, *args, **kwargs)

    @path("ical/", name="ical")
    def ical(self, request):
        from .ical import calendar_response

        return calendar_response(
            self.calendar_items(request),
            request,
            name=self.title,
            filename=f"{self.slug}.ics",
        )

    @path("rss/", name="rss")
    def rss(self, request):
        from .feeds import ExhibitionRSSFeed

        return ExhibitionRSSFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom(self, request):
        from .feeds import ExhibitionAtomFeed

        return ExhibitionAtomFeed()(request, index=self)


class ExhibitionPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "musenor_exhibitions.ExhibitionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ExhibitionPageForm(BasePageForm):
    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("museums") and not cleaned_data.get("venue"):
            self.add_error(
                "museums",
                _(
                    "Choose at least one museum of the network, or write where the "
                    "exhibition takes place in “Venue”."
                ),
            )
        return cleaned_data


class ExhibitionPage(RoutablePageMixin, BasePage):
    """One exhibition: where, when, what kind, for which operation."""

    museums = ParentalManyToManyField(
        "musenor_museums.MuseumPage",
        blank=True,
        related_name="exhibitions",
        verbose_name=_("museums"),
        help_text=_("The museums of the network that hold the exhibition."),
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_(
            "Where the exhibition takes place when it is not in a museum of the network, "
            "e.g. “Médiathèque de Wimereux, 2 rue Carnot”."
        ),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a permanent display."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ExhibitionKind.choices, default=ExhibitionKind.EXHIBITION
    )
    operation = models.ForeignKey(
        "musenor_operations.OperationPage",
        verbose_name=_("network operation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exhibitions",
        help_text=_("The network operation the exhibition belongs to, if any."),
    )
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences shown under the title and in the lists."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ExhibitionPageTag, blank=True, verbose_name=_("keywords"))
    # Filled by the OpenAgenda importer only (see openagenda/importer.py).
    openagenda_uid = models.PositiveBigIntegerField(
        _("OpenAgenda event"), null=True, blank=True, unique=True, editable=False
    )
    openagenda_updated_at = models.DateTimeField(null=True, blank=True, editable=False)
    openagenda_checksum = models.CharField(max_length=64, blank=True, editable=False)

    objects = ExhibitionPageManager()

    base_form_class = ExhibitionPageForm
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("kind"),
            ],
            heading=_("Dates and kind"),
        ),
        MultiFieldPanel(
            [FieldPanel("museums"), FieldPanel("venue")],
            heading=_("Where"),
        ),
        FieldPanel("operation", help_text=_("Optional.")),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.FilterField("kind"),
    ]
    parent_page_types = ["musenor_exhibitions.ExhibitionIndexPage"]
    subpage_types = []
    template = "musenor_exhibitions/exhibition_page.html"
    # A translation is another page: it must not claim the source's OpenAgenda event.
    exclude_fields_in_copy = ["openagenda_uid", "openagenda_updated_at", "openagenda_checksum"]

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")
        permissions = [("import_openagenda", _("Can import exhibitions from OpenAgenda"))]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {
                    "end_date": _(
                        "The end date (%(end)s) comes before the start date (%(start)s): "
                        "an exhibition ends on or after the day it opens."
                    )
                    % {"end": self.end_date.isoformat(), "start": self.start_date.isoformat()}
                }
            )

    # -- what templates, feeds and calendars show ------------------------

    def status(self, today=None):
        today = today or timezone.localdate()
        if self.start_date > today:
            return Status.UPCOMING
        if self.end_date is not None and self.end_date < today:
            return Status.PAST
        return Status.CURRENT

    @property
    def is_permanent(self):
        return self.end_date is None

    def offers_calendar(self, today=None):
        """Whether “add to my calendar” makes sense: not over, and with an end.

        A permanent display is not an event of a day (a calendar event without an
        end is one day long, RFC 5545 §3.6.1); a past exhibition is no use in one.
        """
        return not self.is_permanent and self.status(today) != Status.PAST

    @property
    def is_online(self):
        return self.kind in ExhibitionKind.online_kinds()

    @property
    def display_summary(self):
        return self.listing_summary or self.summary or self.search_description

    @property
    def meta_image(self):
        return super().meta_image or self.image

    @cached_property
    def live_museums(self):
        """The museums, live ones only; prefetched in lists, one query otherwise."""
        return [museum for museum in self.museums.all() if museum.live]

    @property
    def place(self):
        """Where it is, in words: “Musée de Picardie (Amiens)”, or the venue."""
        places = [f"{museum.title} ({museum.city})" for museum in self.live_museums]
        if self.venue:
            places.append(self.venue)
        return " ; ".join(places)

    def get_context(self, request, *args, **kwargs):
        from .jsonld import exhibition_json_ld, script_json

        context = super().get_context(request, *args, **kwargs)
        context.update(
            status=self.status(),
            ical_url=(
                self.get_url(request) + self.reverse_subpage("ical")
                if self.offers_calendar()
                else None
            ),
            json_ld=script_json(exhibition_json_ld(self, request)),
            tags=self.tags.all(),
            # The museums' pages in this page's language (an English copy links into /en/).
            museums=pages_in_language(
                self.live_museums, self.locale_id, self.museums.model.objects.all()
            ),
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        if request.GET.get("format") == "ics":
            return self.ical(request)
        return super().index_route(request, *args, **kwargs)

    @path("ical/", name="ical")
    def ical(self, request):
        from django.http import Http404

        from .ical import calendar_response

        if not self.offers_calendar():
            raise Http404(_("This exhibition is over or permanent: it has no calendar event."))
        return calendar_response([self], request, name=self.title, filename=f"{self.slug}.ics")


@register_setting(icon="calendar-alt")
class OpenAgendaSettings(BaseSiteSetting):
    """How events imported from OpenAgenda reach the site: published at once, or as drafts."""

    review_imports = models.BooleanField(
        _("import events as drafts to review"),
        default=False,
        help_text=_(
            "When ticked, a new event becomes an unpublished exhibition page and a changed "
            "event a draft of its page: an editor reviews them and publishes them. When not "
            "ticked, imported events are published at once."
        ),
    )

    class Meta:
        verbose_name = _("OpenAgenda import")
        verbose_name_plural = _("OpenAgenda import")

    @classmethod
    def review_for(cls, page):
        """Whether imports under ``page`` are kept as drafts (the setting of its site)."""
        site = page.get_site()
        if site is None:
            return False
        return (
            cls.objects.filter(site=site).values_list("review_imports", flat=True).first() or False
        )
