"""Import a museum's inventory export (CSV or XLSX, photographs in a ZIP) into its records.

::

    python manage.py import_notices export.csv --museum musee-de-la-chartreuse-douai --dry-run
    python manage.py import_notices export.csv --museum 42 --photos photos.zip --user e@musee.fr
    python manage.py import_notices export.xlsx --museum 42 --report corrections.csv --email

The dry run reads and checks everything and writes nothing. Without
``--user`` the command acts as the operator (any museum); with it, the
records' permission policy decides, as in the admin.
"""

import os
import sys
import tempfile
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ...importer import ImportOptions, Report, run_import
from ...importer.access import can_import, email_report, find_museum
from ...importer.report import OUTCOMES, REJECTED


class Command(BaseCommand):
    help = "Import Joconde records from a CSV or XLSX file into one museum (dry run first)."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--museum", required=True, help="the museum's id or slug")
        parser.add_argument("--photos", help="a ZIP of photographs named as in REFIM")
        parser.add_argument("--dry-run", action="store_true", help="report only, write nothing")
        parser.add_argument("--encoding", help="utf-8, iso-8859-1 or windows-1252 (detected)")
        parser.add_argument("--delimiter", choices=[";", ","], help="detected from the header")
        parser.add_argument("--user", help="import as this user (e-mail): their rights apply")
        parser.add_argument(
            "--clear-for-publication",
            action="store_true",
            help="records created are cleared for publication (public)",
        )
        parser.add_argument("--report", help="write the rows to correct here (CSV)")
        parser.add_argument(
            "--email", action="store_true", help="e-mail the report to the museum's contact"
        )
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--no-index", action="store_true", help="leave the search index")
        parser.add_argument("--verbose-rows", action="store_true", help="print every row")

    def handle(self, *args, **options):
        try:
            museum = find_museum(options["museum"])
        except LookupError as error:
            raise CommandError(str(error)) from error
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(email__iexact=options["user"]).first()
            if user is None:
                raise CommandError(f"No user has the e-mail {options['user']}.")
            if not can_import(user, museum):
                raise CommandError(f"{user} may not import records into {museum.title}.")
        path = options["path"]
        if not os.path.exists(path):
            raise CommandError(f"No file at {path}.")
        import_options = ImportOptions(
            encoding=options["encoding"],
            delimiter=options["delimiter"],
            photos=options["photos"],
            dry_run=options["dry_run"],
            clear_for_publication=options["clear_for_publication"],
            batch_size=options["batch_size"],
            index=not options["no_index"],
        )
        size = os.path.getsize(path)
        bar = tqdm(
            total=size,
            unit="B",
            unit_scale=True,
            desc="dry run" if options["dry_run"] else "import",
            file=sys.stderr,
            disable=options["verbosity"] == 0,
        )
        last = [0]

        def progress(rows, position):
            if position is not None:
                bar.update(position - last[0])
                last[0] = position
            bar.set_postfix(rows=rows, refresh=False)

        started = time.perf_counter()
        # Every row's entry goes to a file, so the corrections cover the whole file.
        with tempfile.TemporaryDirectory(prefix="import-notices-") as folder:
            report = Report(path=os.path.join(folder, "report.jsonl"))
            run_import(museum, path, import_options, user=user, report=report, progress=progress)
            self._finish(report, bar, size, last, started, museum, path, options)
            report.close()

    def _finish(self, report, bar, size, last, started, museum, path, options):
        bar.update(size - last[0])
        bar.close()
        elapsed = time.perf_counter() - started
        self._print(report, options["verbose_rows"], elapsed)
        if options["report"]:
            with open(options["report"], "w", encoding="utf-8-sig", newline="") as handle:
                report.corrections_csv(handle)
            self.stdout.write(f"Rows to correct written to {options['report']}.")
        if options["email"]:
            sent = email_report(report, museum, os.path.basename(path))
            self.stdout.write(
                f"Report e-mailed to {museum.email}." if sent else "The museum has no e-mail."
            )

    def _print(self, report, every_row, elapsed):
        summary = report.summary()
        for message in summary["file_messages"]:
            self.stdout.write(self.style.WARNING(message))
        for entry in report.entries if every_row else []:
            self._row(entry)
        if not every_row:
            for entry in report.entries:
                if entry.outcome == REJECTED or entry.warnings:
                    self._row(entry)
        counts = summary["counts"]
        rows = sum(counts[k] for k in OUTCOMES)
        self.stdout.write(
            ", ".join(f"{counts[k]} {label}" for k, label in OUTCOMES.items())
            + f"; {counts['warnings']} with warnings, {counts['duplicates']} likely duplicates"
            + f" ({rows} rows in {elapsed:.1f} s)."
        )
        for code, labels in summary["review_terms"].items():
            self.stdout.write(f"To review in {code}: {', '.join(labels[:20])}")

    def _row(self, entry):
        text = f"line {entry.line} [{entry.inventory}] {OUTCOMES[entry.outcome]}"
        if entry.changes and entry.changes != ["*"]:
            text += f" ({', '.join(entry.changes)})"
        self.stdout.write(text)
        for message in entry.errors:
            self.stdout.write(self.style.ERROR(f"    {message}"))
        for message in entry.warnings:
            self.stdout.write(self.style.WARNING(f"    {message}"))
