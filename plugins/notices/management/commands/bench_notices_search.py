"""Time the collection search: median and p95 of typical searches (docs/notices-search.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection


class Command(BaseCommand):
    help = (
        "Seed records in bulk (inventory numbers BENCH.*) up to --records, index them, then time "
        "typical collection searches with two facets selected: median and p95 in milliseconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=100_000, help="Seeded records wanted.")
        parser.add_argument("--repeat", type=int, default=20, help="Timed runs of each search.")
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument(
            "--delete", action="store_true", help="Remove the seeded records and stop."
        )

    def handle(self, *args, records, repeat, seed, delete, **options):
        from musenor.plugins.notices.models import Record
        from musenor.plugins.notices.search import benchmark

        if delete:
            self.stdout.write(f"Deleted {benchmark.delete_records():,} seeded records.")
            return
        museums = list(Record._meta.get_field("museum").related_model.objects.live())
        if not museums:
            raise CommandError("No museum in the directory: run manage.py load_demo first.")
        have = Record.objects.filter(inventory_number__startswith=benchmark.PREFIX).count()
        if have < records:
            self.stdout.write(f"Seeding {records - have:,} records across {len(museums)} museums…")
            ids = benchmark.seed_records(
                records - have, museums, seed=seed + have, stdout=self.stdout
            )
            count, seconds = benchmark.index(ids)
            self.stdout.write(
                f"Indexed {count:,} records in {seconds:.1f} s ({count / seconds:,.0f} records/s)."
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # VACUUM too: the facet counts read the public records from an index only.
                cursor.execute("VACUUM ANALYZE")
        total = Record.objects.count()
        public = Record.objects.public().count()
        self.stdout.write(
            f"{connection.vendor}, {total:,} records ({public:,} public), "
            f"backend {benchmark.CollectionSearch().backend.__class__.__module__}, "
            f"{repeat} runs per search (page of {benchmark.PER_PAGE}, count, "
            f"{benchmark.facet_count()} facets):"
        )
        rows, (median, p95) = benchmark.time_cases(repeat)
        width = max(len(case.label) for case, *_ in rows)
        self.stdout.write(
            f"  {'search':<{width}}  {'results':>8}  {'queries':>7}  {'median':>8}  {'p95':>8}"
        )
        for case, found, case_median, case_p95 in rows:
            self.stdout.write(
                f"  {case.label:<{width}}  {found:>8,}  {benchmark.query_count(case):>7}  "
                f"{case_median:>6.1f}ms  {case_p95:>6.1f}ms"
            )
        self.stdout.write(
            f"  {'all searches':<{width}}  {'':>8}  {'':>7}  {median:>6.1f}ms  {p95:>6.1f}ms"
        )
