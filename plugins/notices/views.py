"""The public record page."""

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.images import get_image_model

from .jsonld import record_json_ld
from .models import Record, RecordImage

RELATED_LIMIT = 6

TERM_FIELDS = (
    "domains",
    "denominations",
    "authors",
    "schools",
    "periods",
    "techniques",
    "subjects",
    "places",
)


def public_records():
    return Record.objects.public().filter(museum__live=True)


def related_records(record, limit=RELATED_LIMIT):
    """Public records of the same museum sharing an author or a denomination, then a domain."""
    authors = [t.pk for t in record.authors.all()]
    denominations = [t.pk for t in record.denominations.all()]
    domains = [t.pk for t in record.domains.all()]
    shared = Q(pk__in=[])
    if authors:
        shared |= Q(authors__in=authors)
    if denominations:
        shared |= Q(denominations__in=denominations)
    if not authors and not denominations and domains:
        shared |= Q(domains__in=domains)
    ids = list(
        public_records()
        .filter(shared, museum_id=record.museum_id)
        .exclude(pk=record.pk)
        .order_by("-has_image", "inventory_number")
        .values_list("pk", flat=True)
        .distinct()[: limit * 3]
    )[:limit]
    images = get_image_model().objects.prefetch_renditions("fill-400x300")
    return list(
        Record.objects.filter(pk__in=ids)
        .select_related("museum")
        .prefetch_related(Prefetch("primary_image", queryset=images))
        .order_by("-has_image", "inventory_number")
    )


def record_detail(request, museum_slug, record_slug):
    # Every rendition of the record's images in one query: the {% picture %} tag
    # reads them from the prefetch cache, whatever the number of photographs.
    images = RecordImage.objects.select_related("image").prefetch_related("image__renditions")
    record = get_object_or_404(
        public_records()
        .select_related("museum", "legal_status")
        .prefetch_related(*TERM_FIELDS, Prefetch("images", queryset=images)),
        museum__slug=museum_slug,
        slug=record_slug,
    )
    if record.museum.locale_id is None:  # pragma: no cover - a page always has a locale
        raise Http404
    photos = sorted(record.images.all(), key=lambda i: (not i.is_primary, i.sort_order, i.pk))
    context = {
        "record": record,
        "images": photos,
        "related": related_records(record),
        "museum_page": record.museum.localized,
        "json_ld": record_json_ld(record, photos, request),
    }
    return TemplateResponse(request, "musenor_notices/record_detail.html", context)


def museum_selection(page, limit):
    """A selection of a museum's public records for its page, photographs first."""
    images = get_image_model().objects.prefetch_renditions("fill-400x300")
    return list(
        public_records()
        .filter(museum__translation_key=page.translation_key)
        .select_related("museum")
        .prefetch_related(Prefetch("primary_image", queryset=images))
        .order_by("-has_image", "-updated_at")[:limit]
    )
