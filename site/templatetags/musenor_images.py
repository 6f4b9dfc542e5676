"""Responsive pictures without wasted or repeated candidates.

Wagtail's ``{% picture %}`` renders every width it is given; a resize never
enlarges an image, so a 900-pixel photograph asked for at 600, 1000 and 1400
pixels gives three candidates of which two are 900 pixels wide, and the
``srcset`` names the same width twice (browsers then pick at random).
``{% responsive_picture %}`` asks only for the widths the original can give,
adds the original's own width when it falls between, and drops any candidate
whose width repeats; it offers the formats of ``MUSENOR_PICTURE_FORMATS`` (AVIF
and WebP sources, a JPEG fallback).
"""

import re

from django import template
from django.conf import settings
from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()

SIZE = re.compile(r"^(width|fill)-(\d+)(?:x(\d+))?(.*)$")


def fitting_specs(image, spec):
    """The resize specs of ``spec`` (``width-{600,1000}``, ``fill-{400x250,800x500}``)
    that ``image`` is large enough for; at least one, the original's size when all
    are too large."""
    specs = Filter.expand_spec(spec)
    kept = []
    for single in specs:
        match = SIZE.match(single)
        if match is None:
            kept.append(single)
            continue
        width, height = int(match.group(2)), match.group(3)
        if width <= image.width and (height is None or int(height) <= image.height):
            kept.append(single)
    if len(kept) < len(specs):
        # The original is narrower than a wanted width: offer it at its own size.
        largest = SIZE.match(specs[-1])
        if largest is not None and largest.group(1) == "width":
            kept.append(f"width-{image.width}{largest.group(4)}")
        elif largest is not None:
            width, height = int(largest.group(2)), int(largest.group(3))
            scale = min(image.width / width, image.height / height)
            kept.append(f"fill-{int(width * scale)}x{int(height * scale)}{largest.group(4)}")
    return kept or specs[:1]


def unique_widths(renditions):
    """Keep the first rendition of each (format, width)."""
    seen = set()
    kept = {}
    for spec, rendition in renditions.items():
        fmt = next((f for f in settings.MUSENOR_PICTURE_FORMATS if f"format-{f}" in spec), "")
        if (fmt, rendition.width) not in seen:
            seen.add((fmt, rendition.width))
            kept[spec] = rendition
    return kept


@register.simple_tag
def responsive_picture(image, spec, **attrs):
    """``{% responsive_picture image "width-{600,1000}" sizes="…" alt="…" loading="lazy" %}``

    Width and height of the fallback image are always set (no layout shift).
    """
    if not image:
        return ""
    filters = [
        Filter(spec=f"format-{fmt}|{single}")
        for fmt in settings.MUSENOR_PICTURE_FORMATS
        for single in fitting_specs(image, spec)
    ]
    renditions = unique_widths(get_renditions_or_not_found(image, filters))
    return Picture(renditions, attrs).__html__()
