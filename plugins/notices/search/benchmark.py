"""The collection search benchmark: seed records in bulk, index them, time typical searches.

Run by ``manage.py bench_notices_search`` (docs/notices-search.md). Each timed
search does what the search page does before rendering: the page of 24
results (with their museum, authors, domains and images), the total count and
the seven facets' counts. Seeded records have inventory numbers starting
with ``BENCH.`` and are removed with ``--delete``.
"""

import random
import statistics
import time
from dataclasses import dataclass

from django.db import connection, transaction

from ..models import (
    Author,
    Denomination,
    Domain,
    LegalStatus,
    Period,
    Record,
    Technique,
    term_key,
)
from .engine import FACETS, CollectionSearch
from .indexing import index_records

PREFIX = "BENCH."
PER_PAGE = 24

_SUBJECTS = [
    "Portrait de {person}",
    "Portrait d'homme",
    "Portrait de femme au chapeau",
    "Paysage de {place}",
    "Paysage à la rivière",
    "Vue de {place}",
    "Nature morte aux fruits",
    "Nature morte au gibier",
    "Scène de bataille",
    "Scène de genre : {activity}",
    "Les joueurs de {game}",
    "Vase à décor de {motif}",
    "Assiette à décor de {motif}",
    "Plat aux armes de {place}",
    "Statuette de {person}",
    "Buste de {person}",
    "Affiche : {activity}",
    "Étude pour {activity}",
    "Fibule",
    "Monnaie de {person}",
    "Carnet de croquis",
    "Coiffe de {place}",
]
_PERSONS = ["Napoléon", "saint Jean", "la Vierge", "jeune fille", "vieillard", "Diane", "Hercule"]
_PLACES = [
    "Lille",
    "Amiens",
    "Arras",
    "Boulogne",
    "Calais",
    "Beauvais",
    "Laon",
    "Douai",
    "Dunkerque",
]
_ACTIVITIES = [
    "la moisson",
    "la pêche",
    "le marché",
    "le sport",
    "la fête",
    "la guerre",
    "la danse",
]
_GAMES = ["cartes", "boules", "football", "tir à l'arc", "javelot"]
_MOTIFS = ["fleurs", "oiseaux", "rinceaux", "chinoiseries", "paysage", "blason"]
_DESCRIPTIONS = [
    "Huile sur toile signée en bas à droite.",
    "Décor peint en bleu de grand feu, bord filé.",
    "Épreuve sur papier, marges rognées.",
    "Trouvé lors des fouilles de la nécropole.",
    "Don de la famille, entré au musée après la Grande Guerre.",
    "Étude préparatoire pour un tableau du Salon.",
    "",
]
_FIRST = ["Jean", "Pierre", "Marie", "Louis", "Jeanne", "Henri", "Camille", "Émile", "Paul", "Rose"]
_LAST = [
    "Dupont",
    "Lefebvre",
    "Leroy",
    "Delattre",
    "Vasseur",
    "Carpentier",
    "Duhamel",
    "Lemaire",
    "Caron",
    "Dufour",
    "Lecomte",
    "Fontaine",
    "Delannoy",
    "Boulanger",
    "Deleplanque",
]


def _pick(rng, pool, low, high):
    return rng.sample(pool, min(len(pool), rng.randint(low, high)))


def seed_records(count, museums, *, seed=8, batch=2000, stdout=None):
    """Create ``count`` public-looking records across ``museums`` with bulk inserts.

    Uses the seeded vocabularies, plus generated author names so that the
    author facet has the thousands of values a real base has. Returns the ids.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
    # About 3,000 authors, as in a real base (the seed holds a dozen).
    labels = [
        f"{last} {first} {initial}."
        for last in _LAST
        for first in _FIRST
        for initial in "ABCDEFGHIJKLMNOPRST"
    ]
    known = set(Author.objects.values_list("key", flat=True))
    Author.objects.bulk_create(
        [
            Author(label=label, key=term_key(label))
            for label in labels
            if term_key(label) not in known
        ]
    )
    authors = list(Author.objects.all())
    pools = {
        "domains": list(Domain.objects.all()),
        "denominations": list(Denomination.objects.all()),
        "periods": list(Period.objects.all()),
        "techniques": list(Technique.objects.all()),
    }
    statuses = list(LegalStatus.objects.all())
    start = Record.objects.filter(inventory_number__startswith=PREFIX).count()
    ids = []
    for offset in range(0, count, batch):
        records, links = [], []
        for n in range(start + offset, start + min(offset + batch, count)):
            title = rng.choice(_SUBJECTS).format(
                person=rng.choice(_PERSONS),
                place=rng.choice(_PLACES),
                activity=rng.choice(_ACTIVITIES),
                game=rng.choice(_GAMES),
                motif=rng.choice(_MOTIFS),
            )
            records.append(
                Record(
                    museum=rng.choice(museums),
                    inventory_number=f"{PREFIX}{n}",
                    slug=f"bench-{n}",
                    museo="M0000",
                    legal_status=rng.choice(statuses),
                    title=title,
                    description=rng.choice(_DESCRIPTIONS),
                    creation_years=str(rng.randint(1500, 1950)),
                    live=True,
                    cleared_for_publication=rng.random() < 0.92,
                    has_image=rng.random() < 0.6,
                )
            )
            links.append(
                {
                    "domains": _pick(rng, pools["domains"], 1, 2),
                    "denominations": _pick(rng, pools["denominations"], 0, 1),
                    "periods": _pick(rng, pools["periods"], 1, 1),
                    "techniques": _pick(rng, pools["techniques"], 1, 2),
                    "authors": _pick(rng, authors, 0, 2),
                }
            )
        with transaction.atomic():
            Record.objects.bulk_create(records)
            for relation in links[0]:
                field = Record._meta.get_field(relation)
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                through.objects.bulk_create(
                    [
                        through(**{f"{source}_id": record.pk, f"{target}_id": term.pk})
                        for record, link in zip(records, links, strict=True)
                        for term in link[relation]
                    ]
                )
        ids += [record.pk for record in records]
        if stdout:
            stdout.write(f"  {len(ids):,} records written")
    return ids


@dataclass
class Case:
    label: str
    q: str
    #: ``{facet key: callable(rng) -> [ids]}`` resolved once before timing.
    filters: dict


def _most_common(relation):
    """The id of the vocabulary entry (or museum) with the most records: a realistic facet pick."""
    if relation == "museum":
        row = Record.objects.values("museum_id").order_by().annotate(n=_count()).order_by("-n")[0]
        return row["museum_id"]
    field = Record._meta.get_field(relation)
    through = field.remote_field.through
    target = field.m2m_reverse_field_name() + "_id"
    return through.objects.values(target).annotate(n=_count()).order_by("-n")[0][target]


def _count():
    from django.db.models import Count

    return Count("*")


def _by_label(model, label):
    return model.objects.get(key=term_key(label)).pk


def cases():
    """Typical searches: one to three words (or the boolean syntax) with two facets selected."""
    return [
        Case("portrait + domain + museum", "portrait", {
            "domain": [_by_label(Domain, "peinture")], "museum": [_most_common("museum")]}),
        Case("paysage rivière + period + technique", "paysage rivière", {
            "period": [_most_common("periods")], "technique": [_most_common("techniques")]}),
        Case("vase décor fleurs + domain + photo", "vase décor fleurs", {
            "domain": [_by_label(Domain, "céramique")], "image": ["1"]}),
        Case('"nature morte" + domain + period', '"nature morte"', {
            "domain": [_by_label(Domain, "peinture")], "period": [_most_common("periods")]}),
        Case("boolean with [Domaine] + museum + photo", "(sport) AND (peinture [Domaine])", {
            "museum": [_most_common("museum")], "image": ["1"]}),
        Case("no words, two facets", "", {
            "domain": [_by_label(Domain, "dessin")], "technique": [_most_common("techniques")]}),
    ]  # fmt: skip


def run_search(case):
    """What the search page computes: a page of results, the count, every facet."""
    search = CollectionSearch(q=case.q, filters=case.filters)
    facets = search.facets()
    page = list(search.results[:PER_PAGE])
    return search.total, page, facets


def time_cases(repeat=20, stdout=None):
    """``[(case, total, median ms, p95 ms)]``; the first run of each case is a warm-up."""
    rows = []
    every = []
    for case in cases():
        total, _page, _facets = run_search(case)
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            run_search(case)
            timings.append((time.perf_counter() - started) * 1000)
        every += timings
        rows.append((case, total, statistics.median(timings), _p95(timings)))
    return rows, (statistics.median(every), _p95(every))


def _p95(values):
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def query_count(case):
    """Queries of one search (the number is the same whatever the database holds)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        run_search(case)
    return len(captured)


def facet_count():
    return len(FACETS)


def delete_records():
    """Remove the seeded records and their index entries; returns how many."""
    from .indexing import unindex_records

    records = Record.objects.filter(inventory_number__startswith=PREFIX)
    ids = list(records.values_list("pk", flat=True))
    records.delete()
    unindex_records(ids)
    return len(ids)


def index(ids):
    started = time.perf_counter()
    count = index_records(ids)
    return count, time.perf_counter() - started
