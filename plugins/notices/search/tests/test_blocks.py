"""Selections of records on a core page, through the core's "plugin content" block."""

import pytest
from django.utils import translation

from musenor.streamfields.blocks.plugin import plugin_content_choices

pytestmark = pytest.mark.django_db


def put_block(page, name, heading="", limit=6):
    page.body = [("plugin_content", {"content": name, "heading": heading, "limit": limit})]
    page.save_revision().publish()


@pytest.fixture
def selections(collection):
    from musenor.plugins.notices.models import RecordSelection, RecordSelectionItem

    records = collection["records"]
    picked = RecordSelection.objects.create(title="Coups de cœur")
    # In this order; the private record is never shown.
    for n, key in enumerate(["paysage", "private", "sport-sculpt"]):
        RecordSelectionItem.objects.create(selection=picked, record=records[key], sort_order=n)
    query = RecordSelection.objects.create(
        title="Le sport", query='("sport") AND (beaux-arts [Domaine])', with_image_only=False
    )
    return {"picked": picked, "query": query}


def test_each_selection_is_a_choice_of_the_plugin_content_block(selections):
    with translation.override("fr"):
        choices = dict(plugin_content_choices())
        label = str(choices[f"notices_selection_{selections['picked'].pk}"])
    assert label == "Notices : Coups de cœur"
    assert f"notices_selection_{selections['query'].pk}" in choices


def test_records_picked_by_hand_show_in_their_order(client, home, selections):
    put_block(home, f"notices_selection_{selections['picked'].pk}", heading="Nos trésors")
    html = client.get(home.url).content.decode()
    assert "Nos trésors" in html
    assert html.index("Paysage à Mortefontaine") < html.index("Le discobole")
    assert "Sport privé" not in html


def test_a_query_defined_selection_shows_what_the_search_finds(client, home, selections):
    put_block(home, f"notices_selection_{selections['query'].pk}", limit=3)
    html = client.get(home.url).content.decode()
    assert "Les lutteurs" in html
    assert "Le discobole" not in html
    assert "/notices/?q=sport" in html


def test_a_deleted_selection_renders_nothing(client, home, selections):
    put_block(home, f"notices_selection_{selections['picked'].pk}", heading="Nos trésors")
    selections["picked"].delete()
    response = client.get(home.url)
    assert response.status_code == 200
    assert "Nos trésors" not in response.content.decode()
