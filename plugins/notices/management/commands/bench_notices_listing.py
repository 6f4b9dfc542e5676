"""Time the records' admin listing at scale: median, p95 and queries per page (docs/notices.md)."""

import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

PREFIX = "LISTBENCH."


class Command(BaseCommand):
    help = (
        "Seed records in bulk (inventory numbers LISTBENCH.*) up to --records, then time the "
        "Wagtail admin's records listing, unfiltered and with each filter, as staff and as a "
        "museum's editor."
    )

    def add_arguments(self, parser):
        parser.add_argument("--records", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=10)
        parser.add_argument("--delete", action="store_true", help="Remove the seeded records.")

    def handle(self, *args, records, repeat, delete, **options):
        from musenor.plugins.notices.models import Domain, LegalStatus, Record

        if delete:
            deleted, _ = Record.objects.filter(inventory_number__startswith=PREFIX).delete()
            self.stdout.write(f"Deleted {deleted:,} rows.")
            return
        museums = list(Record._meta.get_field("museum").related_model.objects.order_by("path"))
        if not museums:
            raise CommandError("No museum in the directory: run manage.py load_demo first.")
        have = Record.objects.filter(inventory_number__startswith=PREFIX).count()
        if have < records:
            started = time.perf_counter()
            self.seed(records - have, have, museums, list(Domain.objects.all()), LegalStatus)
            self.stdout.write(
                f"Seeded {records - have:,} records in {time.perf_counter() - started:.1f} s."
            )
        total = Record.objects.count()
        staff, editor = self.users(museums[0])
        domain = Domain.objects.order_by("pk").first()
        cases = [
            ("unfiltered", {}),
            ("museum", {"museum": museums[0].pk}),
            ("domain", {"domains": domain.pk}),
            ("has image", {"has_image": "true"}),
            ("needs review", {"needs_review": "true"}),
            ("published", {"live": "true"}),
            (
                "museum + domain + needs review",
                {"museum": museums[0].pk, "domains": domain.pk, "needs_review": "true"},
            ),
            ("search “portrait”", {"q": "portrait"}),
            ("page 50", {"p": 50}),
        ]
        self.stdout.write(f"{total:,} records; {connection.vendor}; {repeat} runs each.")
        self.stdout.write(
            f"{'as':<8} {'listing':<34} {'median ms':>10} {'p95 ms':>8} {'queries':>8}"
        )
        try:
            for who, user in (("staff", staff), ("editor", editor)):
                client = Client(HTTP_HOST="localhost")
                client.force_login(user)
                for label, query in cases:
                    self.time_case(client, who, label, query, repeat)
        finally:
            staff.delete()
            editor.delete()

    def time_case(self, client, who, label, query, repeat):
        url = reverse("notices_records:list")
        client.get(url, query)  # warm the caches of the first request
        timings = []
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, query)
        if response.status_code != 200:
            raise CommandError(f"{label}: the listing answered {response.status_code}.")
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(url, query)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        self.stdout.write(
            f"{who:<8} {label:<34} {statistics.median(timings):>10.0f} {p95:>8.0f} "
            f"{len(queries.captured_queries):>8}"
        )

    def users(self, museum):
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        User = get_user_model()
        User.objects.filter(email__endswith="@listbench.invalid").delete()
        staff = User.objects.create_superuser(email="staff@listbench.invalid", password=None)
        editor = User.objects.create_user(email="editor@listbench.invalid", password=None)
        group = Group.objects.filter(name__endswith=museum.title).first()
        if group is not None:
            editor.groups.add(group)
        return staff, editor

    @transaction.atomic
    def seed(self, count, start, museums, domains, LegalStatus):
        from musenor.plugins.notices.models import Record

        rng = random.Random(start)  # noqa: S311 - benchmark data
        status = LegalStatus.objects.order_by("pk").first()
        weights = [1 / (rank + 1) ** 0.8 for rank in range(len(museums))]
        words = ["Portrait", "Paysage", "Vase", "Statuette", "Fibule", "Assiette", "Coiffe"]
        batch = 5000
        for first in range(start, start + count, batch):
            rows = []
            for n in range(first, min(first + batch, start + count)):
                museum = rng.choices(museums, weights)[0]
                rows.append(
                    Record(
                        museum=museum,
                        inventory_number=f"{PREFIX}{n}",
                        slug=f"listbench-{n}",
                        legal_status=status,
                        title=f"{rng.choice(words)} {n}",
                        live=rng.random() < 0.9,
                        cleared_for_publication=rng.random() < 0.8,
                        has_image=rng.random() < 0.6,
                        needs_review=rng.random() < 0.05,
                    )
                )
            made = Record.objects.bulk_create(rows)
            through = Record.domains.through
            through.objects.bulk_create(
                [through(record_id=r.pk, domain_id=rng.choice(domains).pk) for r in made]
            )
