"""What one import run keeps: its options, the file's inventory numbers, the vocabularies,
and the decision taken for each row."""

import functools
import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps

from .fields import STATUS_CODE, VOCABULARY_FIELDS
from .report import Entry


@dataclass
class ImportOptions:
    """How to read the file and what to do with it."""

    encoding: str | None = None
    delimiter: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    photos: str | os.PathLike | None = None
    dry_run: bool = False
    #: Records created by the import are cleared for publication (public once live).
    clear_for_publication: bool = False
    batch_size: int = 1000
    index: bool = True
    max_image_size: int = 20 * 2**20


class SeenKeys:
    """Inventory numbers already read in this file, on disk: memory stays flat."""

    def __init__(self):
        handle, self.path = tempfile.mkstemp(suffix=".sqlite3", prefix="notices-import-")
        os.close(handle)
        self.db = sqlite3.connect(self.path)
        self.db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, line INTEGER)")

    def first_lines(self, keys):
        """For each key of ``keys`` already seen, the line where it was first seen."""
        found = {}
        keys = list(keys)
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                self.db.execute(f"SELECT key, line FROM seen WHERE key IN ({marks})", chunk)  # noqa: S608
            )
        return found

    def add(self, pairs):
        self.db.executemany("INSERT OR IGNORE INTO seen VALUES (?, ?)", pairs)

    def close(self):
        self.db.close()
        Path(self.path).unlink(missing_ok=True)


def record_models():
    Record = apps.get_model("musenor_notices", "Record")
    RecordImage = apps.get_model("musenor_notices", "RecordImage")
    return Record, RecordImage


class Vocabularies:
    """Every vocabulary's entries by matching key (label and variants), loaded once per run.

    The reference tables are small next to the records (thousands of
    entries); an unknown value becomes an entry "to review" when the batch is
    written, never in a dry run.
    """

    def __init__(self, dry_run):
        from ..models import LegalStatus, TermStatus, term_key

        # Values repeat from row to row: the key of each written form is worked out once.
        self.term_key = term_key = functools.lru_cache(maxsize=1 << 16)(term_key)
        self.to_review = TermStatus.TO_REVIEW
        self.dry_run = dry_run
        self.models = {
            code: apps.get_model("musenor_notices", name)
            for code, (_field, name) in VOCABULARY_FIELDS.items()
        }
        self.models[STATUS_CODE] = LegalStatus
        self.ids = {}
        self.review_ids = {}
        for code, model in self.models.items():
            ids, review = {}, set()
            for pk, key, variants, status in model.objects.values_list(
                "pk", "key", "variants", "status"
            ):
                ids[key] = pk
                for variant in variants or []:
                    ids.setdefault(term_key(variant), pk)
                if status == self.to_review:
                    review.add(pk)
            self.ids[code], self.review_ids[code] = ids, review

    def lookup(self, code, label):
        """The entry's id, or ``None`` when the value is unknown."""
        return self.ids[code].get(self.term_key(label))

    def is_to_review(self, code, pk):
        return pk in self.review_ids[code]

    def create_missing(self, wanted):
        """Create the unknown values of ``wanted`` ({code: {label}}) as entries to review."""
        for code, labels in wanted.items():
            model = self.models[code]
            fresh = {}
            for label in labels:
                key = self.term_key(label)
                if key and key not in self.ids[code] and key not in fresh:
                    fresh[key] = model(label=label, key=key, status=self.to_review)
            if not fresh:
                continue
            model.objects.bulk_create(fresh.values(), ignore_conflicts=True)
            for pk, key in model.objects.filter(key__in=fresh).values_list("pk", "key"):
                self.ids[code][key] = pk
                self.review_ids[code].add(pk)

    def forget(self, code_keys):
        """Drop entries created by a batch that was rolled back."""
        for code, key in code_keys:
            pk = self.ids[code].pop(key, None)
            self.review_ids[code].discard(pk)


@dataclass(eq=False)
class Decision:
    prepared: object
    entry: Entry
    record: object = None
    term_ids: dict = field(default_factory=dict)
    status_id: int | None = None
    changed_fields: list = field(default_factory=list)
    changed_m2m: list = field(default_factory=list)
    new_terms: set = field(default_factory=set)
