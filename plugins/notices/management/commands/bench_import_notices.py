"""Benchmark the import: records per second and peak memory, on the configured database.

Run it on a scratch database that has the museum directory (``load_demo``)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/musenor_bench \\
        nice -n 10 python manage.py bench_import_notices --count 65000
    python manage.py bench_import_notices --size-mb 300 --dry-run   # memory on a 300 MB file

A seeded file is generated first (not timed), then imported into one museum
(search index, revisions and history included); ``--again`` imports it a
second time (every row unchanged). Peak memory is the process's maximum
resident set size, read before the import and after it: the difference is
what the import cost, whatever the size of the file.
"""

import os
import resource
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ...generator import MuseumRef, generate_records, write_csv
from ...importer import ImportOptions, run_import
from ...importer.access import find_museum, museum_refs


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Measure the import's speed (records/s) and peak memory on a generated file."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=65000)
        parser.add_argument("--size-mb", type=int, help="generate a file of this size instead")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--museum", help="id or slug (default: the directory's first)")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--again", action="store_true", help="import the same file twice")
        parser.add_argument("--no-index", action="store_true")
        parser.add_argument("--encoding", default="iso-8859-1")
        parser.add_argument("--file", help="keep the generated file here")

    def handle(self, *args, **options):
        museum = find_museum(options["museum"]) if options["museum"] else None
        if museum is None:
            refs = museum_refs(limit=1)
            if not refs:
                raise CommandError("Load the museum directory first (manage.py load_demo).")
            museum = find_museum(refs[0].pk)
        ref = MuseumRef(name=museum.title, pk=museum.pk)
        folder = tempfile.mkdtemp(prefix="bench-import-")
        path = Path(options["file"] or os.path.join(folder, "notices.csv"))
        if options["size_mb"]:
            from .generate_notices import _until_size

            rows = _until_size(
                generate_records(10**9, [ref], seed=options["seed"]),
                path,
                options["size_mb"] * 10**6,
            )
        else:
            rows = generate_records(options["count"], [ref], seed=options["seed"])
        written = write_csv(path, rows, encoding=options["encoding"])
        size = path.stat().st_size
        self.stdout.write(
            f"{written:,} records generated: {path} ({size / 10**6:.1f} MB), "
            f"database {connection.vendor}, museum {museum.title}."
        )
        import_options = ImportOptions(dry_run=options["dry_run"], index=not options["no_index"])
        runs = 2 if options["again"] else 1
        for run in range(runs):
            before = peak_rss_mb()
            started, cpu = time.perf_counter(), time.process_time()
            report = run_import(museum, path, import_options)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            counts = report.summary()["counts"]
            rows_done = sum(counts[k] for k in ("created", "updated", "unchanged", "rejected"))
            self.stdout.write(
                f"{'second ' if run else ''}{'dry run' if options['dry_run'] else 'import'}: "
                f"{rows_done:,} rows in {elapsed:.1f} s = {rows_done / elapsed:,.0f} records/s "
                f"(CPU {cpu:.1f} s = {rows_done / cpu:,.0f} records/s of CPU); "
                f"created {counts['created']:,}, updated {counts['updated']:,}, "
                f"unchanged {counts['unchanged']:,}, rejected {counts['rejected']:,}; "
                f"peak memory {peak_rss_mb():.0f} MB (before the import {before:.0f} MB)."
            )
        if not options["file"]:
            path.unlink()
            os.rmdir(folder)
