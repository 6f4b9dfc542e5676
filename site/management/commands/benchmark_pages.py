"""Print the server time and SQL query count of one page of every page type.

Run it on a database with the demo content (``manage.py load_demo``)::

    python manage.py benchmark_pages --repeat 20

Each page is rendered through Django's test client (the whole middleware
stack, no network); the time is the median of the repeats after one warm-up
request, and the query count that of the last request.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, get_page_models


class Command(BaseCommand):
    help = "Measure the server time and query count of one page of each page type."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20)
        parser.add_argument("--language", default="fr")

    def handle(self, *args, repeat, language, **options):
        client = Client(HTTP_HOST="localhost")
        rows = []
        for model in get_page_models():
            if not model._meta.app_label.startswith("musenor_"):
                continue
            page = (
                model.objects.live()
                .public()
                .filter(locale__language_code=language)
                .order_by("path")
                .first()
            )
            if page is None:
                continue
            url = page.get_url()
            client.get(url)  # warm-up: per-process caches, renditions
            timings = []
            for _ in range(repeat):
                # Each request empties the query log; start from an empty one so
                # that the capture's slice of the log is the whole request.
                reset_queries()
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
            rows.append(
                (
                    model.__name__,
                    url,
                    response.status_code,
                    len(queries),
                    statistics.median(timings),
                )
            )
        width = max(len(row[0]) for row in rows) if rows else 10
        self.stdout.write(f"{'page type':<{width}}  status  queries  median ms  url")
        for name, url, status, count, median in rows:
            self.stdout.write(f"{name:<{width}}  {status:>6}  {count:>7}  {median:>9.1f}  {url}")
        self.stdout.write(f"({repeat} requests each, {Page.objects.live().count()} live pages)")
