"""All facet counts in one query, equal to counting each facet over its own results."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from musenor.plugins.notices.search.engine import FACETS, CollectionSearch

pytestmark = pytest.mark.django_db


def counted_one_by_one(q, filters, facet):
    """What a facet must show: the results without the facet's own filter, counted in Python."""
    others = {key: values for key, values in filters.items() if key != facet.key}
    records = list(CollectionSearch(q=q, filters=others).results)
    if facet.relation is None:
        return {"1": sum(1 for record in records if record.has_image)}
    if facet.relation == "museum":
        return dict(Counter(str(record.museum_id) for record in records))
    return dict(
        Counter(
            str(pk)
            for record in records
            for pk in getattr(record, facet.relation).values_list("pk", flat=True)
        )
    )


def searches(collection):
    terms, museums = collection["terms"], collection["museums"]
    return [
        ("", {}),
        ("sport", {}),
        ("sport", {"domain": [terms["peinture"].pk]}),
        ("", {"domain": [terms["peinture"].pk, terms["dessin"].pk]}),
        ("", {"domain": [terms["dessin"].pk], "museum": [museums["arras"].pk]}),
        ("guerre", {"museum": [museums["arras"].pk], "image": ["1"]}),
        ("huile sur toile [Technique]", {"author": [terms["corot"].pk]}),
        ('"grande guerre" OR paysage', {"technique": [terms["huile"].pk]}),
    ]


@pytest.mark.parametrize("number", range(8))
def test_each_facet_counts_the_results_of_the_other_filters(collection, number):
    q, filters = searches(collection)[number]
    search = CollectionSearch(q=q, filters=filters)
    with CaptureQueriesContext(connection) as captured:
        facets = {facet.key: facet for facet in search.facets()}
    # Every facet and the total in one query; one more names the selected values
    # that no result has any more (their count is 0), so they can be unselected.
    unmatched = any(v.selected and not v.count for f in facets.values() for v in f.values)
    assert len(captured) == (2 if unmatched else 1)
    assert search.total == len(list(search.results))
    for facet in FACETS:
        shown = {v.value: v.count for v in facets[facet.key].values if v.count}
        expected = counted_one_by_one(q, filters, facet)
        if facet.relation is None:
            expected = {k: n for k, n in expected.items() if n}
        assert shown == expected, facet.key
        assert [v.count for v in facets[facet.key].values if v.count] == sorted(
            shown.values(), reverse=True
        )
        selected = {str(v) for v in filters.get(facet.key, [])}
        assert {v.value for v in facets[facet.key].values if v.selected} == selected


def test_a_facet_lists_its_most_frequent_values_first(collection):
    facets = {facet.key: facet for facet in CollectionSearch().facets()}
    domains = [(v.label, v.count) for v in facets["domain"].values]
    # peinture and dessin have two public records each, then one each, by label.
    assert domains == [("dessin", 2), ("peinture", 2), ("beaux-arts", 1), ("sculpture", 1)]
