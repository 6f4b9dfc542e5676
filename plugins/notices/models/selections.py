"""Selections of records that editors place on the core's pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import (
    Orderable,
)

from .records import Record


class RecordSelection(ClusterableModel):
    """A selection of records that editors place on any core page.

    Through the core's "plugin content" block: each selection is one of its
    choices, "Records: <title>" (plugins/notices/search/blocks.py). Records
    picked by hand are shown in their order; with none picked, the block shows
    what the collection search finds for ``query``. Only public records show.
    """

    title = models.CharField(
        _("name"),
        max_length=120,
        help_text=_(
            "How editors find it in the plugin content block; visitors see the block's heading."
        ),
    )
    query = models.CharField(
        _("search"),
        max_length=300,
        blank=True,
        help_text=_(
            "Used when no record is picked by hand: a search in the collection search's syntax, "
            "e.g. (“sport”) AND (beaux-arts [Domaine])."
        ),
    )
    with_image_only = models.BooleanField(
        _("only records with a photograph"), default=True, help_text=_("For a search.")
    )

    class Meta:
        verbose_name = _("selection of records")
        verbose_name_plural = _("selections of records")
        ordering = ["title"]

    def __str__(self):
        return self.title


class RecordSelectionItem(Orderable):
    selection = ParentalKey(RecordSelection, on_delete=models.CASCADE, related_name="items")
    record = models.ForeignKey(
        Record, verbose_name=_("record"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("record picked by hand")
        verbose_name_plural = _("records picked by hand")
