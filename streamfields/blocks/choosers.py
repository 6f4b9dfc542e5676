"""Chooser blocks that fetch what their templates need in bulk.

A StreamField converts every child of one type in one call
(``bulk_to_python``), so a block that fetches its related rows there costs a
fixed number of queries however many times it appears in a page. The
choosers below add the joins and prefetches their templates use: images with
their renditions, museums with their images and themes, pages as their
specific types with their listing images.

Pages are chosen in one language; :func:`localize_pages` swaps them for
their translations in the language of the page being rendered, in one query,
and only when some chosen page is in another language.
"""

from django.apps import apps
from django.db.models import Prefetch
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

MUSEUM_PAGE = "musenor_museums.MuseumPage"


def _ids(values):
    return [value for value in values if value is not None]


def _in_order(values, objects):
    return [objects.get(value) if value is not None else None for value in values]


def _rendition_prefetches(*fields):
    """Prefetch the renditions of the images behind ``fields`` (foreign keys to images)."""
    rendition_model = get_image_model().get_rendition_model()
    return [
        Prefetch(f"{field}__renditions", queryset=rendition_model.objects.all()) for field in fields
    ]


def museum_queryset():
    """Museum pages with what a card or a map list shows: images, renditions, themes."""
    model = apps.get_model(MUSEUM_PAGE)
    return model.objects.select_related("image", "listing_image").prefetch_related(
        "themes", *_rendition_prefetches("image", "listing_image")
    )


def attach_listing_images(pages):
    """Fetch the listing images of pages of any types (and their renditions) in one query."""
    wanted = {page.listing_image_id for page in pages if getattr(page, "listing_image_id", None)}
    if not wanted:
        return pages
    images = get_image_model().objects.prefetch_renditions().in_bulk(wanted)
    for page in pages:
        image_id = getattr(page, "listing_image_id", None)
        if image_id in images:
            page.listing_image = images[image_id]
    return pages


class RenditionsImageChooserBlock(ImageChooserBlock):
    """An image chooser whose images come with their renditions, for pages of many images."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.prefetch_renditions().in_bulk(_ids(values))
        return _in_order(values, objects)


class MuseumChooserBlock(blocks.PageChooserBlock):
    """A museum of the directory, fetched with its images and themes."""

    def __init__(self, **kwargs):
        kwargs["page_type"] = MUSEUM_PAGE
        super().__init__(**kwargs)

    def deconstruct(self):
        path, args, kwargs = super().deconstruct()
        kwargs.pop("page_type", None)
        return path, args, kwargs

    def bulk_to_python(self, values):
        objects = museum_queryset().in_bulk(_ids(values))
        return _in_order(values, objects)


class SpecificPageChooserBlock(blocks.PageChooserBlock):
    """A page of any type, fetched as its specific type with its listing image."""

    def bulk_to_python(self, values):
        ids = _ids(values)
        if not ids:
            return _in_order(values, {})
        pages = list(Page.objects.filter(pk__in=ids).specific())
        attach_listing_images(pages)
        return _in_order(values, {page.pk: page for page in pages})


def ensure_specific(pages):
    """``pages`` as their specific types, with their listing images, fetched in bulk.

    Values read from the database are specific already (see
    :class:`SpecificPageChooserBlock`); values from the editor's form, as in a
    preview, are base pages.
    """
    base = [page.pk for page in pages if type(page) is Page]
    if not base:
        return pages
    specific = {page.pk: page for page in Page.objects.filter(pk__in=base).specific()}
    attach_listing_images(list(specific.values()))
    return [specific.get(page.pk, page) if type(page) is Page else page for page in pages]


def localize_pages(pages, current_page, queryset=None):
    """``pages`` in the language of ``current_page``, where a live translation exists
    (``musenor.site.translations.pages_in_language``), with their listing images."""
    from musenor.site.translations import pages_in_language

    pages = list(pages)
    locale_id = getattr(current_page, "locale_id", None)
    localized = pages_in_language(pages, locale_id, queryset)
    if queryset is None or queryset.model is Page:
        fetched = [
            page for page, before in zip(localized, pages, strict=True) if page is not before
        ]
        if fetched:
            attach_listing_images(fetched)
    return localized
