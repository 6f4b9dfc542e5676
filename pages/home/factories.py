"""Build a home page with its sections and what they show, for tests and benchmarks."""

from datetime import timedelta

from django.utils import timezone

from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.museums.factories import make_museum
from musenor.pages.news.factories import make_news, make_news_index
from musenor.pages.operations.factories import make_operation, make_operation_index

from .demo import SECTIONS


def make_network(home, directory):
    """The home page with its sections, and two museums, four exhibitions (on now, next,
    over, permanent), four news and two operations (one of this year) to show."""
    today = timezone.localdate()
    lille = make_museum(directory, title="Palais des Beaux-Arts", city="Lille")
    make_museum(directory, title="Louvre-Lens", city="Lens", department="62")
    exhibitions = make_exhibition_index(home)
    make_exhibition(
        exhibitions,
        title="Nuages",
        museums=[lille],
        start_date=today - timedelta(days=5),
        end_date=today + timedelta(days=9),
    )
    make_exhibition(
        exhibitions,
        title="Estampes",
        museums=[lille],
        start_date=today + timedelta(days=20),
        end_date=today + timedelta(days=50),
    )
    make_exhibition(
        exhibitions,
        title="Terminée",
        museums=[lille],
        start_date=today - timedelta(days=50),
        end_date=today - timedelta(days=1),
    )
    make_exhibition(
        exhibitions,
        title="Collection permanente",
        museums=[lille],
        start_date=today - timedelta(days=500),
        end_date=None,
    )
    news = make_news_index(home)
    for n in range(4):
        make_news(news, title=f"Nouvelle {n}", date=today - timedelta(days=n))
    operations = make_operation_index(home)
    make_operation(operations, title="Ancienne opération", start_year=2001, end_year=2002)
    make_operation(operations, title="MuséoSciences", start_year=today.year, end_year=today.year)
    home.body = [
        (block_type, value) for block_type, value in SECTIONS if block_type != "page_cards"
    ]
    home.save_revision().publish()
    return home
