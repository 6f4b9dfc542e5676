"""OpenAgenda imports as drafts to review, when the site's "OpenAgenda import" setting asks."""

import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from musenor.pages.exhibitions.factories import make_exhibition_index
from musenor.pages.exhibitions.models import ExhibitionPage, OpenAgendaSettings
from musenor.pages.exhibitions.openagenda import import_events
from musenor.pages.museums.factories import make_museum

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"


def events(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))["events"]


def by_uid(uid):
    return ExhibitionPage.objects.get(openagenda_uid=uid)


@pytest.fixture
def index(home, directory):
    make_museum(directory, title="Musée de Picardie", city="Amiens", department="80")
    make_museum(directory, title="Musée de la Chartreuse", city="Douai")
    return make_exhibition_index(home)


@pytest.fixture
def review(index):
    settings = OpenAgendaSettings.for_site(index.get_site())
    settings.review_imports = True
    settings.save()
    return settings


def test_without_the_setting_imports_are_published_at_once(index):
    import_events(events("events.json"), index)
    assert by_uid(48213957).live


def test_new_events_become_unpublished_pages_to_review(review, index):
    with translation.override("en"):
        report = import_events(events("events.json"), index)
    verne = by_uid(48213957)
    assert not verne.live
    assert verne.has_unpublished_changes
    assert verne.latest_revision is not None
    assert "draft to review" in report.of("created")[0].reason
    # Nothing of it on the public site until an editor publishes it.
    assert not ExhibitionPage.objects.live().filter(openagenda_uid__isnull=False).exists()
    verne.latest_revision.publish()
    assert by_uid(48213957).live


def test_a_changed_event_is_a_draft_of_the_live_page(index):
    import_events(events("events.json"), index)
    OpenAgendaSettings.objects.update_or_create(
        site=index.get_site(), defaults={"review_imports": True}
    )
    import_events(events("events_updated.json"), index)
    verne = by_uid(48213957)
    assert verne.live
    assert verne.end_date == date(2027, 2, 28)  # the live page is unchanged
    assert verne.has_unpublished_changes
    draft = verne.get_latest_revision_as_object()
    assert draft.end_date == date(2027, 3, 14)
    # Running the same import again adds no revision.
    revisions = verne.revisions.count()
    import_events(events("events_updated.json"), index)
    assert by_uid(48213957).revisions.count() == revisions


def test_the_command_follows_the_setting_too(review, index):
    call_command(
        "import_openagenda",
        "--file",
        str(DATA / "events.json"),
        "--index",
        str(index.pk),
        stdout=io.StringIO(),
    )
    assert not ExhibitionPage.objects.filter(live=True, openagenda_uid__isnull=False).exists()


def test_staff_tick_the_setting_in_the_admin(client, index):
    staff = get_user_model().objects.create_superuser(email="equipe@musenor.test", password="pw")
    client.force_login(staff)
    site = index.get_site()
    url = f"/admin/settings/musenor_exhibitions/openagendasettings/{site.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "review_imports" in page.content.decode()
    response = client.post(url, {"review_imports": "on"})
    assert response.status_code == 302
    assert OpenAgendaSettings.review_for(index)
