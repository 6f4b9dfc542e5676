"""The report of an import: one line per row that needs saying, streamed to a file.

A report holds the counts (created, updated, unchanged, rejected, warnings)
and, for each row worth a line, its line number, inventory number, outcome
and messages. The lines go to a JSON Lines file as they come, so a report of
500,000 rows costs no memory; the first lines are kept in memory too, for the
screen. ``write_csv`` gives the museum the file to open in a spreadsheet.
"""

import csv
import io
import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext_lazy as _

__all__ = ["OUTCOMES", "Entry", "Report"]

CREATED, UPDATED, UNCHANGED, REJECTED = "created", "updated", "unchanged", "rejected"
OUTCOMES = {
    CREATED: _("created"),
    UPDATED: _("updated"),
    UNCHANGED: _("unchanged"),
    REJECTED: _("rejected"),
}
#: Lines kept in memory for the screen; the file has them all.
PREVIEW_LINES = 500


@dataclass
class Entry:
    """What happened (or would happen) to one row."""

    line: int
    outcome: str
    inventory: str = ""
    record: int | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


class Report:
    """Counts and row entries; entries go to ``path`` (JSON Lines) when given."""

    def __init__(self, path=None, keep=PREVIEW_LINES):
        self.counts = Counter()
        self.path = path
        self.keep = keep
        self.entries: list[Entry] = []
        self.file_messages: list[str] = []
        self.review_terms: dict[str, set] = {}
        self.duplicates: list[dict] = []
        self._handle = open(path, "a", encoding="utf-8") if path else None  # noqa: SIM115

    def add(self, entry: Entry, everything=False):
        self.counts[entry.outcome] += 1
        if entry.warnings:
            self.counts["warnings"] += 1
        worth = entry.outcome in (REJECTED, CREATED, UPDATED) or entry.warnings or everything
        if not worth:
            return
        if self._handle:
            self._handle.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        if len(self.entries) < self.keep:
            self.entries.append(entry)

    def add_review_term(self, code, label):
        terms = self.review_terms.setdefault(code, set())
        if len(terms) < 1000:
            terms.add(label)

    def add_duplicate(self, line, inventory, other_id, other_inventory, reason):
        self.counts["duplicates"] += 1
        if len(self.duplicates) < 1000:
            self.duplicates.append(
                {
                    "line": line,
                    "inventory": inventory,
                    "record": other_id,
                    "other_inventory": other_inventory,
                    "reason": str(reason),
                }
            )

    def close(self):
        if self._handle:
            self._handle.close()
            self._handle = None

    def summary(self):
        return {
            "counts": {
                key: self.counts.get(key, 0)
                for key in (*OUTCOMES, "warnings", "duplicates", "file_errors")
            },
            "file_messages": [str(m) for m in self.file_messages],
            "review_terms": {code: sorted(v) for code, v in sorted(self.review_terms.items())},
            "duplicates": self.duplicates,
        }

    def iter_entries(self):
        """Every entry, from the file when there is one, else those kept."""
        if not self.path:
            yield from self.entries
            return
        if self._handle:
            self._handle.flush()
        with open(self.path, encoding="utf-8") as handle:
            for line in handle:
                yield Entry(**json.loads(line))

    def corrections_csv(self, out=None):
        """What the museum must correct at the source, as CSV (rejected rows and warnings).

        Written to ``out`` (a text file) when given, else returned as a string.
        """
        given = out is not None
        out = out if given else io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow([_("line"), _("inventory number"), _("outcome"), _("message")])
        for message in self.file_messages:
            writer.writerow(["", "", "", str(message)])
        for entry in self.iter_entries():
            for message in entry.errors:
                writer.writerow([entry.line, entry.inventory, OUTCOMES[entry.outcome], message])
            for message in entry.warnings:
                writer.writerow([entry.line, entry.inventory, OUTCOMES[entry.outcome], message])
        return None if given else out.getvalue()
