"""The admin report of museums whose pages lack what visitors ask first.

Hours, accessibility and a photograph are what the Muséofile list cannot give:
staff get them from each museum. The report lists the museum pages (one per
museum, in the default language) missing any of them, says which, filters by
what is missing and by département, and exports to a spreadsheet.
"""

import django_filters
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from .choices import Department
from .models import MuseumPage, OpeningHours

MISSING = {
    "hours": _("opening hours"),
    "accessibility": _("accessibility"),
    "photo": _("photograph"),
}


def missing_condition(what):
    return {
        "hours": Q(has_hours=False),
        "accessibility": Q(
            wheelchair_access=False,
            visual_impairment=False,
            hearing_impairment=False,
            mental_impairment=False,
            accessibility_info="",
        ),
        "photo": Q(image__isnull=True, listing_image__isnull=True, gallery_count=0),
    }[what]


class IncompleteMuseumsFilterSet(WagtailFilterSet):
    missing = django_filters.ChoiceFilter(
        label=_("Missing"),
        choices=list(MISSING.items()),
        empty_label=_("Anything"),
        method="filter_missing",
    )
    department = django_filters.ChoiceFilter(
        label=_("Département"), choices=Department.choices, empty_label=_("All")
    )

    class Meta:
        model = MuseumPage
        fields = ["missing", "department"]

    def filter_missing(self, queryset, name, value):
        return queryset.filter(missing_condition(value)) if value else queryset


class MissingColumn(Column):
    def get_value(self, instance):
        return ", ".join(str(MISSING[what]) for what in instance.missing)


class IncompleteMuseumsView(ReportView):
    page_title = _("Incomplete museum pages")
    header_icon = "warning"
    index_url_name = "musenor_museums_incomplete"
    index_results_url_name = "musenor_museums_incomplete_results"
    filterset_class = IncompleteMuseumsFilterSet
    any_permission_required = ["change", "publish"]
    permission_policy = None
    paginate_by = 100
    columns = [
        TitleColumn("title", label=_("Museum"), url_name="wagtailadmin_pages:edit"),
        Column("city", label=_("City")),
        Column("department", label=_("Département")),
        MissingColumn("missing", label=_("Missing")),
    ]
    list_export = ["title", "city", "department", "missing_text", "full_url"]
    export_headings = {
        "title": _("Museum"),
        "city": _("City"),
        "department": _("Département"),
        "missing_text": _("Missing"),
        "full_url": _("Public address"),
    }

    def user_has_permission(self, permission):
        from wagtail.permission_policies.pages import PagePermissionPolicy

        return PagePermissionPolicy().user_has_any_permission(
            self.request.user, ["change", "publish"]
        )

    def get_queryset(self):
        locale = Locale.get_default()
        queryset = (
            MuseumPage.objects.filter(locale=locale)
            .annotate(
                has_hours=Exists(OpeningHours.objects.filter(museum=OuterRef("pk"))),
                gallery_count=Count("gallery_images"),
            )
            .order_by("title")
        )
        incomplete = Q()
        for what in MISSING:
            incomplete |= missing_condition(what)
        self.queryset = queryset.filter(incomplete)
        return self.queryset

    def decorate_paginated_queryset(self, object_list):
        for museum in object_list:
            museum.missing = [
                what
                for what, test in (
                    ("hours", not museum.has_hours),
                    ("accessibility", not museum.has_accessibility_info),
                    (
                        "photo",
                        not (museum.image_id or museum.listing_image_id)
                        and not museum.gallery_count,
                    ),
                )
                if test
            ]
            museum.missing_text = ", ".join(str(MISSING[what]) for what in museum.missing)
        return object_list
