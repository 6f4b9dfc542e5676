"""Exhibitions and network operations: query counts do not grow with content.

Each page type is rendered with little content and with much more (more
exhibitions, museums, images, tags, resources); the number of queries must be
the same, and under a fixed ceiling.
"""

from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file

from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.museums.factories import make_museum
from musenor.pages.operations.factories import make_operation, make_operation_index
from musenor.pages.operations.models import OperationResource
from musenor.site.models import PortalImage

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def image(n):
    return PortalImage.objects.create(
        title=f"Affiche {n}",
        description=f"L'affiche de l'exposition {n}",
        file=get_test_image_file(size=(40, 30)),
    )


@pytest.fixture
def world(home, directory):
    museums = [
        make_museum(directory, title=f"Musée {n}", department=["59", "62", "80"][n % 3])
        for n in range(4)
    ]
    operation = make_operation(make_operation_index(home), title="MuséoSciences")
    return {
        "museums": museums,
        "operation": operation,
        "index": make_exhibition_index(home),
        "operations": operation.get_parent().specific,
    }


def add_exhibitions(world, count, start=0):
    """``count`` exhibitions of each status, with museums, an image and tags."""
    today = timezone.localdate()
    museums = world["museums"]
    for n in range(start, start + count):
        common = {
            "museums": [museums[n % 4], museums[(n + 1) % 4]],
            "operation": world["operation"],
            "image": image(n),
            "tags": [f"thème {n}", "sciences"],
        }
        make_exhibition(
            world["index"],
            title=f"En cours {n}",
            start_date=today - timedelta(days=n + 1),
            end_date=today + timedelta(days=n + 1),
            **common,
        )
        make_exhibition(
            world["index"], title=f"À venir {n}", start_date=today + timedelta(days=n + 2), **common
        )
        make_exhibition(
            world["index"],
            title=f"Passée {n}",
            start_date=date(2019, 1, 1),
            end_date=date(2019, 2, 1) + timedelta(days=n),
            **common,
        )


INDEX_QUERIES = ["", "?department=59", "?museum=musee-1&operation=museosciences&kind=exhibition"]


@pytest.mark.parametrize("query", INDEX_QUERIES)
def test_exhibition_index_queries_do_not_grow(client, world, query):
    url = world["index"].url + query
    add_exhibitions(world, 2)
    few = count_queries(client, url)
    add_exhibitions(world, 4, start=2)
    many = count_queries(client, url)
    assert few == many
    assert many <= 23


@pytest.mark.parametrize("route", ["ical/", "rss/", "atom/", "ical/?department=80"])
def test_exhibition_exports_queries_do_not_grow(client, world, route):
    url = world["index"].url + route
    add_exhibitions(world, 2)
    few = count_queries(client, url)
    add_exhibitions(world, 4, start=2)
    many = count_queries(client, url)
    assert few == many
    assert many <= 14


def test_exhibition_page_queries_do_not_grow(client, world):
    page = make_exhibition(
        world["index"],
        title="Regarder les nuages",
        museums=world["museums"][:1],
        operation=world["operation"],
        image=image(0),
        tags=["nuages"],
    )
    few = count_queries(client, page.url)
    page.museums.set(world["museums"])
    page.tags.add(*[f"mot {n}" for n in range(8)])
    page.save_revision().publish()
    many = count_queries(client, page.url)
    assert few == many
    assert many <= 20
    assert count_queries(client, page.url + "ical/") <= 12


def test_operation_index_queries_do_not_grow(client, world):
    operations = world["operations"]
    few = count_queries(client, operations.url)
    for n in range(10):
        make_operation(
            operations, title=f"Opération {n}", start_year=1980 + n, museums=world["museums"]
        )
    many = count_queries(client, operations.url)
    assert few == many
    assert many <= 16


def test_operation_page_queries_do_not_grow(client, world):
    operation = world["operation"]
    add_exhibitions(world, 2)
    few = count_queries(client, operation.url)
    add_exhibitions(world, 4, start=2)
    operation.museums.set(world["museums"])
    for n in range(5):
        document = get_document_model().objects.create(
            title=f"Livret {n}", file=ContentFile(b"%PDF-1.4", name=f"livret-{n}.pdf")
        )
        OperationResource.objects.create(operation=operation, document=document, sort_order=n)
    operation.save_revision().publish()
    many = count_queries(client, operation.url)
    assert few == many
    assert many <= 22
