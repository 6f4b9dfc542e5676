"""The collection search on the real backend of the test run (SQLite FTS5 or PostgreSQL)."""

import pytest

from musenor.plugins.notices.search.engine import CollectionSearch

pytestmark = pytest.mark.django_db


def found(collection, q="", **kwargs):
    by_pk = {r.pk: key for key, r in collection["records"].items()}
    return {by_pk[r.pk] for r in CollectionSearch(q=q, **kwargs).results}


def test_only_public_records_are_found(collection):
    assert found(collection) == {
        "sport-bxa",
        "sport-sculpt",
        "paysage",
        "grande-guerre",
        "guerre-grande",
    }
    assert found(collection, "sport") == {"sport-bxa", "sport-sculpt"}


def test_the_example_of_the_former_portal(collection):
    assert found(collection, '("sport") AND (beaux-arts [Domaine])') == {"sport-bxa"}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("sport OR paysage", {"sport-bxa", "sport-sculpt", "paysage"}),
        ("sport NOT bronze [Technique]", {"sport-bxa"}),
        ("sport -discobole", {"sport-bxa"}),
        ('"grande guerre"', {"grande-guerre"}),
        ("grande guerre", {"grande-guerre", "guerre-grande"}),
        ('-"grande guerre" [Titre] guerre', {"guerre-grande"}),
        ("huile sur toile [Technique]", {"sport-bxa", "paysage"}),
        ("huile [TECH] OR statuette [Dénomination]", {"sport-bxa", "paysage", "sport-sculpt"}),
        ("corot [Auteur] paysage", {"paysage"}),
        ("Arras [Musée]", {"sport-sculpt", "grande-guerre", "guerre-grande"}),
        ("(sport OR guerre) AND Arras [Musée]", {"sport-sculpt", "grande-guerre", "guerre-grande"}),
        ("NOT dessin [Domaine]", {"sport-bxa", "sport-sculpt", "paysage"}),
        ("siecle [Période] lutteurs", {"sport-bxa"}),
        ("D.1 [Inventaire]", {"grande-guerre"}),
        ("nothingatall", set()),
        ("sport AND (", {"sport-bxa", "sport-sculpt"}),
    ],
)
def test_boolean_queries(collection, q, expected):
    assert found(collection, q) == expected


def test_filters_and_facets(collection):
    terms, museums = collection["terms"], collection["museums"]
    search = CollectionSearch(q="sport", filters={"domain": [terms["peinture"].pk]})
    assert {r.pk for r in search.results} == {collection["records"]["sport-bxa"].pk}
    facets = {f.key: f for f in search.facets()}
    # The domain facet ignores its own filter: "sculpture" is still offered, with its count.
    domains = {v.label: (v.count, v.selected) for v in facets["domain"].values}
    assert domains == {"beaux-arts": (1, False), "peinture": (1, True), "sculpture": (1, False)}
    assert {v.label: v.count for v in facets["museum"].values} == {museums["lille"].title: 1}
    assert [(v.count, v.selected) for v in facets["image"].values] == [(0, False)]
    # Two values of one facet are alternatives; two facets both apply.
    search = CollectionSearch(
        filters={
            "domain": [terms["peinture"].pk, terms["dessin"].pk],
            "museum": [museums["arras"].pk],
        }
    )
    assert {r.title for r in search.results} == {"Soldats de la Grande Guerre", "La guerre"}


def test_sorting(collection):
    titles = [r.title for r in CollectionSearch(sort="title").results]
    assert titles == sorted(titles)
    assert CollectionSearch(q="sport").sort == "relevance"
    assert CollectionSearch().sort == "title"
    inventories = [r.inventory_number for r in CollectionSearch(sort="inventory").results]
    assert inventories == sorted(inventories)
