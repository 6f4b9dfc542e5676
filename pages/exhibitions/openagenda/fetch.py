"""Read OpenAgenda's JSON: from a file, or from a URL through :func:`fetch_json` only.

A page of the v2 API is ``{"events": [...], "after": …}``; ``after`` says where
the next page starts (a list of values sent back as ``after[]``), ``null`` on
the last page. A file holds one such page, or a bare list of events.
"""

import ipaddress
import json
import logging
import socket
import time
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import urllib3
from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10  # seconds, per page, from connecting to the last byte
TOTAL_TIMEOUT = 60  # seconds, every page of one import
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # per page
MAX_PAGES = 50
MAX_REDIRECTS = 3
USER_AGENT = "Musenor portal (OpenAgenda import)"
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """The URL could not be read: refused, network, HTTP status, size, time, or not JSON."""


class MalformedFile(Exception):
    """The JSON is not an OpenAgenda page of events."""


class _Unreadable(Exception):
    """Why a URL was not read: logged for the operator, never shown to the editor."""


def unreadable(url):
    # One message whatever went wrong, so that an editor cannot tell a closed
    # port from an open one, nor an internal address from a dead one.
    return FetchError(
        _(
            "%(url)s could not be read as OpenAgenda events. Check the address, "
            "or download the file and upload it instead."
        )
        % {"url": url}
    )


def is_public_address(address):
    """True for an address on the public internet: not loopback, private,
    link-local, shared, reserved, multicast or unspecified (IPv4 inside IPv6
    included)."""
    address = ipaddress.ip_address(address)
    if address.version == 6:
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return is_public_address(embedded)
    return address.is_global and not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def host_allowed(host):
    """``host`` is on ``MUSENOR_OPENAGENDA_ALLOWED_HOSTS`` (or the list is empty).

    An entry that starts with a dot also allows the domain's sub-domains.
    """
    allowed = [entry.lower() for entry in getattr(settings, "MUSENOR_OPENAGENDA_ALLOWED_HOSTS", [])]
    if not allowed:
        return True
    host = host.lower().rstrip(".")
    return any(
        host == entry or (entry.startswith(".") and (host.endswith(entry) or host == entry[1:]))
        for entry in allowed
    )


def resolve(host, port, address_allowed):
    """The address to connect to: every address ``host`` resolves to must be allowed.

    The connection goes to the address checked here, not to the name: a DNS
    answer that changes between the check and the connection changes nothing.
    """
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise _Unreadable(f"{host} does not resolve: {error}") from error
    addresses = [answer[4][0].split("%")[0] for answer in answers]
    refused = [a for a in addresses if not address_allowed(ipaddress.ip_address(a))]
    if not addresses or refused:
        raise _Unreadable(f"{host} resolves to a refused address: {refused or 'none'}")
    return addresses[0]


def get(url, *, deadline, max_bytes, address_allowed):
    """The body of ``url`` (a 200 answer), following at most MAX_REDIRECTS redirects."""
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            raise _Unreadable(f"bad port in {url}") from error
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise _Unreadable(f"not an http(s) URL: {url}")
        if not host_allowed(parts.hostname):
            raise FetchError(
                _("%(host)s is not among the hosts the import may read (%(hosts)s).")
                % {
                    "host": parts.hostname,
                    "hosts": ", ".join(settings.MUSENOR_OPENAGENDA_ALLOWED_HOSTS),
                }
            )
        address = resolve(parts.hostname, port, address_allowed)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Unreadable("out of time")
        options = {
            "port": port,
            "timeout": urllib3.Timeout(connect=remaining, read=remaining),
            "retries": False,
            "maxsize": 1,
        }
        if parts.scheme == "https":
            pool = urllib3.HTTPSConnectionPool(
                address,
                cert_reqs="CERT_REQUIRED",
                server_hostname=parts.hostname,
                assert_hostname=parts.hostname,
                **options,
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, **options)
        headers = {
            "Host": parts.netloc.rpartition("@")[2],
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }
        target = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        with pool:
            try:
                response = pool.urlopen(
                    "GET",
                    target,
                    headers=headers,
                    redirect=False,
                    retries=False,
                    preload_content=False,
                    assert_same_host=False,
                )
            except (urllib3.exceptions.HTTPError, OSError) as error:
                raise _Unreadable(f"{url}: {error}") from error
            try:
                if response.status in REDIRECT_STATUSES and response.headers.get("Location"):
                    url = urljoin(url, response.headers["Location"])
                    continue
                if response.status != 200:
                    raise _Unreadable(f"{url} answered HTTP {response.status}")
                return read_body(response, url, deadline, max_bytes)
            finally:
                response.release_conn()
    raise _Unreadable(f"more than {MAX_REDIRECTS} redirects")


def read_body(response, url, deadline, max_bytes):
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _Unreadable(f"{url} announces {declared} bytes")
    content = bytearray()
    try:
        # read1() returns what has arrived: a server that trickles bytes meets
        # the deadline, however short each wait is.
        while chunk := response.read1(64 * 1024):
            content += chunk
            if len(content) > max_bytes:
                raise _Unreadable(f"{url} sent more than {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise _Unreadable(f"{url} took too long")
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise _Unreadable(f"{url}: {error}") from error
    return bytes(content)


def fetch_json(
    url,
    *,
    timeout=DEFAULT_TIMEOUT,
    max_bytes=DEFAULT_MAX_BYTES,
    address_allowed=is_public_address,
):
    """GET ``url`` and decode its JSON; the only place the importer reaches the network.

    Refused: other schemes than http(s), hosts off ``MUSENOR_OPENAGENDA_ALLOWED_HOSTS``
    when it is set, names that resolve to an address ``address_allowed`` refuses
    (by default anything but the public internet), and the same for every
    redirect. At most ``max_bytes`` and ``timeout`` seconds. Every failure but
    the first two is one and the same FetchError; the details go to the log.
    """
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError(
            _("Only http and https addresses can be read, not “%(url)s”.") % {"url": url}
        )
    deadline = time.monotonic() + timeout
    try:
        content = get(url, deadline=deadline, max_bytes=max_bytes, address_allowed=address_allowed)
        return json.loads(content.decode("utf-8"))
    except (_Unreadable, UnicodeDecodeError, ValueError) as error:
        logger.warning("OpenAgenda import: %s not read: %s", url, error)
        raise unreadable(url) from error


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


def read_url(url, *, fetch=None, max_pages=MAX_PAGES, total_timeout=TOTAL_TIMEOUT):
    """Every event of an agenda, following ``after`` from page to page."""
    fetch = fetch or fetch_json
    events = []
    seen = set()
    deadline = time.monotonic() + total_timeout
    for _page in range(max_pages):
        if url in seen:  # a cursor that does not move would loop for ever
            break
        seen.add(url)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise unreadable(url)
        page_events, after = events_of(fetch(url, timeout=min(DEFAULT_TIMEOUT, remaining)), url)
        events += page_events
        if not page_events:
            break
        url = next_url(url, after)
        if url is None:
            break
    return events
