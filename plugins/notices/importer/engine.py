"""The import run: rows in batches, matched, compared, then written (or only reported).

:class:`Importer` reads a :class:`~.reading.Source` batch by batch. For each
batch it looks up the records the rows match (museum + inventory number, or
REF when the row has one), decides what each row would do (create, update,
leave unchanged, reject, and why), and, unless it is a dry run, writes the
batch in one transaction: the records (bulk), their vocabulary links, a
Wagtail revision and log entries per record changed (the history staff see),
the photographs of the ZIP, then the search index. A batch either lands whole
or not at all; a batch that fails on the database is run again row by row so
that one bad row cannot take 999 good ones with it.

Running the same file twice changes nothing (every row is then "unchanged"),
and an import interrupted half-way, run again, creates what is missing and
leaves the rest: matching, not the run, decides.

Memory does not grow with the file: a batch at a time, the report streamed to
a file, and the inventory numbers already seen in the file (to reject a
second row with the same one) kept in a temporary SQLite file.
"""

import functools
import logging
import os
import sqlite3
import tempfile
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, reset_queries, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_serializable_data_for_fields
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Revision

from .fields import REQUIRED_COLUMNS, STATUS_CODE, TEXT_FIELDS, VOCABULARY_FIELDS
from .photos import PhotoArchive
from .reading import FileError, open_source
from .report import CREATED, REJECTED, UNCHANGED, UPDATED, Entry, Report
from .rows import loose_inventory, prepare

logger = logging.getLogger(__name__)

__all__ = ["ImportOptions", "Importer", "run_import"]


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


class Importer:
    """One import of one file into one museum. Use :func:`run_import`."""

    def __init__(self, museum, path, options=None, user=None, report=None, progress=None):
        self.Record, self.RecordImage = record_models()
        self.museum = museum
        self.path = Path(path)
        self.options = options or ImportOptions()
        self.user = user
        self.report = report or Report()
        self.progress = progress
        self.now = timezone.now()
        self.dry_run = self.options.dry_run
        self.max_lengths = {
            f.name: f.max_length
            for f in self.Record._meta.concrete_fields
            if getattr(f, "max_length", None)
            and f.get_internal_type() in ("CharField", "SlugField")
        }
        self.m2m = {code: name for code, (name, _model) in VOCABULARY_FIELDS.items()}
        self.content_type = ContentType.objects.get_for_model(self.Record)
        self.base_content_type = self.content_type
        self.rows_read = 0
        self._content_fields = [
            (f.name, f.attname) for f in self.Record._meta.fields if f.serialize
        ]

    # --- the run

    def run(self):
        try:
            source = open_source(
                self.path,
                encoding=self.options.encoding,
                delimiter=self.options.delimiter,
                mapping=self.options.mapping,
            )
        except FileError as error:
            self.report.file_messages.append(str(error))
            self.report.counts["file_errors"] += 1
            return self.report
        with source:
            self.source = source
            missing = [code for code in REQUIRED_COLUMNS if code not in source.columns.values()]
            if missing:
                self.report.file_messages.append(
                    _(
                        "The file has no column for %(codes)s (required): nothing was imported. "
                        "Columns read: %(header)s."
                    )
                    % {"codes": ", ".join(missing), "header": ", ".join(source.header)[:500]}
                )
                self.report.counts["file_errors"] += 1
                return self.report
            if source.ignored:
                self.report.file_messages.append(
                    _("Columns ignored (no Joconde code, no mapping): %(names)s.")
                    % {"names": ", ".join(source.ignored)[:500]}
                )
            self.archive = None
            if self.options.photos:
                try:
                    self.archive = PhotoArchive(self.options.photos)
                except Exception as error:  # noqa: BLE001 (reported, records still imported)
                    self.report.file_messages.append(
                        " ".join(getattr(error, "messages", [str(error)]))
                    )
            self.vocabularies = Vocabularies(self.dry_run)
            self.museo = self._museum_code()
            self.loose = self._loose_index()
            self.seen = SeenKeys()
            try:
                batch = []
                for raw in source.rows():
                    batch.append(raw)
                    if len(batch) >= self.options.batch_size:
                        self._batch(batch)
                        batch = []
                if batch:
                    self._batch(batch)
                if self.report.counts["without_museo"]:
                    self.report.file_messages.append(
                        _(
                            "%(n)d new records have no MUSEO and the museum's records give none: "
                            "POP will refuse them until the column is filled."
                        )
                        % {"n": self.report.counts["without_museo"]}
                    )
            finally:
                self.seen.close()
                if self.archive:
                    self.archive.close()
        return self.report

    def _museum_code(self):
        """The museum's MUSEO code, as its records already carry it (none are invented)."""
        return (
            self.Record.objects.filter(museum=self.museum)
            .exclude(museo="")
            .values_list("museo", flat=True)
            .first()
            or ""
        )

    def _loose_index(self):
        """The museum's inventory numbers under their loose key, for likely duplicates."""
        index = defaultdict(list)
        for pk, inventory in self.Record.objects.filter(museum=self.museum).values_list(
            "pk", "inventory_number"
        ):
            index[loose_inventory(inventory)].append((pk, inventory))
        return index

    def _tick(self, count):
        self.rows_read += count
        if self.progress:
            handle = getattr(getattr(self.source, "_close", None), "__self__", None)
            position = None
            if handle is not None and hasattr(handle, "buffer"):
                try:
                    position = handle.buffer.tell()
                except (OSError, ValueError):
                    position = None
            self.progress(self.rows_read, position)

    # --- a batch

    def _batch(self, raws):
        decisions = []
        for raw in raws:
            prepared, errors = prepare(raw, self.max_lengths)
            if prepared is None:
                inventory = raw.values.get("INV", "") if raw.values else ""
                self.report.add(Entry(raw.line, REJECTED, inventory=inventory, errors=errors))
                continue
            decisions.append(Decision(prepared, Entry(raw.line, "", inventory=prepared.inventory)))
        decisions = self._reject_repeats(decisions)
        self._match(decisions)
        for decision in decisions:
            if not decision.entry.outcome:
                self._compare(decision)
        if not self.dry_run:
            self._write(decisions)
        for decision in decisions:
            self._report_duplicates(decision)
            self.report.add(decision.entry)
        if settings.DEBUG and not connection.force_debug_cursor:
            # With DEBUG, Django keeps the last 9,000 queries' SQL: a batch's INSERTs
            # are large, and memory would grow with the file.
            reset_queries()
        self._tick(len(raws))

    def _reject_repeats(self, decisions):
        """A second row with an inventory number (or REF) already read in this file is refused."""
        keys = {}
        for decision in decisions:
            prepared = decision.prepared
            keys.setdefault(decision, []).append("INV:" + prepared.inventory)
            if prepared.ref:
                keys[decision].append("REF:" + prepared.ref)
        earlier = self.seen.first_lines({k for ks in keys.values() for k in ks})
        kept, added = [], {}
        for decision in decisions:
            line = next(
                (
                    earlier.get(k) or added.get(k)
                    for k in keys[decision]
                    if k in earlier or k in added
                ),
                None,
            )
            if line is not None:
                decision.entry.outcome = REJECTED
                decision.entry.errors.append(
                    _("Line %(line)d already gives this inventory number or REF.") % {"line": line}
                )
                self.report.add(decision.entry)
                continue
            for key in keys[decision]:
                added[key] = decision.prepared.line
            kept.append(decision)
        self.seen.add(added.items())
        return kept

    def _match(self, decisions):
        Record = self.Record
        refs = {d.prepared.ref for d in decisions if d.prepared.ref}
        invs = {d.prepared.inventory for d in decisions}
        by_ref = {r.ref: r for r in Record.objects.filter(ref__in=refs)} if refs else {}
        by_inv = {
            r.inventory_number: r
            for r in Record.objects.filter(museum=self.museum, inventory_number__in=invs)
        }
        for decision in decisions:
            prepared, entry = decision.prepared, decision.entry
            record = by_ref.get(prepared.ref) if prepared.ref else None
            if record is not None and record.museum_id != self.museum.pk:
                entry.outcome = REJECTED
                entry.errors.append(
                    _("REF %(ref)s is the reference of a record of another museum.")
                    % {"ref": prepared.ref}
                )
                continue
            same_inv = by_inv.get(prepared.inventory)
            if record is None:
                record = same_inv
                if (
                    record is not None
                    and record.ref
                    and prepared.ref
                    and record.ref != prepared.ref
                ):
                    entry.outcome = REJECTED
                    entry.errors.append(
                        _("Inventory number %(inv)s already has the REF %(ref)s, not %(new)s.")
                        % {"inv": prepared.inventory, "ref": record.ref, "new": prepared.ref}
                    )
                    continue
            elif same_inv is not None and same_inv.pk != record.pk:
                entry.outcome = REJECTED
                entry.errors.append(
                    _("REF %(ref)s names one record and inventory number %(inv)s another.")
                    % {"ref": prepared.ref, "inv": prepared.inventory}
                )
                continue
            if record is not None and record.locked:
                entry.outcome = REJECTED
                entry.record = record.pk
                entry.errors.append(
                    _("The record is locked in the administration: unlock it, then import again.")
                )
                continue
            decision.record = record
        matched = [d.record.pk for d in decisions if d.record is not None and not d.entry.outcome]
        self.current_terms = self._current_terms(matched)

    def _current_terms(self, record_ids):
        current = defaultdict(lambda: defaultdict(set))
        if not record_ids:
            return current
        for code, name in self.m2m.items():
            through = self.Record._meta.get_field(name).remote_field.through
            source, target = self._through_columns(name)
            for record_id, term_id in through.objects.filter(
                **{f"{source}__in": record_ids}
            ).values_list(source, target):
                current[record_id][code].add(term_id)
        return current

    def _through_columns(self, name):
        field_ = self.Record._meta.get_field(name)
        return f"{field_.m2m_field_name()}_id", f"{field_.m2m_reverse_field_name()}_id"

    def _compare(self, decision):
        """Decide created / updated / unchanged for a checked, matched-or-not row."""
        prepared, entry, record = decision.prepared, decision.entry, decision.record
        vocabularies = self.vocabularies
        review = []
        for code, labels in prepared.terms.items():
            ids = []
            for label in labels:
                pk = vocabularies.lookup(code, label)
                if pk is None:
                    decision.new_terms.add((code, label))
                    review.append(f"{code} “{label}”")
                elif vocabularies.is_to_review(code, pk):
                    review.append(f"{code} “{label}”")
                if pk is not None and pk not in ids:
                    ids.append(pk)
            decision.term_ids[code] = ids
        if prepared.status is not None:
            if not prepared.status:
                decision.status_id = None
            else:
                decision.status_id = vocabularies.lookup(STATUS_CODE, prepared.status)
                if decision.status_id is None:
                    decision.new_terms.add((STATUS_CODE, prepared.status))
                    review.append(f"STAT “{prepared.status}”")
                elif vocabularies.is_to_review(STATUS_CODE, decision.status_id):
                    review.append(f"STAT “{prepared.status}”")
        for code, label in decision.new_terms:
            self.report.add_review_term(code, label)
        if review:
            entry.warnings.append(
                _("Kept as written, to review in the reference tables: %(values)s.")
                % {"values": ", ".join(review)}
            )
        entry.warnings.extend(prepared.warnings)
        museo = prepared.values.get("museo")
        if museo and self.museo and museo != self.museo:
            entry.outcome = REJECTED
            entry.errors.append(
                _("MUSEO %(code)s is not this museum's code (%(own)s).")
                % {"code": museo, "own": self.museo}
            )
            return
        if museo and not self.museo:
            self.museo = museo
        if self.archive is not None:
            for name in prepared.images:
                if self.archive.find(name) is None:
                    entry.warnings.append(
                        _("Photograph %(name)s is not in the archive.") % {"name": name}
                    )
        if not prepared.values.get("museo") and not self.museo and record is None:
            self.report.counts["without_museo"] += 1
        if record is None:
            entry.outcome = CREATED
            entry.changes = ["*"]
            return
        entry.record = record.pk
        values = self._field_values(decision)
        changed = [name for name, value in values.items() if getattr(record, name) != value]
        current = self.current_terms.get(record.pk, {})
        new_codes = {code for code, _label in decision.new_terms}
        if STATUS_CODE in new_codes:
            changed.append("legal_status_id")
        changed_m2m = [
            code
            for code, ids in decision.term_ids.items()
            if code in new_codes or set(ids) != current.get(code, set())
        ]
        decision.changed_fields, decision.changed_m2m = changed, changed_m2m
        if not changed and not changed_m2m:
            entry.outcome = UNCHANGED
        else:
            entry.outcome = UPDATED
            labels = {v: k for k, v in TEXT_FIELDS.items()}
            labels.update(legal_status="STAT", legal_status_details="STAT", loss_status="MANQUANT")
            entry.changes = sorted({labels.get(name, name) for name in changed} | set(changed_m2m))
            if record.has_unpublished_changes:
                entry.warnings.append(
                    _(
                        "The record has a draft in progress: the import updated the published "
                        "version; review the draft before publishing it."
                    )
                )

    def _field_values(self, decision):
        prepared = decision.prepared
        values = dict(prepared.values)
        if not prepared.ref:
            # An empty REF cell never clears the reference POP gave.
            values.pop("ref", None)
        if "museo" in values and not values["museo"]:
            values["museo"] = self.museo
        if prepared.status is not None and decision.status_id is not None:
            values["legal_status_id"] = decision.status_id
            values["legal_status_details"] = prepared.status_details or ""
        if prepared.loss is not None:
            values["loss_status"] = prepared.loss
        return values

    # --- writing

    def _write(self, decisions):
        todo = [d for d in decisions if d.entry.outcome in (CREATED, UPDATED)]
        photo_rows = [
            d
            for d in decisions
            if self.archive and d.prepared.images and d.entry.outcome != REJECTED
        ]
        if not todo and not photo_rows:
            return
        try:
            with transaction.atomic():
                self._write_batch(todo, photo_rows)
        except DatabaseError:
            logger.exception("Import batch failed; retrying its rows one by one.")
            self.vocabularies.forget(
                (code, self.vocabularies.term_key(label))
                for d in todo
                for code, label in d.new_terms
            )
            for decision in todo + [d for d in photo_rows if d not in todo]:
                if decision.entry.outcome == CREATED:
                    decision.record = None
                try:
                    with transaction.atomic():
                        self._write_batch(
                            [decision] if decision in todo else [],
                            [decision] if decision in photo_rows else [],
                        )
                except DatabaseError as error:
                    self.vocabularies.forget(
                        (code, self.vocabularies.term_key(label))
                        for code, label in decision.new_terms
                    )
                    decision.entry.outcome = REJECTED
                    decision.entry.errors.append(
                        _("The database refused the row (%(error)s).") % {"error": error}
                    )

    def _write_batch(self, todo, photo_rows):
        Record = self.Record
        wanted = defaultdict(set)
        for decision in todo:
            for code, label in decision.new_terms:
                wanted[code].add(label)
        self.vocabularies.create_missing(wanted)
        for decision in todo:
            for code, label in decision.new_terms:
                pk = self.vocabularies.lookup(code, label)
                if code == STATUS_CODE:
                    decision.status_id = pk
                elif pk not in decision.term_ids[code]:
                    decision.term_ids[code].append(pk)
        created = [d for d in todo if d.entry.outcome == CREATED]
        updated = [d for d in todo if d.entry.outcome == UPDATED]
        now = timezone.now()
        new_records = []
        slugs = self._slugs(created)
        for decision in created:
            values = self._field_values(decision)
            record = Record(
                museum=self.museum,
                slug=slugs[decision.prepared.inventory],
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                cleared_for_publication=self.options.clear_for_publication,
                **values,
            )
            if not record.museo:
                record.museo = self.museo
            record.needs_review = bool(decision.entry.warnings)
            decision.record = record
            new_records.append(record)
        Record.objects.bulk_create(new_records)
        for decision in created:
            decision.entry.record = decision.record.pk
            self._flag_duplicates(decision)
        update_fields = set()
        for decision in updated:
            record = decision.record
            for name, value in self._field_values(decision).items():
                setattr(record, name, value)
            update_fields.update(decision.changed_fields)
            record.updated_at = now
            record.last_published_at = now
            if decision.entry.warnings and not record.needs_review:
                record.needs_review = True
                update_fields.add("needs_review")
        # Vocabulary links: replaced field by field where they changed.
        for code, name in self.m2m.items():
            through = Record._meta.get_field(name).remote_field.through
            source, target = self._through_columns(name)
            stale = [d.record.pk for d in updated if code in d.changed_m2m]
            if stale:
                through.objects.filter(**{f"{source}__in": stale}).delete()
            links = [
                (d.record.pk, term_id)
                for d in todo
                if d.entry.outcome == CREATED or code in d.changed_m2m
                for term_id in d.term_ids.get(code, [])
            ]
            self._insert_rows(through, [source, target], links)
        self._photos(photo_rows)
        changed = [d.record for d in todo]
        revisions = self._history(todo, now)
        for record, revision in zip(changed, revisions, strict=True):
            record.latest_revision_id = revision.pk
            record.live_revision_id = revision.pk
        self._update_rows([d.record for d in created], ["latest_revision", "live_revision"])
        fields = {"latest_revision", "live_revision", "last_published_at", "updated_at"}
        by_fields = defaultdict(list)
        for decision in updated:
            names = fields | self._db_fields(decision.changed_fields)
            if decision.record.needs_review:
                names.add("needs_review")
            by_fields[tuple(sorted(names))].append(decision.record)
        for names, records in by_fields.items():
            self._update_rows(records, list(names))
        if self.options.index and changed:
            transaction.on_commit(lambda ids=[r.pk for r in changed]: index_records(ids))

    @staticmethod
    def _insert_rows(model, columns, rows):
        """Plain INSERTs of plain values: a link table's rows need no model instance."""
        if not rows:
            return
        table = connection.ops.quote_name(model._meta.db_table)
        names = ", ".join(connection.ops.quote_name(c) for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608

    def _update_rows(self, records, names):
        """One UPDATE per record of the fields ``names``, sent together (``executemany``)."""
        if not records:
            return
        fields = [self.Record._meta.get_field(name) for name in names]
        table = connection.ops.quote_name(self.Record._meta.db_table)
        sets = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields)
        rows = [
            [f.get_db_prep_save(getattr(r, f.attname), connection) for f in fields] + [r.pk]
            for r in records
        ]
        with connection.cursor() as cursor:
            pk = connection.ops.quote_name(self.Record._meta.pk.column)
            cursor.executemany(f"UPDATE {table} SET {sets} WHERE {pk} = %s", rows)  # noqa: S608

    @staticmethod
    def _db_fields(names):
        return {"legal_status" if n == "legal_status_id" else n for n in names}

    def _slugs(self, created):
        from ..models import record_slug

        wanted = {d.prepared.inventory: record_slug(d.prepared.inventory) for d in created}
        bases = set(wanted.values())
        taken = set(
            self.Record.objects.filter(museum=self.museum, slug__in=bases).values_list(
                "slug", flat=True
            )
        )
        result, used = {}, set()
        for inventory, base in wanted.items():
            slug, n = base, 1
            while slug in taken or slug in used:
                n += 1
                slug = f"{base}--{n}"
                if n > 2 and slug not in used:
                    # Rare: look further suffixes up in the database too.
                    taken |= set(
                        self.Record.objects.filter(
                            museum=self.museum, slug__startswith=base + "--"
                        ).values_list("slug", flat=True)
                    )
            used.add(slug)
            result[inventory] = slug
        return result

    def _history(self, decisions, now):
        """One published revision and its log entries per record changed: Wagtail's history."""
        if not decisions:
            return []
        images = defaultdict(list)
        with_images = [d.record.pk for d in decisions if d.record.has_image or d.prepared.images]
        for child in self.RecordImage.objects.filter(record_id__in=with_images):
            images[child.record_id].append(get_serializable_data_for_fields(child))
        revisions = []
        for decision in decisions:
            record = decision.record
            content = self._serialize(record)
            for code, name in self.m2m.items():
                if code in decision.term_ids:
                    content[name] = list(decision.term_ids[code])
                else:
                    content[name] = sorted(self.current_terms.get(record.pk, {}).get(code, ()))
            content["images"] = images.get(record.pk, [])
            revisions.append(
                Revision(
                    content_type=self.content_type,
                    base_content_type=self.base_content_type,
                    object_id=str(record.pk),
                    created_at=now,
                    user=self.user,
                    content=content,
                    object_str=str(record)[:2000],
                )
            )
        Revision.objects.bulk_create(revisions)
        # Two log entries per record (changed, then published), as Wagtail's own
        # publish writes them; plain INSERTs, their shared values prepared once.
        meta = ModelLogEntry._meta
        shared = {
            "content_type": self.content_type.pk,
            "timestamp": now,
            "user": self.user.pk if self.user else None,
            "uuid": uuid.uuid4(),
            "data": {"import": {"file": self.path.name}},
            "deleted": False,
        }
        prepared = {
            meta.get_field(name).column: meta.get_field(name).get_db_prep_save(value, connection)
            for name, value in shared.items()
        }
        columns = [*prepared, "label", "action", "revision_id", "content_changed", "object_id"]
        logs = []
        for decision, revision in zip(decisions, revisions, strict=True):
            record = decision.record
            action = "wagtail.create" if decision.entry.outcome == CREATED else "wagtail.edit"
            label = str(record)
            for name in (action, "wagtail.publish"):
                logs.append(
                    [
                        *prepared.values(),
                        label,
                        name,
                        revision.pk,
                        name != "wagtail.publish",
                        str(record.pk),
                    ]
                )
        self._insert_rows(ModelLogEntry, columns, logs)
        return revisions

    def _serialize(self, record):
        """``serializable_data()`` of a record's own columns, without a query per field."""
        fields = self._content_fields
        content = {"pk": record.pk}
        for name, attname in fields:
            content[name] = getattr(record, attname)
        return content

    def _photos(self, decisions):
        """Attach the ZIP's photographs named in REFIM; an image already there is left."""
        if not decisions:
            return
        Image = get_image_model()
        record_ids = [d.record.pk for d in decisions if d.record is not None and d.record.pk]
        existing = defaultdict(dict)
        for record_id, name, file_hash, count in self.RecordImage.objects.filter(
            record_id__in=record_ids
        ).values_list("record_id", "file_reference", "image__file_hash", "sort_order"):
            existing[record_id][name.casefold()] = (file_hash, count)
        credit_max = self.RecordImage._meta.get_field("credit").max_length
        for decision in decisions:
            record = decision.record
            have = existing.get(record.pk, {})
            order = len(have)
            added = False
            for position, name in enumerate(decision.prepared.images):
                if self.archive.find(name) is None:
                    continue  # reported when the row was compared
                try:
                    upload, digest = self.archive.read(name, self.options.max_image_size)
                except Exception as error:  # noqa: BLE001 (any unreadable image is reported)
                    messages = getattr(error, "messages", [str(error)])
                    decision.entry.warnings.append(
                        _("Photograph not imported: %(error)s") % {"error": " ".join(messages)}
                    )
                    continue
                known = have.get(name.casefold())
                if known and known[0] == digest:
                    continue
                image = Image(title=f"{record.inventory_number} – {name}"[:255], file=upload)
                image._set_image_file_metadata()
                image.save()
                if known:
                    self.RecordImage.objects.filter(
                        record=record, file_reference__iexact=name
                    ).update(image=image)
                else:
                    self.RecordImage.objects.create(
                        record=record,
                        image=image,
                        is_primary=not have and position == 0,
                        credit=(record.photo_credits or "")[:credit_max],
                        copyright=(record.copyright or "")[:credit_max],
                        file_reference=name,
                        sort_order=order,
                    )
                    order += 1
                added = True
            if added:
                record.refresh_images()
                if decision.entry.outcome == UNCHANGED:
                    decision.entry.outcome = UPDATED
                    decision.entry.changes = ["REFIM"]
                elif "REFIM" not in decision.entry.changes and decision.entry.changes != ["*"]:
                    decision.entry.changes.append("REFIM")

    # --- likely duplicates

    def _flag_duplicates(self, decision):
        """A new record whose inventory number nearly equals another of the museum's."""
        prepared = decision.prepared
        key = loose_inventory(prepared.inventory)
        others = [(pk, inv) for pk, inv in self.loose.get(key, []) if inv != prepared.inventory]
        if others:
            decision.duplicates = others
            note = _("Likely duplicate of inventory number(s) %(others)s.") % {
                "others": ", ".join(inv for _pk, inv in others[:5])
            }
            record = decision.record
            record.needs_review = True
            record.review_note = (record.review_note + "\n" + note).strip()
            self.Record.objects.filter(pk=record.pk).update(
                needs_review=True, review_note=record.review_note
            )
        self.loose[key].append((decision.record.pk, prepared.inventory))

    def _report_duplicates(self, decision):
        if decision.entry.outcome != CREATED:
            return
        others = getattr(decision, "duplicates", None)
        if others is None and self.dry_run:
            key = loose_inventory(decision.prepared.inventory)
            others = [
                (pk, inv)
                for pk, inv in self.loose.get(key, [])
                if inv != decision.prepared.inventory
            ]
            self.loose[key].append((None, decision.prepared.inventory))
        for pk, inventory in others or []:
            reason = _("near-identical inventory number")
            self.report.add_duplicate(
                decision.entry.line, decision.prepared.inventory, pk, inventory, reason
            )
            decision.entry.warnings.append(
                _("Likely duplicate of the record with inventory number %(inv)s.")
                % {"inv": inventory}
            )


def index_records(record_ids):
    """The search engineer's bulk indexing (``search.indexing``), imported when first needed."""
    from ..search.indexing import index_records as index

    return index(record_ids)


def run_import(museum, path, options=None, user=None, report=None, progress=None):
    """Import (or, with ``options.dry_run``, only report) ``path`` into ``museum``.

    Returns the :class:`~.report.Report`. Raises nothing for bad input: a file
    that cannot be read is a message of the report.
    """
    importer = Importer(museum, path, options=options, user=user, report=report, progress=progress)
    return importer.run()
