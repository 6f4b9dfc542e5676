"""The object record (Joconde), its photographs, and the states of a lost work."""

import re
import unicodedata

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
)
from wagtail.search import index

from .terms import (
    VOCABULARIES,
    Author,
    Denomination,
    Domain,
    LegalStatus,
    Period,
    Place,
    School,
    Subject,
    Technique,
    TermStatus,
)

REF_LENGTH = 11


def record_slug(inventory_number):
    """The URL key of an inventory number: ``"2003.1.15"`` -> ``"2003-1-15"``.

    Dots and spaces become hyphens (Django's slugify would drop the dots and
    join ``2003.1.15`` and ``200.31.15``); accents are dropped.
    """
    text = unicodedata.normalize("NFKD", str(inventory_number))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return "-".join(re.sub(r"[^a-z0-9]+", " ", text).split())[:200] or "sans-numero"


class LossStatus(models.TextChoices):
    """MANQUANT: the network's research on works lost, stolen or destroyed (wartime above all)."""

    NONE = "", _("not reported lost")
    MISSING = "missing", _("missing")
    STOLEN = "stolen", _("stolen")
    DESTROYED = "destroyed", _("destroyed")


class RecordQuerySet(models.QuerySet):
    def public(self):
        """What visitors may see: published (live) and cleared for publication."""
        return self.filter(live=True, cleared_for_publication=True)

    def for_listing(self):
        return self.select_related("museum", "primary_image", "legal_status")


class Record(
    DraftStateMixin,
    RevisionMixin,
    LockableMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """An object record ("notice") of one museum's collection, with the Joconde fields.

    Identified by museum + inventory number (unique, and the public URL as
    ``slug``), and by REF when POP gave one. ``has_image``,
    ``primary_image`` and ``needs_review`` are kept on the row so that the
    admin listing and the search filter on 100,000 records without joins.
    """

    museum = models.ForeignKey(
        "musenor_museums.MuseumPage",
        verbose_name=_("museum"),
        on_delete=models.PROTECT,
        related_name="notices_records",
    )
    # --- identification (required by POP: REF, INV, DOMN, STAT, MUSEO)
    ref = models.CharField(
        _("reference (REF)"),
        max_length=REF_LENGTH,
        blank=True,
        help_text=_("The record's reference on POP, 11 characters; empty until POP gives one."),
    )
    inventory_number = models.CharField(_("inventory number (INV)"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200, editable=False)
    museo = models.CharField(
        _("Muséofile code (MUSEO)"),
        max_length=10,
        blank=True,
        help_text=_(
            "The museum's code in Muséofile, e.g. M0017. POP refuses a record without it; "
            "the portal keeps the record and the import warns."
        ),
    )
    domains = ParentalManyToManyField(Domain, verbose_name=_("domains (DOMN)"), blank=False)
    legal_status = models.ForeignKey(
        LegalStatus,
        verbose_name=_("legal status (STAT)"),
        on_delete=models.PROTECT,
        related_name="records",
    )
    legal_status_details = models.CharField(
        _("acquisition details (STAT)"),
        max_length=500,
        blank=True,
        help_text=_("The rest of STAT: mode, place and year of acquisition."),
    )
    # --- what the object is
    denominations = ParentalManyToManyField(
        Denomination, verbose_name=_("denominations (DENO)"), blank=True
    )
    title = models.CharField(_("title (TITR)"), max_length=500, blank=True)
    appellation = models.CharField(_("appellation (APPL)"), max_length=500, blank=True)
    authors = ParentalManyToManyField(Author, verbose_name=_("authors (AUTR)"), blank=True)
    author_details = models.TextField(_("author details (PAUT)"), blank=True)
    former_attributions = models.TextField(_("former attributions (ATTR)"), blank=True)
    schools = ParentalManyToManyField(
        School, verbose_name=_("schools or countries (ECOL)"), blank=True
    )
    periods = ParentalManyToManyField(Period, verbose_name=_("periods (PERI)"), blank=True)
    creation_years = models.CharField(_("year(s) of creation (MILL)"), max_length=200, blank=True)
    epoch = models.CharField(_("epoch, style, movement (EPOQ)"), max_length=255, blank=True)
    techniques = ParentalManyToManyField(
        Technique, verbose_name=_("materials and techniques (TECH)"), blank=True
    )
    dimensions = models.TextField(
        _("measurements (DIMS)"),
        blank=True,
        help_text=_("e.g. “Hauteur en cm 1.64 ; Longueur en cm 6.6”."),
    )
    inscriptions = models.TextField(_("inscriptions (INSC)"), blank=True)
    inscription_details = models.TextField(_("inscription details (PINS)"), blank=True)
    description = models.TextField(_("description (DESC)"), blank=True)
    subjects = ParentalManyToManyField(
        Subject, verbose_name=_("subjects represented (REPR)"), blank=True
    )
    subject_details = models.TextField(_("subject details (PREP)"), blank=True)
    subject_date = models.CharField(_("date represented (DREP)"), max_length=255, blank=True)
    subject_source = models.TextField(_("source of the subject (SREP)"), blank=True)
    genesis = models.TextField(_("genesis (GENE)"), blank=True)
    history = models.TextField(_("history (HIST)"), blank=True)
    places = ParentalManyToManyField(
        Place, verbose_name=_("places of creation or use (LIEUX)"), blank=True
    )
    place_details = models.TextField(_("place details (PLIEUX)"), blank=True)
    discovery = models.TextField(_("discovery or collection (DECV)"), blank=True)
    discovery_details = models.TextField(_("discovery details (PDEC)"), blank=True)
    use = models.TextField(_("use (UTIL)"), blank=True)
    use_details = models.TextField(_("use details (PUTI)"), blank=True)
    # --- acquisition, deposit, location
    acquisition_date = models.CharField(_("acquisition date (DACQ)"), max_length=100, blank=True)
    former_owner = models.TextField(_("former owner (APTN)"), blank=True)
    depositary = models.TextField(_("depositary (DEPO)"), blank=True)
    former_deposit = models.TextField(_("former deposit (ADPT)"), blank=True)
    deposit_date = models.CharField(_("deposit date (DDPT)"), max_length=100, blank=True)
    location = models.TextField(_("location (LOCA)"), blank=True)
    location_place = models.CharField(
        _("country, region, city (LOCA2)"), max_length=255, blank=True
    )
    # --- loss (MANQUANT / MANQUANT_COM)
    loss_status = models.CharField(
        _("missing, stolen or destroyed (MANQUANT)"),
        max_length=10,
        choices=LossStatus.choices,
        default=LossStatus.NONE,
        blank=True,
        db_index=True,
    )
    loss_comment = models.TextField(_("comment on the loss (MANQUANT_COM)"), blank=True)
    # --- documentation
    exhibitions = models.TextField(_("exhibitions (EXPO)"), blank=True)
    bibliography = models.TextField(_("bibliography (BIBL)"), blank=True)
    comments = models.TextField(_("comments (COMM)"), blank=True)
    condition = models.TextField(_("condition (ETAT)"), blank=True)
    photo_credits = models.TextField(_("photo credits (PHOT)"), blank=True)
    copyright = models.TextField(_("copyright (COPY)"), blank=True)
    image_references = models.TextField(
        _("image references (REFIM)"),
        blank=True,
        help_text=_("As received: entries separated by “;”, the file name first in each."),
    )
    website = models.URLField(_("related site (WWW)"), max_length=500, blank=True)
    video = models.URLField(_("video link (LVID)"), max_length=500, blank=True)
    # --- publication and review
    cleared_for_publication = models.BooleanField(
        _("cleared for publication"),
        default=False,
        help_text=_(
            "The museum agrees to show this record on the public site. A published record "
            "that is not cleared stays private."
        ),
    )
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        db_index=True,
        help_text=_("A value kept as written, a likely duplicate or an import warning."),
    )
    review_note = models.TextField(_("what to review"), blank=True)
    # --- kept on the row for listings (maintained by RecordImage and refresh_images())
    has_image = models.BooleanField(_("has a photograph"), default=False, editable=False)
    primary_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("primary photograph"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the import last applied (a hash of the source row): the same file twice changes nothing.
    source_checksum = models.CharField(
        _("checksum of the imported row"), max_length=64, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created (DMIS)"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated (DMAJ)"), auto_now=True, db_index=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="notices_record")

    objects = RecordQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("inventory_number", boost=3),
        index.SearchField("appellation"),
        index.SearchField("description"),
        # Free text of the collection search: the main fields and the vocabularies' labels
        # (plugins/notices/search; docs/notices-search.md).
        index.SearchField("epoch"),
        index.SearchField("creation_years"),
        index.SearchField("inscriptions"),
        index.SearchField("subject_details"),
        index.RelatedFields("museum", [index.SearchField("title"), index.SearchField("city")]),
        index.RelatedFields("authors", [index.SearchField("label", boost=2)]),
        index.RelatedFields("denominations", [index.SearchField("label", boost=2)]),
        index.RelatedFields("domains", [index.SearchField("label")]),
        index.RelatedFields("periods", [index.SearchField("label")]),
        index.RelatedFields("techniques", [index.SearchField("label")]),
        index.RelatedFields("schools", [index.SearchField("label")]),
        index.RelatedFields("places", [index.SearchField("label")]),
        index.RelatedFields("subjects", [index.SearchField("label")]),
        index.AutocompleteField("title"),
        index.AutocompleteField("inventory_number"),
        index.FilterField("museum"),
        index.FilterField("live"),
        index.FilterField("cleared_for_publication"),
        index.FilterField("has_image"),
        index.FilterField("needs_review"),
        index.FilterField("loss_status"),
    ]

    class Meta:
        verbose_name = _("record")
        verbose_name_plural = _("records")
        ordering = ["museum_id", "inventory_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["museum", "inventory_number"], name="musenor_notices_record_museum_inv"
            ),
            models.UniqueConstraint(
                fields=["museum", "slug"], name="musenor_notices_record_museum_slug"
            ),
            models.UniqueConstraint(
                fields=["ref"], condition=~Q(ref=""), name="musenor_notices_record_ref"
            ),
        ]
        indexes = [
            # The public filter and the listing's filters, each with the museum first.
            models.Index(
                fields=["live", "cleared_for_publication", "museum"],
                name="musenor_notices_rec_public",
            ),
            models.Index(fields=["museum", "has_image"], name="musenor_notices_rec_image"),
            models.Index(fields=["museum", "needs_review"], name="musenor_notices_rec_review"),
            models.Index(fields=["title"], name="musenor_notices_rec_title"),
        ]
        permissions = [
            ("edit_every_museum", "Can edit the records of every museum"),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        name = self.title or self.appellation
        if name:
            return Truncator(name).chars(120)
        return _("Inventory no. %(inv)s") % {"inv": self.inventory_number}

    def clean(self):
        super().clean()
        self.inventory_number = " ".join(self.inventory_number.split())
        if self.ref:
            self.ref = self.ref.strip().zfill(REF_LENGTH)
            if len(self.ref) != REF_LENGTH:
                raise ValidationError(
                    {"ref": _("A reference has %(n)d characters.") % {"n": REF_LENGTH}}
                )
        if self.loss_comment and not self.loss_status:
            raise ValidationError(
                {"loss_status": _("Say whether the object is missing, stolen or destroyed.")}
            )

    def save(self, *args, **kwargs):
        self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def unique_slug(self):
        base = record_slug(self.inventory_number)
        if self.slug and (self.slug == base or self.slug.startswith(base + "--")):
            return self.slug
        taken = set(
            Record.objects.filter(museum_id=self.museum_id, slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}--{n}"
        return slug

    @property
    def revisions(self):
        # Wagtail's history and compare views read revisions through this.
        return self._revisions

    def get_absolute_url(self):
        return reverse(
            "musenor_notices:record",
            kwargs={"museum_slug": self.museum.slug, "record_slug": self.slug},
        )

    @property
    def is_public(self):
        return self.live and self.cleared_for_publication

    # --- images, kept on the row

    def refresh_images(self):
        """Recompute ``has_image`` and ``primary_image`` from the saved photographs."""
        first = (
            RecordImage.objects.filter(record=self)
            .order_by("-is_primary", "sort_order", "pk")
            .values_list("image_id", flat=True)
            .first()
        )
        self.has_image, self.primary_image_id = first is not None, first
        Record.objects.filter(pk=self.pk).update(
            has_image=self.has_image, primary_image_id=self.primary_image_id
        )

    @staticmethod
    def refresh_needs_review(record_ids):
        """Clear ``needs_review`` on records no longer linked to an entry to review.

        Only records flagged for vocabulary reasons alone (an empty
        ``review_note``) are cleared: a note written by staff or by an import
        keeps the flag.
        """
        record_ids = list(record_ids)
        if not record_ids:
            return
        pending = Q()
        for vocabulary in VOCABULARIES:
            field = vocabulary.record_field()
            pending |= Q(**{f"{field.name}__status": TermStatus.TO_REVIEW})
        still = set(
            Record.objects.filter(pk__in=record_ids)
            .filter(pending)
            .values_list("pk", flat=True)
            .distinct()
        )
        Record.objects.filter(pk__in=set(record_ids) - still, review_note="").update(
            needs_review=False
        )

    # --- preview (PreviewableMixin)

    def get_preview_template(self, request, mode_name):
        return "musenor_notices/record_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(record=self, images=list(self.images.all()), related=[], preview=True)
        return context


class ImageLicence(models.TextChoices):
    ALL_RIGHTS = "all-rights", _("all rights reserved")
    CC_BY = "cc-by", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa", _("CC BY-SA 4.0")
    CC0 = "cc0", _("CC0 (public domain dedication)")
    PUBLIC_DOMAIN = "public-domain", _("public domain")


class RecordImage(Orderable):
    """A photograph of a record: a Wagtail image with the record's credit, copyright and licence."""

    record = ParentalKey(Record, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    is_primary = models.BooleanField(
        _("primary photograph"),
        default=False,
        help_text=_("Shown first and in lists. One per record."),
    )
    credit = models.CharField(
        _("credit (PHOT)"),
        max_length=255,
        blank=True,
        help_text=_("Photographer, e.g. “Photo J. Dupont”."),
    )
    copyright = models.CharField(_("copyright (COPY)"), max_length=255, blank=True)
    licence = models.CharField(
        _("licence"), max_length=20, choices=ImageLicence.choices, default=ImageLicence.ALL_RIGHTS
    )
    file_reference = models.CharField(
        _("file name (REFIM)"),
        max_length=255,
        blank=True,
        help_text=_("The name the museum gave the file, which an import matches."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("photograph")
        verbose_name_plural = _("photographs")

    def __str__(self):
        return self.file_reference or str(self.image)

    @property
    def credit_line(self):
        return " – ".join(part for part in (self.credit, self.copyright) if part)
