"""Educational showcases: what a museum offers classes, and the index teachers filter.

A showcase names the school levels and subjects it suits, its objectives and
activities, the teaching files to download, and what it links to: museums of
the directory, works, and thematic paths (``musenor_paths``, referenced by
string only). Works are free text until the collection database exists; see
:class:`ShowcaseWork`.
"""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from musenor.pages.base import BasePage, VocabularyEntry
from musenor.site.translations import relink_in_language, source_locale_only
from musenor.streamfields.blocks import BodyStreamBlock

from .blocks import ActivityStreamBlock
from .choices import Level, ShortLevel
from .filters import ShowcaseFilterForm

PARENT_PAGE_TYPES = ["musenor_home.HomePage", "musenor_standard.StandardPage"]


@register_snippet
class Subject(VocabularyEntry):
    """A school subject (arts plastiques, histoire, sciences, EMC…), in every language."""

    class Meta(VocabularyEntry.Meta):
        verbose_name = _("school subject")
        verbose_name_plural = _("school subjects")


class SchoolLevelManager(models.Manager):
    def ensure_all(self):
        """Create the levels that are missing (a migration creates them; a flushed test
        database has lost them)."""
        for position, code in enumerate(Level.values):
            self.update_or_create(code=code, defaults={"position": position})
        return self.all()


class SchoolLevel(models.Model):
    """One of the five levels of :class:`Level`; rows exist so that pages can filter on them.

    The rows are created by a data migration and never edited: their names come
    from the code (translated), not from the database.
    """

    code = models.CharField(_("code"), max_length=16, choices=Level.choices, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SchoolLevelManager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("school level")
        verbose_name_plural = _("school levels")

    def __str__(self):
        return str(self.get_code_display())

    @property
    def short_name(self):
        return str(ShortLevel(self.code).label)


class ShowcaseIndexPage(BasePage):
    """The teachers' entrance: every showcase, filterable by level and subject."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = PARENT_PAGE_TYPES
    subpage_types = ["musenor_education.ShowcasePage"]
    max_count_per_parent = 1
    template = "musenor_education/showcase_index_page.html"
    per_page = 12

    class Meta:
        verbose_name = _("educational showcase index")
        verbose_name_plural = _("educational showcase indexes")

    def showcases(self):
        return (
            ShowcasePage.objects.child_of(self)
            .live()
            .public()
            .select_related("image", "listing_image")
            .prefetch_related("levels", "subjects")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        showcases = self.showcases()
        form = ShowcaseFilterForm(request.GET or None, showcases=showcases)
        is_filtered = False
        if form.is_valid():
            showcases = form.filter(showcases)
            is_filtered = form.has_filters()
        paginator = Paginator(showcases, self.per_page)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=form,
            showcases=paginator.get_page(request.GET.get("page")),
            paginator=paginator,
            filter_query=query.urlencode(),
            is_filtered=is_filtered,
        )
        return context


class ShowcasePage(BasePage):
    """One educational offer: for whom, why, what the class does, what to download."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("Two or three sentences that tell a teacher what the class will do."),
    )
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    levels = ParentalManyToManyField(
        SchoolLevel,
        verbose_name=_("school levels"),
        related_name="showcases",
        help_text=_("Every level the showcase suits."),
    )
    subjects = ParentalManyToManyField(
        Subject,
        verbose_name=_("subjects"),
        related_name="showcases",
        blank=True,
        limit_choices_to=source_locale_only,
        help_text=_("The subjects of the curriculum it serves; add subjects as snippets."),
    )
    objectives = RichTextField(
        _("objectives"),
        features=["bold", "italic", "ul", "ol", "link"],
        blank=True,
        help_text=_("What the pupils learn, as a list: one objective per item."),
    )
    activities = StreamField(ActivityStreamBlock(), blank=True, verbose_name=_("activities"))
    practical_info = RichTextField(
        _("practical information"),
        features=["bold", "italic", "ul", "link"],
        blank=True,
        help_text=_("Booking, group size, price, contact of the education service."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("For whom"),
        ),
        FieldPanel("objectives"),
        FieldPanel("activities"),
        InlinePanel("teaching_files", label=_("Teaching files"), max_num=30),
        MultiFieldPanel(
            [
                InlinePanel("linked_museums", label=_("Museums"), max_num=20),
                InlinePanel("linked_works", label=_("Works"), max_num=40),
                InlinePanel("linked_paths", label=_("Thematic paths"), max_num=20),
            ],
            heading=_("Linked museums, works and paths"),
        ),
        FieldPanel("practical_info"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("objectives"),
        index.SearchField("activities"),
        index.SearchField("body"),
        index.RelatedFields("subjects", [index.SearchField("name")]),
        index.RelatedFields(
            "linked_works", [index.SearchField("title"), index.SearchField("artist")]
        ),
    ]
    parent_page_types = ["musenor_education.ShowcaseIndexPage"]
    subpage_types = []
    template = "musenor_education/showcase_page.html"

    class Meta:
        verbose_name = _("educational showcase")
        verbose_name_plural = _("educational showcases")

    @property
    def display_summary(self):
        return self.listing_summary or self.intro or self.search_description

    def get_context(self, request, *args, **kwargs):
        from django.apps import apps

        MuseumPage = apps.get_model("musenor_museums", "MuseumPage")
        context = super().get_context(request, *args, **kwargs)
        # The template shows each museum's title, town and link: nothing more to fetch.
        museums = self.linked_museums.filter(museum__live=True).select_related("museum")
        context.update(
            levels=list(self.levels.all()),
            subjects=list(self.subjects.all()),
            teaching_files=list(self.teaching_files.select_related("document")),
            # Linked pages in this page's language: an English copy links into /en/.
            museums=relink_in_language(museums, "museum", self.locale_id, MuseumPage.objects.all()),
            works=relink_in_language(
                self.linked_works.select_related("museum"),
                "museum",
                self.locale_id,
                MuseumPage.objects.all(),
            ),
            paths=relink_in_language(
                self.linked_paths.filter(path__live=True).select_related(
                    "path", "path__listing_image"
                ),
                "path",
                self.locale_id,
            ),
        )
        return context


class ShowcaseTeachingFile(Orderable):
    """A file a teacher downloads: a Wagtail document, shown with its format and size."""

    page = ParentalKey(ShowcasePage, on_delete=models.CASCADE, related_name="teaching_files")
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
    description = models.CharField(
        _("description"),
        max_length=255,
        blank=True,
        help_text=_("What it holds, e.g. “Pupils' worksheet, 2 pages, to print in A4”."),
    )

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("teaching file")
        verbose_name_plural = _("teaching files")

    @property
    def display_title(self):
        return self.title or self.document.title


class ShowcaseMuseum(Orderable):
    page = ParentalKey(ShowcasePage, on_delete=models.CASCADE, related_name="linked_museums")
    museum = models.ForeignKey(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("What the class does there, e.g. “Guided visit of the trench room”."),
    )

    panels = [FieldPanel("museum"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("linked museum")
        verbose_name_plural = _("linked museums")


class ShowcaseWork(Orderable):
    """A work the class looks at, written by hand for now.

    Extension point: when the collection database (the ``notices`` plugin)
    exists, a work is identified by its museum and inventory number, the key
    of a Joconde record (MUSEO + INV). The plugin can then link an entry to its
    record page without this model changing; until then the entry is only what
    the editor wrote, and nothing pretends to be a record.
    """

    page = ParentalKey(ShowcasePage, on_delete=models.CASCADE, related_name="linked_works")
    title = models.CharField(_("title"), max_length=255)
    artist = models.CharField(
        _("artist"), max_length=255, blank=True, help_text=_("Leave empty when unknown.")
    )
    date = models.CharField(
        _("date"), max_length=60, blank=True, help_text=_("As written on the label, e.g. “1924”.")
    )
    museum = models.ForeignKey(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The museum of the network that holds it."),
    )
    museum_name = models.CharField(
        _("other museum"),
        max_length=255,
        blank=True,
        help_text=_("When the museum is not in the directory, its name."),
    )
    inventory_number = models.CharField(
        _("inventory number"),
        max_length=80,
        blank=True,
        help_text=_("Lets the collection database link this work to its record later."),
    )
    url = models.URLField(
        _("link"), blank=True, help_text=_("The work's page elsewhere, e.g. on the museum's site.")
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("artist"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("museum"), FieldPanel("museum_name")]),
        FieldRowPanel([FieldPanel("inventory_number"), FieldPanel("url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("linked work")
        verbose_name_plural = _("linked works")

    @property
    def held_by(self):
        if self.museum is not None and self.museum.live:
            return self.museum.title
        return self.museum_name


class ShowcasePath(Orderable):
    page = ParentalKey(ShowcasePage, on_delete=models.CASCADE, related_name="linked_paths")
    path = models.ForeignKey(
        "musenor_paths.ThematicPathPage",
        verbose_name=_("thematic path"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [FieldPanel("path"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("linked thematic path")
        verbose_name_plural = _("linked thematic paths")
