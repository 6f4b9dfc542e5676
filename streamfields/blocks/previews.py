"""Sample content for the block previews of the editor's block picker.

Blocks whose values are made of chosen objects (images, documents, media,
pages) preview with objects the library already holds; with an empty
library the preview shows the block's empty state rather than failing.
These run when an editor opens a preview, never at import time.
"""

from django.apps import apps
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page


def images(count):
    return list(get_image_model().objects.order_by("-created_at")[:count])


def image():
    found = images(1)
    return found[0] if found else None


def document():
    return get_document_model().objects.order_by("-created_at").first()


def media(media_type):
    from wagtailmedia.models import get_media_model

    return get_media_model().objects.filter(type=media_type).order_by("-created_at").first()


def museums(count):
    from .choosers import museum_queryset

    return list(museum_queryset().live().order_by("title")[:count])


def museum():
    found = museums(1)
    return found[0] if found else None


def pages(count):
    from .choosers import attach_listing_images

    found = list(Page.objects.live().filter(depth__gt=2).order_by("-first_published_at")[:count])
    specific = list(Page.objects.filter(pk__in=[page.pk for page in found]).specific())
    return attach_listing_images(specific)


def museum_theme():
    from musenor.site.translations import source_locale_only

    model = apps.get_model("musenor_museums", "MuseumTheme")
    return model.objects.filter(source_locale_only()).order_by("name").first()
