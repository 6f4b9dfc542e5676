"""Museum selections by theme, and the "which museum suits me" quiz.

Both list museums of the directory (``musenor_museums``), which this app reads
and never changes. A selection is hand-picked, automatic (by theme and
département), or both; the quiz ranks the directory by the visitor's answers.
"""

from urllib.parse import urlencode

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from musenor.pages.base import BasePage, BasePageForm
from musenor.pages.museums.choices import Department
from musenor.pages.museums.models import MuseumIndexPage, MuseumPage, MuseumTheme
from musenor.site.translations import source_locale_only
from musenor.streamfields.blocks import BodyStreamBlock

from .blocks import QuizStreamBlock
from .criteria import has_any_theme, museums_for
from .quiz import (
    museums_without_accessibility_data,
    questions_of,
    rank_museums,
    read_submission,
)

PARENT_PAGE_TYPES = [
    "musenor_selections.SelectionIndexPage",
    "musenor_home.HomePage",
    "musenor_standard.StandardPage",
]
MUSEUM_CARD_RELATED = ("image", "listing_image")
MUSEUM_CARD_PREFETCH = ("themes", "image__renditions", "listing_image__renditions")


def directory_for(page):
    return MuseumIndexPage.objects.live().filter(locale_id=page.locale_id).first()


class SelectionIndexPage(BasePage):
    """ "Choose a museum": the selections and quizzes under it, as cards."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["musenor_home.HomePage", "musenor_standard.StandardPage"]
    subpage_types = ["musenor_selections.SelectionPage", "musenor_selections.QuizPage"]
    template = "musenor_selections/selection_index_page.html"

    class Meta:
        verbose_name = _("selection index")
        verbose_name_plural = _("selection indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One query per page type, whatever the number of pages (no .specific() per page).
        images = {SelectionPage: ("listing_image", "image"), QuizPage: ("listing_image",)}
        children = [
            page
            for model, fields in images.items()
            for page in model.objects.child_of(self)
            .live()
            .public()
            .select_related(*fields)
            .prefetch_related(*(f"{field}__renditions" for field in fields))
        ]
        for page in children:
            page.card_image = page.listing_image or getattr(page, "image", None)
        context["children"] = sorted(children, key=lambda page: page.path)
        return context


class SelectionPageForm(BasePageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("picked_museums")
        picked = formset is not None and any(
            form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
            for form in formset.forms
        )
        if not (picked or cleaned_data.get("themes") or cleaned_data.get("department")):
            raise forms.ValidationError(
                _("Pick museums, or choose themes or a département for the automatic list.")
            )
        return cleaned_data


class SelectionPage(BasePage):
    """Museums gathered around a theme: picked by hand, found automatically, or both."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        MuseumTheme,
        blank=True,
        verbose_name=_("themes"),
        related_name="+",
        limit_choices_to=source_locale_only,
        help_text=_("The automatic list shows the museums with any of these themes."),
    )
    department = models.CharField(
        _("département"),
        max_length=3,
        choices=Department.choices,
        blank=True,
        help_text=_("Limits the automatic list to one département."),
    )
    automatic_limit = models.PositiveSmallIntegerField(
        _("museums in the automatic list"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("At most this many, in alphabetical order (1 to 60)."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    base_form_class = SelectionPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        InlinePanel(
            "picked_museums",
            label=_("Museum"),
            heading=_("Museums picked by hand, in order"),
            max_num=40,
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("department"), FieldPanel("automatic_limit")]),
            ],
            heading=_("Automatic list"),
            help_text=_(
                "Optional: museums of the directory added after the hand-picked ones. "
                "Leave the themes and the département empty for none."
            ),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = PARENT_PAGE_TYPES
    subpage_types = []
    template = "musenor_selections/selection_page.html"

    class Meta:
        verbose_name = _("museum selection")
        verbose_name_plural = _("museum selections")

    @property
    def display_summary(self):
        return self.listing_summary or self.intro or self.search_description

    def picked(self, museums):
        """The hand-picked museums that are live, in the editor's order, with their notes."""
        rows = list(self.picked_museums.values_list("museum_id", "note").order_by("sort_order"))
        found = museums.filter(pk__in=[pk for pk, _note in rows]).in_bulk()
        return [(found[pk], note) for pk, note in rows if pk in found]

    def automatic(self, museums, themes, exclude=()):
        """Museums with any of ``themes`` (slugs) in the chosen département, by title."""
        if not themes and not self.department:
            return []
        if themes:
            museums = museums.filter(has_any_theme(themes))
        if self.department:
            museums = museums.filter(department=self.department)
        return list(museums.exclude(pk__in=exclude).order_by("title")[: self.automatic_limit])

    def directory_query(self, themes):
        """The directory's filters that show the automatic list in full, if they can."""
        query = {}
        if len(themes) == 1:
            query["theme"] = themes[0]
        if self.department:
            query["department"] = self.department
        return urlencode(query) if len(themes) <= 1 else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        museums = (
            museums_for(self)
            .select_related(*MUSEUM_CARD_RELATED)
            .prefetch_related(*MUSEUM_CARD_PREFETCH)
        )
        themes = list(self.themes.values_list("slug", flat=True))
        picked = self.picked(museums)
        automatic = self.automatic(museums, themes, exclude=[museum.pk for museum, _ in picked])
        context.update(
            picked=picked,
            automatic=automatic,
            directory=directory_for(self),
            directory_query=self.directory_query(themes) if automatic else "",
        )
        return context


class SelectionMuseum(Orderable):
    page = ParentalKey(SelectionPage, on_delete=models.CASCADE, related_name="picked_museums")
    museum = models.ForeignKey(
        MuseumPage, verbose_name=_("museum"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why this museum is in the selection, in one sentence."),
    )

    panels = [FieldPanel("museum"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("picked museum")
        verbose_name_plural = _("picked museums")


class QuizPage(BasePage):
    """“Which museum suits me?”: questions written in the editor, museums ranked by answer."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    questions = StreamField(
        QuizStreamBlock(),
        verbose_name=_("questions"),
        help_text=_(
            "Each answer names the themes, features or départements it stands for; "
            "museums are ranked by the answers they match."
        ),
    )
    result_count = models.PositiveSmallIntegerField(
        _("museums shown"),
        default=10,
        validators=[MinValueValidator(3), MaxValueValidator(30)],
        help_text=_("How many museums the result lists at most (3 to 30)."),
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("after the quiz"),
        help_text=_("Shown under the quiz: other ways to choose, a link to the directory…"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("questions"),
        FieldPanel("result_count"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = PARENT_PAGE_TYPES
    subpage_types = []
    template = "musenor_selections/quiz_page.html"

    class Meta:
        verbose_name = _("museum quiz")
        verbose_name_plural = _("museum quizzes")

    @property
    def display_summary(self):
        return self.listing_summary or self.intro or self.search_description

    def is_cacheable(self, request):
        # The answers come in the query string, and the ranking from them.
        return False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        submission = read_submission(questions_of(self.questions), request.GET)
        context["submission"] = submission
        context["chosen"] = submission.chosen_ids
        if submission.submitted:
            scoring = submission.scoring_answers
            museums = museums_for(self)
            matches = rank_museums(museums, scoring, self.result_count) if scoring else []
            context["matches"] = matches
            context["without_accessibility_data"] = museums_without_accessibility_data(
                museums, scoring, exclude=[match.museum for match in matches]
            )
            context["directory"] = directory_for(self)
        return context
