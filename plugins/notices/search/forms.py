"""What the collection search reads from the address: the query, the filters, the sort."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .engine import FACETS, SORTS
from .query import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    """Never invalid in a way that stops a search: bad values are dropped, not reported."""

    q = forms.CharField(label=_("Search the collections"), required=False)
    sort = forms.ChoiceField(
        label=pgettext_lazy("collection search", "Sort by"),
        required=False,
        choices=[(s.key, s.label) for s in SORTS],
    )

    #: Selected values of one facet, at most this many.
    MAX_VALUES = 20

    def filters(self):
        """``{facet key: [ids]}`` from the address; anything else is ignored."""
        found = {}
        for facet in FACETS:
            raw = self.data.getlist(facet.key) if hasattr(self.data, "getlist") else []
            if facet.relation is None:
                values = ["1"] if "1" in raw else []
            else:
                values = sorted({int(v) for v in raw if v.isdigit() and len(v) < 10})
            if values:
                found[facet.key] = values[: self.MAX_VALUES]
        return found

    def query_text(self):
        # The parser cleans it; this only keeps the address from carrying a novel.
        return str(self.data.get("q", ""))[: MAX_QUERY_LENGTH * 4]

    def sort_key(self):
        sort = self.data.get("sort", "")
        return sort if sort in {s.key for s in SORTS} else ""
