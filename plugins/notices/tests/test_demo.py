"""The demo's records: generated, imported for real, illustrated, and loaded once."""

import io

import pytest

from musenor.plugins.notices.demo import DEMO_CREDIT, load
from musenor.plugins.notices.models import Record, RecordImage

pytestmark = pytest.mark.django_db


def test_the_demo_loads_public_illustrated_records_once(museums):
    out = io.StringIO()
    load(None, 3, out, total=40)
    records = Record.objects.public()
    assert records.count() >= 40
    assert {r.museum_id for r in records} == {m.pk for m in museums}
    image = RecordImage.objects.select_related("image").first()
    assert image is not None and image.credit == DEMO_CREDIT[: len(image.credit)]
    assert image.image.width == 960
    assert records.filter(has_image=True).exists()
    before = Record.objects.count()
    load(None, 3, io.StringIO(), total=40)
    assert Record.objects.count() == before


@pytest.mark.parametrize(("overrides", "expected"), [({}, 40), ({"DEMO_RECORDS": 13}, 13)])
def test_load_demo_takes_its_size_from_the_plugin_setting(
    settings, monkeypatch, overrides, expected
):
    """The hook reads DEMO_RECORDS through the plugin's settings (default, environment,
    MUSENOR_PLUGIN_SETTINGS), as under the demo's own settings, not a test-only name."""
    from musenor.plugins.notices import demo, musenor_hooks

    settings.MUSENOR_PLUGIN_SETTINGS = {"notices": overrides} if overrides else {}
    settings.MUSENOR_PLUGIN_ENVIRONMENT = {"notices": {"DEMO_RECORDS": 40}}
    asked = []
    monkeypatch.setattr(demo, "load", lambda site, seed, stdout, total: asked.append(total))
    musenor_hooks.load_demo_data(site=None, seed=1, stdout=io.StringIO())
    assert asked == [expected]
