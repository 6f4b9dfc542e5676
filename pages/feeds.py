"""What the RSS and Atom feeds of page types share.

An RSS ``<description>`` and an Atom ``<summary type="html">`` hold HTML, which
feed readers render. Page fields are plain text: they go into a feed escaped,
through :func:`html_description`, never as they are.

XML 1.0 has no place for most control characters, and Django's feed writer
refuses them with an error, so that one pasted into a title by an editor would
take the whole feed down: :class:`PortalFeed` leaves them out of every text.
"""

import re

from django.contrib.syndication.views import Feed
from django.utils.html import format_html_join

# The characters XML 1.0 forbids (those Django's feed writer refuses).
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def html_description(*texts):
    """Plain ``texts`` as the HTML of a feed entry, one paragraph each; empty ones left out."""
    return format_html_join("\n", "<p>{}</p>", ((text,) for text in texts if text))


def xml_text(value):
    """``value`` without the characters XML 1.0 forbids; lists and other values alike."""
    if isinstance(value, str):
        return XML_FORBIDDEN.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_text(item) for item in value)
    return value


class PortalFeed(Feed):
    """A syndication feed whose texts never hold a character XML cannot carry."""

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed = {key: xml_text(value) for key, value in feed.feed.items()}
        feed.items = [{key: xml_text(value) for key, value in item.items()} for item in feed.items]
        return feed
