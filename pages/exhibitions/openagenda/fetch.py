"""Read OpenAgenda's JSON: from a file, or from a URL through :func:`fetch_json` only.

A page of the v2 API is ``{"events": [...], "after": …}``; ``after`` says where
the next page starts (a list of values sent back as ``after[]``), ``null`` on
the last page. A file holds one such page, or a bare list of events.
"""

import json
import urllib.error
import urllib.request
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.translation import gettext as _

DEFAULT_TIMEOUT = 10  # seconds, per request
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # per page
MAX_PAGES = 50
USER_AGENT = "Musenor portal (OpenAgenda import)"


class FetchError(Exception):
    """The URL could not be read: network, HTTP status, size, or not JSON."""


class MalformedFile(Exception):
    """The JSON is not an OpenAgenda page of events."""


def fetch_json(url, *, timeout=DEFAULT_TIMEOUT, max_bytes=DEFAULT_MAX_BYTES):
    """GET ``url`` and decode its JSON; the only place the importer reaches the network."""
    scheme = urlsplit(url).scheme
    if scheme not in ("http", "https"):
        raise FetchError(
            _("Only http and https addresses can be read, not “%(url)s”.") % {"url": url}
        )
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(too_big(url, max_bytes))
            content = response.read(max_bytes + 1)
    except urllib.error.HTTPError as error:
        raise FetchError(
            _("%(url)s answered with HTTP status %(status)s.") % {"url": url, "status": error.code}
        ) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(
            _("%(url)s could not be read: %(reason)s") % {"url": url, "reason": reason}
        ) from error
    if len(content) > max_bytes:
        raise FetchError(too_big(url, max_bytes))
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise FetchError(
            _("%(url)s did not return JSON: %(error)s") % {"url": url, "error": error}
        ) from error


def too_big(url, max_bytes):
    return _("%(url)s returned more than %(size)s bytes; nothing was imported.") % {
        "url": url,
        "size": max_bytes,
    }


def events_of(document, source):
    """The events and the ``after`` cursor of one page; MalformedFile if it is not one."""
    if isinstance(document, list):
        return document, None
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise MalformedFile(
            _("%(source)s is not an OpenAgenda page of events: a list under “events” is expected.")
            % {"source": source}
        )
    return document["events"], document.get("after")


def read_file(handle, source="the file"):
    """Events of a JSON file (an open text or binary file)."""
    try:
        content = handle.read()
        if isinstance(content, bytes):
            content = content.decode("utf-8")
        document = json.loads(content)
    except (UnicodeDecodeError, ValueError) as error:
        raise MalformedFile(
            _("%(source)s is not valid JSON: %(error)s") % {"source": source, "error": error}
        ) from error
    events, _after = events_of(document, source)
    return events


def next_url(url, after):
    """The URL of the page that starts at ``after``, or None when there is none."""
    if after in (None, "", []):
        return None
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("after", "after[]")]
    if isinstance(after, list):
        query += [("after[]", str(value)) for value in after]
    else:
        query.append(("after", str(after)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def read_url(url, *, fetch=None, max_pages=MAX_PAGES):
    """Every event of an agenda, following ``after`` from page to page."""
    fetch = fetch or fetch_json
    events = []
    seen = set()
    for _page in range(max_pages):
        if url in seen:  # a cursor that does not move would loop for ever
            break
        seen.add(url)
        page_events, after = events_of(fetch(url), url)
        events += page_events
        if not page_events:
            break
        url = next_url(url, after)
        if url is None:
            break
    return events
