"""Thematic paths: the number of SQL queries does not grow with steps or paths."""

import io
from decimal import Decimal

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from musenor.pages.museums.factories import make_museum
from musenor.pages.paths.factories import make_path, make_path_index

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def make_image(n):
    from musenor.site.models import PortalImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (n * 20 % 255, 30, 50)).save(buffer, "PNG")
    return PortalImage.objects.create(
        title=f"Œuvre {n}", description=f"Œuvre numéro {n}", file=ImageFile(buffer, f"w{n}.png")
    )


def steps(directory, count):
    """``count`` rounds of every kind of step but media, each on its own museum and image."""
    result = []
    for n in range(count):
        museum = make_museum(directory, latitude=Decimal("50.6"), longitude=Decimal("3.0"))
        result += [
            ("museum", {"museum": museum.pk, "note": "<p>Entrez.</p>"}),
            (
                "work",
                {
                    "title": f"Œuvre {n}",
                    "artist": "Anonyme",
                    "museum": museum.pk,
                    "image": make_image(n).pk,
                    "text": "<p>Regardez.</p>",
                },
            ),
            ("text", {"title": f"Pause {n}", "text": "<p>Jouez.</p>"}),
            (
                "image",
                {"title": f"Image {n}", "image": {"image": make_image(100 + n).pk}, "text": ""},
            ),
        ]
    return result


def test_path_queries_do_not_grow_with_steps(client, home, directory):
    index = make_path_index(home)
    few = make_path(index, title="Court", steps=steps(directory, 1))
    many = make_path(index, title="Long", steps=steps(directory, 8))
    assert len(many.steps) == 32
    # The site's frame (menu, languages, breadcrumbs) and one query per kind of chooser.
    assert count_queries(client, few.url) == count_queries(client, many.url) <= 20


@pytest.mark.parametrize("query", ["", "?audience=families", "?audience=schools&level=easy"])
def test_path_index_queries_do_not_grow_with_paths(client, home, directory, query):
    index = make_path_index(home)
    for n in range(2):
        make_path(index, title=f"Parcours {n}", for_schools=True, steps=steps(directory, 1))
    few = count_queries(client, index.url + query)
    for n in range(2, 12):
        make_path(index, title=f"Parcours {n}", for_schools=True, steps=steps(directory, 1))
    many = count_queries(client, index.url + query)
    assert few == many <= 17
