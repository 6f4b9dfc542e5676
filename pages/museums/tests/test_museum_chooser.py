"""The editor's museum chooser: one entry per museum (not one per translation), its town
shown, a search box; on every page type with a museums field."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from musenor.pages.exhibitions.factories import make_exhibition_index
from musenor.pages.museums.factories import make_museum

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser(email="equipe@musenor.test", password="pw")
    client.force_login(user)
    return client


@pytest.fixture
def louvre_lens(directory):
    museum = make_museum(directory, title="Louvre-Lens", city="Lens", department="62")
    make_museum(directory, title="Musée de la Chartreuse", city="Douai")
    english, _ = Locale.objects.get_or_create(language_code="en")
    museum.copy_for_translation(english, copy_parents=True).save_revision().publish()
    return museum


def museum_options(html, field="museums"):
    chooser = re.search(
        r'<div class="museum-chooser" data-museum-chooser>.*?</div>\s*</div>', html, re.S
    )
    assert chooser, "the museum chooser is on the page"
    labels = re.findall(rf'name="{field}" value="\d+"[^>]*>\s*([^<]+?)\s*</label>', chooser[0])
    return chooser[0], labels


def test_an_exhibition_offers_each_museum_once_with_its_town(staff_client, home, louvre_lens):
    index = make_exhibition_index(home)
    response = staff_client.get(f"/admin/pages/add/musenor_exhibitions/exhibitionpage/{index.pk}/")
    assert response.status_code == 200
    chooser, labels = museum_options(response.content.decode())
    assert labels == ["Louvre-Lens (Lens)", "Musée de la Chartreuse (Douai)"]
    assert "data-museum-chooser-search" in chooser
    assert "musenor_museums/js/museum_chooser.js" in response.content.decode()


def test_a_news_item_offers_the_same_chooser(staff_client, home, louvre_lens):
    from musenor.pages.news.factories import make_news_index

    index = make_news_index(home)
    response = staff_client.get(f"/admin/pages/add/musenor_news/newspage/{index.pk}/")
    assert response.status_code == 200
    _chooser, labels = museum_options(response.content.decode(), "related_museums")
    assert labels == ["Louvre-Lens (Lens)", "Musée de la Chartreuse (Douai)"]


def test_choosing_a_museum_saves_it(staff_client, home, louvre_lens):
    from musenor.pages.exhibitions.models import ExhibitionPage

    index = make_exhibition_index(home)
    response = staff_client.post(
        f"/admin/pages/add/musenor_exhibitions/exhibitionpage/{index.pk}/",
        {
            "title": "Lens 2027",
            "slug": "lens-2027",
            "kind": "exhibition",
            "start_date": "2027-03-01",
            "end_date": "2027-06-30",
            "museums": [str(louvre_lens.pk)],
            "body-count": "0",
            "tags": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ExhibitionPage.objects.get(slug="lens-2027")
    assert list(page.museums.all()) == [louvre_lens]
