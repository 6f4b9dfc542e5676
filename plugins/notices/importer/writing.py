"""The writing half of an import run (:class:`~.engine.Importer`): a batch's records in
bulk, their vocabulary links, a Wagtail revision and log entries per record
changed, and the photographs of the ZIP."""

import logging
import uuid
from collections import defaultdict

from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from modelcluster.models import get_serializable_data_for_fields
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Revision

from .fields import STATUS_CODE
from .report import CREATED, REJECTED, UNCHANGED, UPDATED

logger = logging.getLogger(__name__)


def index_records(record_ids):
    """The search engineer's bulk indexing (``search.indexing``), imported when first needed."""
    from ..search.indexing import index_records as index

    return index(record_ids)


class RecordWriter:
    """Writes what :class:`~.engine.Importer` decided; a part of it, never used alone."""

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
