"""The plugin's part of the site search (``search_providers`` hook): public records."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from musenor.search.providers import SearchHit

from .engine import CollectionSearch


class RecordSearchProvider:
    """Records in the site search, read with the collection search's own language.

    The site search hands over the visitor's cleaned text; the same text on the
    collection search page gives the same records and the same count, so its
    "all results" link leads to exactly what was counted.
    """

    name = "notices"
    label = _("Collections")

    def search(self, query, request, limit):
        records = CollectionSearch(q=query).results[:limit]
        return [self.to_hit(record) for record in records]

    def count(self, query, request):
        return CollectionSearch(q=query).results.count()

    def results_url(self, query):
        return f"{reverse('musenor_notices:search')}?{urlencode({'q': query})}"

    def to_hit(self, record):
        authors = ", ".join(author.label for author in record.authors.all())
        summary = " · ".join(
            part
            for part in (
                authors,
                record.museum.title,
                str(_("Inventory no. %(inv)s") % {"inv": record.inventory_number}),
            )
            if part
        )
        return SearchHit(
            title=str(record.display_title),
            url=record.get_absolute_url(),
            summary=summary,
            kind=str(_("Object record")),
        )
