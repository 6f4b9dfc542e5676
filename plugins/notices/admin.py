"""The Wagtail admin of the plugin: the records' and the vocabularies' snippet viewsets.

Records are listed, edited, previewed and restored through Wagtail's own
snippet views (drafts, revisions, history, compare, locking). Every view that
names one record goes through :func:`museum_scoped`, so that a museum's editor
reaches none of another museum's records by typing its address.
"""

from functools import wraps

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_forms import RecordForm
from .admin_views import TermIndexView, TermMergeView
from .models import VOCABULARIES, Domain, LossStatus, Record, TermStatus
from .permissions import museums_edited_by, record_permission_policy


def museum_choices(request):
    if request is None:
        return Record.museum.field.related_model.objects.none()
    return museums_edited_by(request.user).order_by("title")


class RecordFilterSet(WagtailFilterSet):
    museum = django_filters.ModelChoiceFilter(label=_("Museum"), queryset=museum_choices)
    domains = django_filters.ModelChoiceFilter(
        label=_("Domain"), queryset=Domain.objects.all(), distinct=False
    )
    live = django_filters.BooleanFilter(label=_("Published"))
    cleared_for_publication = django_filters.BooleanFilter(label=_("Cleared for publication"))
    has_image = django_filters.BooleanFilter(label=_("Has a photograph"))
    needs_review = django_filters.BooleanFilter(label=_("Needs review"))
    loss_status = django_filters.ChoiceFilter(
        label=_("Missing, stolen or destroyed"), choices=LossStatus.choices[1:]
    )

    class Meta:
        model = Record
        fields = []


def museum_scoped(view):
    """Refuse a view naming a record (``pk``) of a museum the user does not edit."""

    @wraps(view)
    def scoped(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            museum_id = Record.objects.filter(pk=pk).values_list("museum_id", flat=True).first()
            if (
                museum_id is not None
                and not record_permission_policy.user_has_any_permission_for_instance(
                    request.user,
                    ["change", "view"],
                    Record(pk=pk, museum_id=museum_id),
                )
            ):
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return scoped


class RecordViewSet(SnippetViewSet):
    model = Record
    icon = "doc-full"
    menu_label = _("Records")
    menu_name = "notices_records"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "notices/records"
    admin_url_namespace = "notices_records"
    filterset_class = RecordFilterSet
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "__str__",
        Column("inventory_number", label=_("Inventory number"), sort_key="inventory_number"),
        Column("museum", label=_("Museum"), accessor="museum.title"),
        BooleanColumn("has_image", label=_("Photograph")),
        BooleanColumn("needs_review", label=_("To review")),
        DateColumn("updated_at", label=_("Updated"), sort_key="updated_at"),
    ]
    search_fields = ["title", "inventory_number", "appellation"]
    search_backend_name = None

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("museum"),
                            FieldRowPanel([FieldPanel("inventory_number"), FieldPanel("ref")]),
                            FieldPanel("museo"),
                            FieldPanel("domains", widget=forms.CheckboxSelectMultiple),
                            FieldRowPanel(
                                [FieldPanel("legal_status"), FieldPanel("legal_status_details")]
                            ),
                        ],
                        heading=_("Identification (required by POP)"),
                    ),
                    FieldPanel("title"),
                    FieldPanel("appellation"),
                    FieldPanel("denominations"),
                    FieldPanel("authors"),
                    FieldPanel("author_details"),
                    FieldPanel("former_attributions"),
                    FieldRowPanel([FieldPanel("periods"), FieldPanel("creation_years")]),
                    FieldRowPanel([FieldPanel("schools"), FieldPanel("epoch")]),
                    FieldPanel("techniques"),
                    FieldPanel("dimensions"),
                    FieldPanel("description"),
                    FieldPanel("inscriptions"),
                    FieldPanel("inscription_details"),
                ],
                heading=_("Object"),
            ),
            ObjectList(
                [InlinePanel("images", label=_("Photographs"))],
                heading=_("Photographs"),
            ),
            ObjectList(
                [
                    FieldPanel("subjects"),
                    FieldPanel("subject_details"),
                    FieldRowPanel([FieldPanel("subject_date"), FieldPanel("subject_source")]),
                    FieldPanel("places"),
                    FieldPanel("place_details"),
                    FieldPanel("genesis"),
                    FieldPanel("history"),
                    FieldPanel("discovery"),
                    FieldPanel("discovery_details"),
                    FieldRowPanel([FieldPanel("use"), FieldPanel("use_details")]),
                ],
                heading=_("Subject and history"),
            ),
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("acquisition_date"), FieldPanel("former_owner")]),
                    FieldPanel("depositary"),
                    FieldRowPanel([FieldPanel("former_deposit"), FieldPanel("deposit_date")]),
                    FieldRowPanel([FieldPanel("location"), FieldPanel("location_place")]),
                    FieldPanel("condition"),
                    FieldPanel("exhibitions"),
                    FieldPanel("bibliography"),
                    FieldPanel("comments"),
                    FieldPanel("photo_credits"),
                    FieldPanel("copyright"),
                    FieldPanel("image_references"),
                    FieldRowPanel([FieldPanel("website"), FieldPanel("video")]),
                ],
                heading=_("Acquisition and documentation"),
            ),
            ObjectList(
                [
                    FieldPanel("cleared_for_publication"),
                    MultiFieldPanel(
                        [FieldPanel("loss_status"), FieldPanel("loss_comment")],
                        heading=_("Missing, stolen or destroyed"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("needs_review"), FieldPanel("review_note")],
                        heading=_("Review"),
                    ),
                ],
                heading=_("Publication and review"),
            ),
        ],
        base_form_class=RecordForm,
    )

    def get_queryset(self, request):
        return (
            record_permission_policy.instances_user_has_any_permission_for(
                request.user, ["change", "view"]
            )
            # The title column reads the latest revision's title (drafts included).
            .select_related("museum", "latest_revision")
            .order_by("-updated_at", "-pk")
        )

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = museum_scoped(pattern.callback)
        return patterns


class VocabularyFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TermStatus.choices)


def vocabulary_viewset(vocabulary):
    """A snippet viewset for one vocabulary: list (with the review filter), edit, merge."""

    class Filters(VocabularyFilterSet):
        class Meta:
            model = vocabulary
            fields = []

    attrs = {
        "model": vocabulary,
        "icon": "tag",
        "url_prefix": f"notices/{vocabulary._meta.model_name}",
        "admin_url_namespace": f"notices_{vocabulary._meta.model_name}",
        "filterset_class": Filters,
        "index_view_class": TermIndexView,
        "list_per_page": 50,
        "copy_view_enabled": False,
        "list_display": [
            "label",
            Column("status", label=_("Status"), accessor="get_status_display"),
            Column("record_total", label=_("Records"), sort_key="record_total"),
        ],
        "panels": [
            FieldPanel("label"),
            FieldPanel("status"),
            FieldPanel("variants"),
            FieldPanel("note"),
        ],
        "merge_view_class": TermMergeView,
    }
    field = vocabulary.record_field()
    related = field.related_query_name()

    def get_queryset(self, request):
        return vocabulary.objects.annotate(record_total=Count(related)).order_by("label")

    def get_urlpatterns(self):
        return [
            *SnippetViewSet.get_urlpatterns(self),
            path("merge/<str:pk>/", self.merge_view, name="merge"),
        ]

    @property
    def merge_view(self):
        return self.construct_view(self.merge_view_class)

    attrs.update(get_queryset=get_queryset, get_urlpatterns=get_urlpatterns, merge_view=merge_view)
    return type(f"{vocabulary.__name__}ViewSet", (SnippetViewSet,), attrs)


class VocabularyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Vocabularies")
    menu_icon = "list-ul"
    menu_name = "notices_vocabularies"
    menu_order = 251
    items = [vocabulary_viewset(v) for v in VOCABULARIES]
