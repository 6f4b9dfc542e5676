"""Write a seeded file of Joconde-shaped records for the museums of the directory.

::

    python manage.py generate_notices notices.csv --count 10000 --seed 1
    python manage.py generate_notices notices.csv --encoding iso-8859-1 --photos photos.zip
    python manage.py generate_notices notices.xlsx --count 1000
    python manage.py generate_notices big.csv --size-mb 300

The same seed writes the same file. The records are spread over the museums of
the directory (``--museum`` for one), with the share of dirty values an
export really has (see ``musenor.plugins.notices.generator``).
"""

import itertools
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...generator import GeneratorOptions, generate_records, write_csv, write_photos_zip, write_xlsx
from ...importer.access import find_museum, museum_refs


class Command(BaseCommand):
    help = "Write a seeded CSV or XLSX file of Joconde records (and a ZIP of their photographs)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file to write: .csv or .xlsx")
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument(
            "--size-mb", type=int, help="write records until the file reaches this size instead"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--museum", help="one museum (id or slug) instead of the directory")
        parser.add_argument("--delimiter", default=";", choices=[";", ","])
        parser.add_argument(
            "--encoding", default="utf-8", choices=["utf-8", "iso-8859-1", "windows-1252"]
        )
        parser.add_argument("--photos", help="also write a ZIP of generated photographs here")
        parser.add_argument("--clean", action="store_true", help="no dirty values at all")

    def handle(
        self,
        *args,
        path,
        count,
        size_mb,
        seed,
        museum,
        delimiter,
        encoding,
        photos,
        clean,
        **options,
    ):
        if museum:
            try:
                one = find_museum(museum)
            except LookupError as error:
                raise CommandError(str(error)) from error
            museums = [museum_ref for museum_ref in museum_refs() if museum_ref.pk == one.pk]
        else:
            museums = museum_refs()
        if not museums:
            raise CommandError(
                "The directory has no museum: load it first (python manage.py load_demo)."
            )
        generator_options = (
            GeneratorOptions(variants=0, mojibake=0, missing=0, unknown=0) if clean else None
        )
        target = Path(path)
        if size_mb:
            rows = generate_records(10**9, museums, seed=seed, options=generator_options)
            rows = _until_size(rows, target, size_mb * 10**6)
        else:
            rows = generate_records(count, museums, seed=seed, options=generator_options)
        if target.suffix.lower() == ".xlsx":
            written = write_xlsx(target, rows)
        else:
            written = write_csv(target, rows, delimiter=delimiter, encoding=encoding)
        self.stdout.write(
            f"{written} records written to {target} ({os.path.getsize(target):,} bytes)."
        )
        if photos:
            again = generate_records(written, museums, seed=seed, options=generator_options)
            images = write_photos_zip(photos, again)
            self.stdout.write(f"{images} photographs written to {photos}.")


def _until_size(rows, target, size):
    """Stop when the file being written has reached ``size`` bytes (checked every 1,000 rows)."""
    for index in itertools.count():
        if index % 1000 == 0 and target.exists() and target.stat().st_size >= size:
            return
        yield next(rows)
