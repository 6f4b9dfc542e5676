"""The home page's own blocks: what is on, the news, the directory, the operation of the year.

Each block reads its pages when rendered, in a fixed number of queries
(whatever the number of exhibitions, news or museums), in the home page's
language with the site's default language as the fallback. They live with the
home page, not in the block library: they list page types (exhibitions, news,
operations, museums), and the block library stays below the page apps. Plugin
content reaches the home page through the library's ``plugin_content`` block
and the ``page_panels`` hook, never through imports.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale

from musenor.streamfields.blocks import BodyStreamBlock


def in_language(queryset, page, limit):
    """The first ``limit`` of ``queryset`` in the language of ``page``, or else in the
    site's default language (one query, two when the page's language has none)."""
    locale_id = getattr(page, "locale_id", None)
    if locale_id is not None:
        found = list(queryset.filter(locale_id=locale_id)[:limit])
        if found:
            return found
    default = Locale.get_default()
    if default.pk == locale_id:
        return []
    return list(queryset.filter(locale=default)[:limit])


def index_of(model, page):
    """The live index page of ``model`` under the home page, for a “see all” link."""
    if page is None:
        return None
    return model.objects.live().descendant_of(page).first()


class ExhibitionsOnNowBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("On now and next"))
    limit = blocks.IntegerBlock(
        label=_("Number of exhibitions"), default=4, min_value=1, max_value=12
    )

    class Meta:
        icon = "date"
        label = _("Exhibitions on now and next")
        group = _("Home page")
        template = "musenor_home/blocks/exhibitions_on_now.html"
        preview_value = {"heading": "À l'affiche", "limit": 4}
        description = _("The exhibitions on now, closing soonest first, then the next to open.")

    def get_context(self, value, parent_context=None):
        from musenor.pages.exhibitions.models import ExhibitionIndexPage, ExhibitionPage

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        today = timezone.localdate()
        limit = value.get("limit") or 4
        # Permanent displays are always there: the block is about what changes.
        exhibitions = ExhibitionPage.objects.live().public().filter(end_date__isnull=False)
        current = in_language(
            exhibitions.current(today).for_listing().order_by("end_date", "title"), page, limit
        )
        # Asked for even when the current ones fill the section: the page's
        # number of queries does not depend on what is on.
        upcoming = in_language(
            exhibitions.upcoming(today).for_listing().order_by("start_date", "title"),
            page,
            limit,
        )[: limit - len(current)]
        context.update(
            current=current,
            upcoming=upcoming,
            today=today,
            index=index_of(ExhibitionIndexPage, page),
        )
        return context


class LatestNewsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("News"))
    limit = blocks.IntegerBlock(label=_("Number of news"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "doc-full"
        label = _("Latest news")
        group = _("Home page")
        template = "musenor_home/blocks/latest_news.html"
        preview_value = {"heading": "Actualités", "limit": 3}
        description = _("The association's latest news, newest first.")

    def get_context(self, value, parent_context=None):
        from musenor.pages.news.models import NewsIndexPage, NewsPage

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        news = NewsPage.objects.live().public().for_listing().newest_first()
        limit = value.get("limit") or 3
        context.update(
            news=in_language(news, page, limit),
            index=index_of(NewsIndexPage, page),
        )
        return context


class DirectoryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Find a museum"))
    text = blocks.CharBlock(label=_("Text"), max_length=300, required=False)

    class Meta:
        icon = "site"
        label = _("Way into the directory and the map")
        group = _("Home page")
        template = "musenor_home/blocks/directory.html"
        preview_value = {"heading": "Trouver un musée", "text": ""}
        description = _(
            "A search form into the museum directory, its départements, and a link to its map."
        )

    def get_context(self, value, parent_context=None):
        from musenor.pages.museums.choices import Department
        from musenor.pages.museums.models import MuseumIndexPage, MuseumPage

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        directory = index_of(MuseumIndexPage, page)
        counts = {}
        if directory is not None:
            for code in (
                MuseumPage.objects.child_of(directory)
                .live()
                .public()
                .values_list("department", flat=True)
            ):
                counts[code] = counts.get(code, 0) + 1
        context.update(
            directory=directory,
            total=sum(counts.values()),
            departments=[
                (code, label, counts[code]) for code, label in Department.choices if code in counts
            ],
        )
        return context


class OperationOfTheYearBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, default=_("The operation of the year")
    )
    operation = blocks.PageChooserBlock(
        label=_("Operation"),
        page_type="musenor_operations.OperationPage",
        required=False,
        help_text=_("Leave empty to show the most recent operation going on this year."),
    )

    class Meta:
        icon = "pick"
        label = _("Operation of the year")
        group = _("Home page")
        template = "musenor_home/blocks/operation_of_the_year.html"
        preview_value = {"heading": "L'opération de l'année", "operation": None}
        description = _("The network's operation of the year, with its image and summary.")

    def get_context(self, value, parent_context=None):
        from django.db.models import Q

        from musenor.pages.operations.models import OperationPage

        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        operation = value.get("operation")
        if operation is not None:
            operation = operation.specific
            if page is not None and operation.locale_id != getattr(page, "locale_id", None):
                operation = operation.get_translation_or_none(page.locale) or operation
        else:
            year = timezone.localdate().year
            ongoing = (
                OperationPage.objects.live()
                .public()
                .filter(Q(end_year__isnull=True) | Q(end_year__gte=year), start_year__lte=year)
                .select_related("image", "listing_image")
                .prefetch_related("image__renditions", "listing_image__renditions")
                .order_by("-start_year", "title")
            )
            found = in_language(ongoing, page, 1)
            operation = found[0] if found else None
        context["operation"] = operation if operation is not None and operation.live else None
        return context


class HomeStreamBlock(BodyStreamBlock):
    """The body blocks, and the home page's own: editors compose and reorder the home page."""

    exhibitions_on_now = ExhibitionsOnNowBlock()
    latest_news = LatestNewsBlock()
    directory = DirectoryBlock()
    operation_of_the_year = OperationOfTheYearBlock()

    class Meta:
        label = _("Home page")
        # Its form and heading carry fixed ids.
        block_counts = {"directory": {"max_num": 1}}
