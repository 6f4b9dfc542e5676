import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from musenor.pages.home.models import HomePage
from musenor.pages.museums.models import MuseumIndexPage, MuseumPage, MuseumTheme

# Loads the whole demo site: slow, left out of the PostgreSQL pass of CI.
pytestmark = pytest.mark.slow


def run(*args):
    import io

    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_loads_the_network_and_is_idempotent(client, demo_database):
    # The first run, on an empty site (on SQLite, the session's first load of the
    # demo, whose result the later tests get back: see conftest.py).
    first = demo_database
    assert "Museums: 90 created, 0 updated." in first
    assert "admin@musenor.local / " in first
    assert "Working groups: 5 created." in first
    counts = (Page.objects.count(), MuseumPage.objects.count(), MuseumTheme.objects.count())

    second = run()
    assert "Museums: 0 created, 0 updated." in second
    assert "Working groups: 0 created." in second
    assert "admin@musenor.local" not in second  # the account exists; no new password
    assert (Page.objects.count(), MuseumPage.objects.count(), MuseumTheme.objects.count()) == counts
    assert get_user_model().objects.filter(is_superuser=True).count() == 1

    home = HomePage.objects.get(locale__language_code="fr")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    directory = MuseumIndexPage.objects.get(locale__language_code="fr")
    louvre = MuseumPage.objects.get(title="Louvre-Lens", locale=home.locale)
    assert (louvre.city, louvre.department) == ("Lens", "62")
    assert set(louvre.themes.values_list("name", flat=True)) == {"beaux-arts", "archéologie"}
    assert {
        d: MuseumPage.objects.filter(department=d, locale=home.locale).count()
        for d in ("02", "59", "60", "62", "80")
    } == _csv_department_counts()
    assert client.get(directory.url).status_code == 200


def test_demo_translates_the_home_page_into_english_and_dutch(client, demo_database):
    english = HomePage.objects.get(locale__language_code="en")
    assert english.hero_title == "The museums of the Hauts-de-France"
    dutch = HomePage.objects.get(locale__language_code="nl")
    assert dutch.hero_title == "De musea van Hauts-de-France"
    response = client.get("/en/")
    assert response.status_code == 200
    assert "The museums of the Hauts-de-France" in response.content.decode()
    assert '<html lang="en">' in response.content.decode()


def _csv_department_counts():
    from musenor.pages.museums.demo import read_museums

    counts = {}
    for row in read_museums():
        code = row["department_code"].zfill(2)
        counts[code] = counts.get(code, 0) + 1
    return counts
