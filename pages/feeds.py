"""Helpers for the RSS and Atom feeds that page types serve.

An RSS ``<description>`` and an Atom ``<summary type="html">`` hold HTML, which
feed readers render. Page fields are plain text: they go into a feed escaped,
through :func:`html_description`, never as they are.
"""

from django.utils.html import format_html_join


def html_description(*texts):
    """Plain ``texts`` as the HTML of a feed entry, one paragraph each; empty ones left out."""
    return format_html_join("\n", "<p>{}</p>", ((text,) for text in texts if text))
