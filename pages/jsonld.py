"""Helpers for the schema.org JSON-LD that page types put in their head.

Page apps build their data as plain dicts (``MuseumPage.json_ld()``,
``musenor.pages.news.jsonld``) and render it with :func:`script_json`.
"""

import json

from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

from musenor.site.links import site_root_url

# What Django's json_script escapes, so that the data can never close the <script> element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

PUBLISHER_NAME = "Musenor"


def script_json(data):
    """``data`` as JSON safe to put between <script type="application/ld+json"> tags."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_ESCAPES))  # noqa: S308


def image_url(image, request, spec="fill-1200x630"):
    """The absolute address of a rendition of ``image``, or None if the file is missing."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
    except SourceImageIOError:  # the original is gone: the page still renders
        return None
    return request.build_absolute_uri(rendition.url)


def publisher(request):
    """The association, as the publisher of the site's content."""
    url = site_root_url(request) + "/"
    return {"@type": "Organization", "name": PUBLISHER_NAME, "url": url}
