"""Print the matcher's proposal of Muséofile matches, to review against the table."""

import csv

from django.core.management.base import BaseCommand

from musenor.pages.museums.museofile import MATCH_FIELDS, MATCHES_CSV, propose_matches, read


class Command(BaseCommand):
    help = (
        "Propose matches between site/data/museums.csv and site/data/museofile-hdf.csv "
        "(CSV on standard output), and say how they differ from the reviewed table."
    )

    def handle(self, *args, **options):
        writer = csv.DictWriter(self.stdout, fieldnames=MATCH_FIELDS, lineterminator="\n")
        writer.writeheader()
        proposed = set()
        for ours, theirs, method in propose_matches():
            row = {
                "name": ours["name"],
                "city": ours["city"],
                "museofile_name": theirs["name"],
                "museofile_city": theirs["city"],
                "method": method,
            }
            proposed.add(tuple(row[key] for key in MATCH_FIELDS[:4]))
            writer.writerow(row)
        reviewed = {tuple(row[key] for key in MATCH_FIELDS[:4]) for row in read(MATCHES_CSV)}
        for key in sorted(reviewed - proposed):
            self.stderr.write(f"Reviewed but not proposed: {key[0]} ({key[1]}) = {key[2]}")
        for key in sorted(proposed - reviewed):
            self.stderr.write(f"Proposed but not in the reviewed table: {key[0]} ({key[1]})")
