"""One OpenAgenda event → plain data for an exhibition page (no database access).

| OpenAgenda | exhibition page |
| --- | --- |
| uid | openagenda_uid (the key of the import) |
| title (fr, else another language) | title |
| description | summary |
| longDescription, conditions | body (one text block) |
| keywords | tags |
| timings: first begin / last end | start_date / end_date (local dates) |
| location name + city | museums (when a museum matches) or venue |
| attendanceMode 2 (online) | kind “online programme” |
| status 6 (cancelled) | not imported; unpublished if it was |
| updatedAt | openagenda_updated_at |
"""

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

LANGUAGES = ("fr", "en", "nl", "de")
STATUS_CANCELLED = 6
ATTENDANCE_ONLINE = 2
TITLE_LENGTH = 255
SUMMARY_LENGTH = 600
TAG_LENGTH = 100
# Dates outside these years are typing errors (or attacks), not exhibitions:
# year 9999 also overflows as soon as it is moved to another time zone.
FIRST_YEAR = 1900
LAST_YEAR = 2199


class MalformedEvent(Exception):
    """The event cannot be imported; the message says why."""


@dataclass
class EventData:
    uid: int
    title: str
    summary: str
    body_html: str
    start_date: date
    end_date: date
    tags: list[str]
    location_name: str
    location_city: str
    venue: str
    online: bool
    cancelled: bool
    updated_at: datetime | None
    language: str
    museum_ids: list[int] = field(default_factory=list)

    def checksum(self):
        """What the page would hold; equal checksums mean nothing to update."""
        data = asdict(self)
        data.pop("updated_at")
        return hashlib.sha256(
            json.dumps(data, sort_keys=True, default=str).encode("utf-8")
        ).hexdigest()


def normalize(text):
    """Compare names loosely: no accents, no case, no punctuation."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def localized(value, language=None):
    """The text of a by-language map: ``language`` if given, else French, else any."""
    if isinstance(value, str):
        return value.strip(), language or ""
    if not isinstance(value, dict):
        return "", ""
    order = ([language] if language else []) + [code for code in LANGUAGES if code != language]
    order += sorted(code for code in value if code not in order)
    for code in order:
        text = value.get(code)
        if isinstance(text, str) and text.strip():
            return text.strip(), code
        if isinstance(text, list) and text:
            return text, code
    return "", ""


def parse_moment(value, what):
    if not isinstance(value, str) or not value:
        raise MalformedEvent(_("%(what)s is missing.") % {"what": what})
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise MalformedEvent(
            _("%(what)s is not an ISO 8601 date-time: “%(value)s”.")
            % {"what": what, "value": value}
        ) from error
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise MalformedEvent(
            _("%(what)s is not between the years %(first)s and %(last)s: “%(value)s”.")
            % {"what": what, "first": FIRST_YEAR, "last": LAST_YEAR, "value": value}
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def dates_of(timings):
    if not isinstance(timings, list) or not timings:
        raise MalformedEvent(_("the event has no timings."))
    begins, ends = [], []
    for n, timing in enumerate(timings, start=1):
        if not isinstance(timing, dict):
            raise MalformedEvent(_("timing %(n)s is not an object.") % {"n": n})
        begin = parse_moment(timing.get("begin"), _("the begin of timing %(n)s") % {"n": n})
        end = parse_moment(timing.get("end"), _("the end of timing %(n)s") % {"n": n})
        if end < begin:
            raise MalformedEvent(_("timing %(n)s ends before it begins.") % {"n": n})
        begins.append(begin)
        ends.append(end)
    return timezone.localtime(min(begins)).date(), timezone.localtime(max(ends)).date()


def paragraphs(text):
    """Plain text (tags stripped) as escaped <p> paragraphs; single newlines become <br/>."""
    text = strip_tags(text).replace("\r\n", "\n").strip()
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in block.split("\n")) + "</p>"
        for block in blocks
    )


def venue_text(location):
    parts = [location.get("name"), location.get("address")]
    city = " ".join(str(p) for p in (location.get("postalCode"), location.get("city")) if p)
    address = str(location.get("address") or "")
    if city and normalize(location.get("city")) not in normalize(address):
        parts.append(city)
    return ", ".join(str(p).strip() for p in parts if p and str(p).strip())[:255]


def map_event(event):
    """Map one event, or raise MalformedEvent with the reason."""
    if not isinstance(event, dict):
        raise MalformedEvent(_("the event is not a JSON object."))
    uid = event.get("uid")
    if isinstance(uid, str) and uid.isdigit():
        uid = int(uid)
    if not isinstance(uid, int) or isinstance(uid, bool) or uid <= 0:
        raise MalformedEvent(_("the event has no valid “uid”."))
    title, language = localized(event.get("title"))
    if not title:
        raise MalformedEvent(_("the event has no title in any language."))
    start_date, end_date = dates_of(event.get("timings"))
    summary, _lang = localized(event.get("description"), language)
    long_description, _lang = localized(event.get("longDescription"), language)
    conditions, _lang = localized(event.get("conditions"), language)
    body = paragraphs(long_description) if isinstance(long_description, str) else ""
    if isinstance(conditions, str) and conditions:
        label = escape(_("Practical information:"))
        body += f"<p><b>{label}</b> {escape(conditions)}</p>"
    keywords, _lang = localized(event.get("keywords"), language)
    tags = []
    if isinstance(keywords, list):
        for keyword in keywords:
            name = str(keyword).strip()[:TAG_LENGTH]
            if name and name.casefold() not in {t.casefold() for t in tags}:
                tags.append(name)
    location = event.get("location") if isinstance(event.get("location"), dict) else {}
    updated_at = None
    if event.get("updatedAt"):
        updated_at = parse_moment(event["updatedAt"], "updatedAt")
    return EventData(
        uid=uid,
        title=title[:TITLE_LENGTH],
        summary=strip_tags(summary if isinstance(summary, str) else "")[:SUMMARY_LENGTH],
        body_html=body,
        start_date=start_date,
        end_date=end_date,
        tags=tags,
        location_name=str(location.get("name") or ""),
        location_city=str(location.get("city") or ""),
        venue=venue_text(location),
        online=event.get("attendanceMode") == ATTENDANCE_ONLINE,
        cancelled=event.get("status") == STATUS_CANCELLED,
        updated_at=updated_at,
        language=language,
    )
