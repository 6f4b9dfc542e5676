"""No public page's number of SQL queries grows with its content.

Each page type is rendered with little content and with much more; the
number of queries must be the same, and under a fixed ceiling.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from musenor.pages.museums.factories import make_museum, make_theme
from musenor.pages.museums.models import OpeningHours
from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    client.get(url)  # warm caches that are per process (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_museums(directory, count, start=0):
    for n in range(start, start + count):
        museum = make_museum(
            directory,
            title=f"Musée {n:03d}",
            department=["59", "62", "80"][n % 3],
            themes=["beaux-arts", f"thème {n % 5}"],
        )
        OpeningHours.objects.create(museum=museum, weekday=n % 7, opens="10:00", closes="18:00")


@pytest.mark.parametrize("query", ["", "?department=59", "?theme=beaux-arts&q=mus"])
def test_directory_queries_do_not_grow_with_museums(client, directory, query):
    add_museums(directory, 3)
    few = count_queries(client, directory.url + query)
    add_museums(directory, 27, start=3)
    many = count_queries(client, directory.url + query)
    assert few == many
    assert many <= 22


def test_home_queries_do_not_grow_with_menu_pages(client, home, directory):
    few = count_queries(client, home.url)
    for n in range(10):
        page = StandardPage(title=f"Page {n}", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    many = count_queries(client, home.url)
    assert few == many
    assert many <= 12


def test_museum_page_queries_do_not_grow_with_hours_and_themes(client, directory):
    museum = make_museum(directory, themes=["beaux-arts"])
    OpeningHours.objects.create(museum=museum, weekday=0, opens="10:00", closes="12:00")
    few = count_queries(client, museum.url)
    museum.themes.add(*[make_theme(f"t{n}") for n in range(8)])
    for day in range(7):
        OpeningHours.objects.create(museum=museum, weekday=day, opens="14:00", closes="18:00")
    many = count_queries(client, museum.url)
    assert few == many
    # 20, its current and coming exhibitions (view restrictions, then the list),
    # and the notices plugin's panel of the museum's records (one query, when
    # the plugin is enabled, as in the test settings).
    assert many <= 23


def test_standard_page_queries(client, home):
    page = StandardPage(title="À propos", intro="Texte")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert count_queries(client, page.url) <= 14
