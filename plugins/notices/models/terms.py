"""The vocabularies (reference tables) records link to: domains, denominations, authors…"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


def term_key(text):
    """The matching key of a vocabulary value: case, accents, punctuation and spacing ignored.

    ``"Huile sur toile."``, ``"huile  sur toile"`` and ``"HUILE SUR TOILE"``
    share one key; ``"huile/toile"`` does not (staff merge such variants).
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())[:255]


class TermStatus(models.TextChoices):
    VALIDATED = "validated", _("validated")
    TO_REVIEW = "to_review", _("kept as written, to review")


class TermQuerySet(models.QuerySet):
    def to_review(self):
        return self.filter(status=TermStatus.TO_REVIEW)

    def validated(self):
        return self.filter(status=TermStatus.VALIDATED)


class Term(index.Indexed, models.Model):
    """An entry of a controlled vocabulary (a reference table staff edit).

    ``key`` (:func:`term_key` of the label) is unique: an import looks a value
    up by its key, then in the ``variants`` of every entry (the written forms
    merged into it), and creates an entry "to review" for a value found
    nowhere, so that nothing is lost.
    """

    #: The Joconde field this vocabulary serves, e.g. "DOMN".
    joconde_code = ""

    label = models.CharField(_("label"), max_length=255)
    key = models.CharField(_("matching key"), max_length=255, unique=True, editable=False)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=TermStatus.choices,
        default=TermStatus.VALIDATED,
        db_index=True,
        help_text=_(
            "A value an import or an editor used that matched no entry is kept as written "
            "and waits here for review: validate it, correct it, or merge it into an entry."
        ),
    )
    variants = models.JSONField(
        _("variants"),
        default=list,
        blank=True,
        help_text=_("Other written forms that mean this entry (an import matches them)."),
    )
    note = models.TextField(_("note"), blank=True)

    objects = TermQuerySet.as_manager()

    search_fields = [
        index.SearchField("label"),
        index.AutocompleteField("label"),
        index.FilterField("status"),
    ]

    class Meta:
        abstract = True
        ordering = ["label"]

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        self.key = term_key(self.label)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.label = " ".join(self.label.split())
        key = term_key(self.label)
        if not key:
            raise ValidationError({"label": _("Enter a label with at least one letter or digit.")})
        clash = type(self).objects.filter(key=key).exclude(pk=self.pk).first()
        if clash:
            raise ValidationError(
                {"label": _("“%(label)s” already exists in this list.") % {"label": clash.label}}
            )

    @classmethod
    def lookup_table(cls):
        """``{matching key: entry}`` for every entry and every variant, for bulk matching."""
        terms = list(cls.objects.only("pk", "label", "key", "variants", "status"))
        table = {term_key(v): term for term in terms for v in term.variants}
        # An entry's own label wins over another entry's variant.
        table.update((term.key, term) for term in terms)
        return table

    @classmethod
    def resolve(cls, labels, table=None):
        """The entries for ``labels`` (written values), in order, without repeats.

        A value matching no entry's label or variant becomes a new entry "to
        review", kept as written. Returns ``(entries, created entries)``.
        """
        table = cls.lookup_table() if table is None else table
        entries, created = [], []
        for label in labels:
            label = " ".join(str(label).split())
            key = term_key(label)
            if not key:
                continue
            term = table.get(key)
            if term is None:
                term, made = cls.objects.get_or_create(
                    key=key, defaults={"label": label[:255], "status": TermStatus.TO_REVIEW}
                )
                table[key] = term
                if made:
                    created.append(term)
            if term not in entries:
                entries.append(term)
        return entries, created

    @classmethod
    def record_field(cls):
        """The field of :class:`Record` pointing at this vocabulary."""
        from .records import Record

        for field in Record._meta.get_fields():
            if getattr(field, "related_model", None) is cls and field.concrete:
                return field
        raise LookupError(cls)

    @property
    def is_to_review(self):
        return self.status == TermStatus.TO_REVIEW

    def record_count(self):
        from .records import Record

        field = self.record_field()
        return Record.objects.filter(**{field.name: self}).count()

    @transaction.atomic
    def merge_into(self, target):
        """Relink every record from this entry to ``target``, keep the spelling, delete this.

        The written form (and this entry's own variants) become variants of
        ``target``, so that an import of the same spelling finds ``target``.
        Returns the number of records relinked.
        """
        from .records import Record

        if type(target) is not type(self):
            raise TypeError("Entries are merged within one vocabulary.")
        if target.pk == self.pk:
            raise ValueError("An entry cannot be merged into itself.")
        field = self.record_field()
        if field.many_to_many:
            through = field.remote_field.through
            source_col, target_col = field.m2m_field_name(), field.m2m_reverse_field_name()
            linked = through.objects.filter(**{target_col: self})
            record_ids = list(linked.values_list(f"{source_col}_id", flat=True))
            already = set(
                through.objects.filter(
                    **{target_col: target, f"{source_col}_id__in": record_ids}
                ).values_list(f"{source_col}_id", flat=True)
            )
            through.objects.bulk_create(
                [
                    through(**{f"{source_col}_id": record_id, target_col: target})
                    for record_id in record_ids
                    if record_id not in already
                ]
            )
            linked.delete()
        else:
            record_ids = list(
                Record.objects.filter(**{field.name: self}).values_list("pk", flat=True)
            )
            Record.objects.filter(pk__in=record_ids).update(**{field.name: target})
        known = {term_key(v) for v in target.variants} | {target.key}
        for written in [self.label, *self.variants]:
            if term_key(written) not in known:
                target.variants.append(written)
                known.add(term_key(written))
        target.save(update_fields=["variants"])
        self.delete()
        Record.refresh_needs_review(record_ids)
        return len(record_ids)


class Domain(Term):
    joconde_code = "DOMN"

    class Meta(Term.Meta):
        verbose_name = _("domain")
        verbose_name_plural = _("domains")


class Denomination(Term):
    joconde_code = "DENO"

    class Meta(Term.Meta):
        verbose_name = _("denomination")
        verbose_name_plural = _("denominations")


class Period(Term):
    joconde_code = "PERI"

    class Meta(Term.Meta):
        verbose_name = _("period")
        verbose_name_plural = _("periods")


class Technique(Term):
    joconde_code = "TECH"

    class Meta(Term.Meta):
        verbose_name = _("material or technique")
        verbose_name_plural = _("materials and techniques")


class School(Term):
    joconde_code = "ECOL"

    class Meta(Term.Meta):
        verbose_name = _("school or country")
        verbose_name_plural = _("schools and countries")


class Place(Term):
    joconde_code = "LIEUX"

    class Meta(Term.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")


class Subject(Term):
    joconde_code = "REPR"

    class Meta(Term.Meta):
        verbose_name = _("subject represented")
        verbose_name_plural = _("subjects represented")


class LegalStatus(Term):
    joconde_code = "STAT"

    class Meta(Term.Meta):
        verbose_name = _("legal status")
        verbose_name_plural = _("legal statuses")


class Author(Term):
    joconde_code = "AUTR"

    class Meta(Term.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


#: Every vocabulary, in the order the admin menu lists them.
VOCABULARIES = [
    Domain,
    Denomination,
    Author,
    Period,
    School,
    Technique,
    Subject,
    Place,
    LegalStatus,
]
