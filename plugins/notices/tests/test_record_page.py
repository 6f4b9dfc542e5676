import pytest

from musenor.plugins.notices.factories import make_record

pytestmark = pytest.mark.django_db


def test_a_published_cleared_record_has_a_readable_address(client, museum):
    record = make_record(museum, inventory_number="2003.1.15", title="Paysage au moulin")
    assert record.get_absolute_url() == f"/notices/{museum.slug}/2003-1-15/"
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    assert "Paysage au moulin" in response.text
    assert '"@type": "VisualArtwork"' in response.text


@pytest.mark.parametrize("publish,cleared", [(False, True), (True, False), (False, False)])
def test_drafts_and_uncleared_records_stay_private(client, museum, publish, cleared):
    record = make_record(museum, publish=publish, cleared=cleared)
    assert client.get(f"/notices/{museum.slug}/{record.slug}/").status_code == 404
