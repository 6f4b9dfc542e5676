"""The import run: rows in batches, matched, compared, then written (or only reported).

:class:`Importer` reads a :class:`~.reading.Source` batch by batch. For each
batch it looks up the records the rows match (museum + inventory number, or
REF when the row has one), decides what each row would do (create, update,
leave unchanged, reject, and why), and, unless it is a dry run, writes the
batch in one transaction: the records (bulk), their vocabulary links, a
Wagtail revision and log entries per record changed (the history staff see),
the photographs of the ZIP, then the search index (``writing.RecordWriter``).
A batch either lands whole or not at all; a batch that fails on the database
is run again row by row so that one bad row cannot take 999 good ones with it.

Running the same file twice changes nothing (every row is then "unchanged"),
and an import interrupted half-way, run again, creates what is missing and
leaves the rest: matching, not the run, decides.

Memory does not grow with the file: a batch at a time, the report streamed to
a file, and the inventory numbers already seen in the file (to reject a
second row with the same one) kept in a temporary SQLite file.
"""

from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, reset_queries
from django.utils import timezone
from django.utils.translation import gettext as _

from musenor.plugins import purge_page_cache

from .fields import REQUIRED_COLUMNS, STATUS_CODE, TEXT_FIELDS, VOCABULARY_FIELDS
from .photos import PhotoArchive
from .reading import FileError, open_source
from .report import CREATED, REJECTED, UNCHANGED, UPDATED, Entry, Report
from .rows import loose_inventory, prepare
from .state import Decision, ImportOptions, SeenKeys, Vocabularies, record_models
from .writing import RecordWriter

__all__ = ["ImportOptions", "Importer", "run_import"]


class Importer(RecordWriter):
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
                if not self.dry_run and (
                    self.report.counts["created"] or self.report.counts["updated"]
                ):
                    # Records are written in bulk, without the saves that purge the
                    # anonymous pages' cache (a museum page lists its records).
                    purge_page_cache()
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


def run_import(museum, path, options=None, user=None, report=None, progress=None):
    """Import (or, with ``options.dry_run``, only report) ``path`` into ``museum``.

    Returns the :class:`~.report.Report`. Raises nothing for bad input: a file
    that cannot be read is a message of the report.
    """
    importer = Importer(museum, path, options=options, user=user, report=report, progress=progress)
    return importer.run()
