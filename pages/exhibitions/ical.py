"""iCalendar (RFC 5545) export of exhibitions, written with the standard library.

An exhibition is an all-day event: ``DTSTART;VALUE=DATE`` on its first day and
``DTEND;VALUE=DATE`` on the day after its last (the end is exclusive). A
permanent display has no end, and an all-day event without one lasts a single
day (RFC 5545 §3.6.1): it is left out of calendars rather than shown as a
one-day event. Lines end with CRLF and are folded at 75 octets, never inside a
UTF-8 sequence.
"""

from datetime import UTC, timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

PRODID = "-//Musenor//Exhibitions//FR"


def escape_text(value):
    """Escape a TEXT value (RFC 5545 §3.3.11)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """Split a content line into chunks of at most 75 octets (§3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    chunks = []
    limit = 75
    while encoded:
        cut = min(limit, len(encoded))
        # Never cut a multi-byte character: back up to the start of one.
        while cut < len(encoded) and (encoded[cut] & 0xC0) == 0x80:
            cut -= 1
        chunks.append(encoded[:cut].decode("utf-8"))
        encoded = encoded[cut:]
        limit = 74  # continuation lines start with a space
    return "\r\n ".join(chunks)


def _utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _date(value):
    return value.strftime("%Y%m%d")


def event_lines(exhibition, request, host):
    url = exhibition.get_full_url(request)
    stamp = exhibition.last_published_at or exhibition.latest_revision_created_at
    stamp = stamp or timezone.now()
    description = [exhibition.summary or exhibition.search_description]
    if exhibition.operation_id and exhibition.operation:
        description.append(_("Network operation: %(title)s") % {"title": exhibition.operation})
    description.append(url)
    lines = [
        "BEGIN:VEVENT",
        f"UID:exhibition-{exhibition.pk}@{host}",
        f"DTSTAMP:{_utc_stamp(stamp)}",
        f"LAST-MODIFIED:{_utc_stamp(stamp)}",
        f"DTSTART;VALUE=DATE:{_date(exhibition.start_date)}",
        f"DTEND;VALUE=DATE:{_date(exhibition.end_date + timedelta(days=1))}",
    ]
    lines += [
        f"SUMMARY:{escape_text(exhibition.title)}",
        "DESCRIPTION:" + escape_text("\n\n".join(part for part in description if part)),
        f"URL:{url}",
        f"CATEGORIES:{escape_text(exhibition.get_kind_display())}",
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",
    ]
    if exhibition.place:
        lines.append(f"LOCATION:{escape_text(exhibition.place)}")
    museums = exhibition.live_museums
    if len(museums) == 1 and museums[0].has_coordinates:
        lines.append(f"GEO:{museums[0].latitude};{museums[0].longitude}")
    lines.append("END:VEVENT")
    return lines


def calendar(exhibitions, request, name):
    """The whole VCALENDAR as a string, CRLF line endings, folded lines."""
    host = request.get_host().split(":")[0] or "musenor"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        "X-WR-TIMEZONE:Europe/Paris",
    ]
    for exhibition in exhibitions:
        if exhibition.end_date is not None:
            lines += event_lines(exhibition, request, host)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def calendar_response(exhibitions, request, *, name, filename):
    response = HttpResponse(
        calendar(exhibitions, request, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
