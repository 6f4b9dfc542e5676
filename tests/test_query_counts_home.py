"""The home page's queries do not grow with what its sections show.

Every section of the demo's home page (exhibitions on now and next, the
directory, news, the operation of the year) is rendered with little content,
then with more; the number of queries must be the same, under a ceiling.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from musenor.pages.exhibitions.factories import make_exhibition
from musenor.pages.home.factories import make_network
from musenor.pages.museums.factories import make_museum
from musenor.pages.news.factories import make_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(home, directory):
    return make_network(home, directory)


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_home_page_queries_do_not_grow_with_its_content(client, network, directory):
    few = count_queries(client, "/")
    today = timezone.localdate()
    exhibitions = network.get_children().get(slug="expositions").specific
    news = network.get_children().get(slug="actualites").specific
    for n in range(6):
        museum = make_museum(directory, title=f"Musée {n}", city="Arras", department="62")
        make_exhibition(
            exhibitions,
            title=f"Exposition {n}",
            museums=[museum],
            start_date=today,
            end_date=today + timedelta(days=n + 1),
        )
        make_news(news, title=f"Brève {n}", date=today)
    many = count_queries(client, "/")
    assert few == many
    assert many <= 30
