"""Import OpenAgenda events as exhibition pages.

``fetch`` reads the JSON (a file, or a URL through one guarded function),
``mapping`` turns one event into plain data without touching the database,
``importer`` creates, updates or unpublishes pages from that data and writes
the report. Dependencies go fetch ← importer → mapping; the management
command and the admin view only call :func:`import_events`.
"""

from .fetch import FetchError, MalformedFile, fetch_json, read_file, read_url
from .importer import Importer, Report, import_events
from .mapping import EventData, MalformedEvent, map_event

__all__ = [
    "EventData",
    "FetchError",
    "Importer",
    "MalformedEvent",
    "MalformedFile",
    "Report",
    "fetch_json",
    "import_events",
    "map_event",
    "read_file",
    "read_url",
]
