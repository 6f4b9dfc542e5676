"""Thematic paths: ordered steps through works and museums, for a given audience."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from musenor.pages.base import BasePage
from musenor.streamfields.blocks import BodyStreamBlock

from .blocks import PathStepsStreamBlock
from .choices import AUDIENCE_FIELDS, Audience, Level
from .durations import format_minutes, iso_duration
from .filters import PathFilterForm


class PathIndexPage(BasePage):
    """The list of thematic paths, filterable by audience and level."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["musenor_home.HomePage"]
    subpage_types = ["musenor_paths.ThematicPathPage"]
    template = "musenor_paths/path_index_page.html"
    per_page = 12

    class Meta:
        verbose_name = _("list of thematic paths")
        verbose_name_plural = _("lists of thematic paths")

    def paths(self):
        return (
            ThematicPathPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image", "listing_image")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paths = self.paths()
        form = PathFilterForm(request.GET or None)
        if form.is_bound:
            form.is_valid()  # a bad value is reported, the good ones still filter
            paths = form.filter(paths)
        paginator = Paginator(paths, self.per_page)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            paths=paginator.get_page(request.GET.get("page")),
            paginator=paginator,
            filter_query=query.urlencode(),
            is_filtered=form.is_bound and form.is_valid() and form.has_filters(),
        )
        return context


class ThematicPathPage(BasePage):
    """A path through works and museums, step by step, for one or more audiences."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("Two or three sentences: what the path tells, for whom."),
    )
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    for_families = models.BooleanField(_("families"), default=False)
    for_schools = models.BooleanField(_("school groups"), default=False)
    for_art_lovers = models.BooleanField(_("art lovers"), default=False)
    for_accessibility = models.BooleanField(
        _("accessibility needs"),
        default=False,
        help_text=_("The path suits visitors with a disability: say how in the introduction."),
    )
    duration = models.PositiveSmallIntegerField(
        _("duration"),
        validators=[MinValueValidator(5), MaxValueValidator(600)],
        help_text=_("In minutes, for the whole path; shown as “1 h 30”."),
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.EASY)
    steps = StreamField(PathStepsStreamBlock(), verbose_name=_("steps"))
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("after the steps"),
        help_text=_("To go further: practical advice, reading, other paths."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("for_families"),
                        FieldPanel("for_schools"),
                        FieldPanel("for_art_lovers"),
                        FieldPanel("for_accessibility"),
                    ]
                ),
            ],
            heading=_("Audience"),
            help_text=_("Tick every audience the path is written for; at least one."),
        ),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("level")]),
        FieldPanel("steps"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("steps"),
        index.SearchField("body"),
        index.FilterField("level"),
    ]
    parent_page_types = ["musenor_paths.PathIndexPage"]
    subpage_types = []
    template = "musenor_paths/thematic_path_page.html"

    class Meta:
        verbose_name = _("thematic path")
        verbose_name_plural = _("thematic paths")

    def clean(self):
        super().clean()
        if not any(getattr(self, name) for name in AUDIENCE_FIELDS.values()):
            raise ValidationError(
                {"for_families": _("Choose at least one audience for this path.")}
            )

    @property
    def audiences(self):
        return [audience for audience, name in AUDIENCE_FIELDS.items() if getattr(self, name)]

    @property
    def audience_labels(self):
        return [Audience(audience).label for audience in self.audiences]

    @property
    def duration_display(self):
        return format_minutes(self.duration)

    @property
    def duration_iso(self):
        return iso_duration(self.duration)

    @property
    def display_summary(self):
        return self.listing_summary or self.intro or self.search_description

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["toc"] = self.table_of_contents()
        return context

    def table_of_contents(self):
        """``(number, title, kind)`` for each step, in order."""
        return [
            (number, step.block.step_title(step.value), step.block.meta.label)
            for number, step in enumerate(self.steps, start=1)
        ]
