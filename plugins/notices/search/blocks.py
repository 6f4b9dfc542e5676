"""Records on any core page: the plugin's choices in the core's "plugin content" block.

Each :class:`~musenor.plugins.notices.models.RecordSelection` that staff create
in the admin is one choice, named ``notices_selection_<id>`` (a name that never
changes, as the hook's contract asks). The block shows the records picked by
hand, in their order, or else what the collection search finds for the
selection's query, at most the block's ``limit``, with a link to the whole
search.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

PREFIX = "notices_selection_"


class RecordSelectionBlock(blocks.StaticBlock):
    def __init__(self, selection_id=None, **kwargs):
        self.selection_id = selection_id
        super().__init__(**kwargs)

    class Meta:
        icon = "image"
        template = "musenor_notices/blocks/record_selection.html"
        admin_text = _("Records of the collections, chosen in “Selections of records”.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        limit = max(1, min(int(context.get("limit") or 6), 24))
        records, more_url = selection_records(self.selection_id, limit)
        context.update(records=records, more_url=more_url)
        return context


def selection_records(selection_id, limit):
    """``(records, url of the whole search or "")`` of one selection: public records only."""
    from ..models import Record, RecordSelection
    from .engine import CollectionSearch

    selection = RecordSelection.objects.filter(pk=selection_id).first()
    if selection is None:
        return [], ""
    picked = list(selection.items.order_by("sort_order").values_list("record_id", flat=True))
    if picked:
        found = (
            Record.objects.public()
            .filter(pk__in=picked[:limit])
            .select_related("museum", "primary_image")
            .prefetch_related("primary_image__renditions")
            .in_bulk()
        )
        return [found[pk] for pk in picked[:limit] if pk in found], ""
    filters = {"image": ["1"]} if selection.with_image_only else {}
    search = CollectionSearch(q=selection.query, filters=filters)
    params = {"q": search.parsed.reading} if search.parsed.node else {}
    if filters:
        params["image"] = "1"
    url = reverse("musenor_notices:search")
    return list(search.results[:limit]), f"{url}?{urlencode(params)}" if params else url


def embeddable_blocks():
    """``(name, block)`` for every selection: one query."""
    from ..models import RecordSelection

    return [
        (
            f"{PREFIX}{pk}",
            RecordSelectionBlock(pk, label=_("Records: %(name)s") % {"name": title}),
        )
        for pk, title in RecordSelection.objects.values_list("pk", "title")
    ]
