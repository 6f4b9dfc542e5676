"""The OpenAgenda screen of the Wagtail admin."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from musenor.pages.exhibitions.factories import make_exhibition_index
from musenor.pages.exhibitions.models import ExhibitionPage
from musenor.pages.exhibitions.openagenda import fetch
from musenor.pages.museums.factories import make_museum

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"
URL = reverse("musenor_import_openagenda")


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def index(home):
    return make_exhibition_index(home)


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser(
        email="staff@musenor.test", password="pw", first_name="A", last_name="B"
    )
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    client.force_login(user)
    return user


def upload(name):
    return SimpleUploadedFile(name, (DATA / name).read_bytes(), content_type="application/json")


def test_staff_see_the_screen_the_menu_item_and_the_index_button(client, staff, index):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="file"' in response.content.decode()
    explore = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert f"{URL}?index={index.pk}" in explore
    settings_menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL in settings_menu


def test_a_dry_run_reports_and_saves_nothing(client, staff, index, directory):
    make_museum(directory, title="Musée de Picardie", city="Amiens", department="80")
    response = client.post(URL, {"index": index.pk, "file": upload("events.json"), "dry_run": "on"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dry run, nothing saved" in html
    assert "Jules Verne et les machines de l&#x27;imaginaire" in html
    assert "malformed" in html
    assert not ExhibitionPage.objects.exists()


def test_an_import_creates_pages_and_links_them(client, staff, index):
    response = client.post(URL, {"index": index.pk, "file": upload("events.json")})
    report = response.context["report"]
    assert report.counts["created"] == 4
    page = ExhibitionPage.objects.get(openagenda_uid=48213957)
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in response.content.decode()


def test_bad_input_is_explained_on_the_form(client, staff, index):
    response = client.post(URL, {"index": index.pk, "file": upload("not_json.json")})
    assert "not valid JSON" in response.content.decode()
    response = client.post(URL, {"index": index.pk})
    assert "either a JSON file or an address" in response.content.decode()
    response = client.post(
        URL,
        {"index": index.pk, "file": upload("events.json"), "url": "https://example.org/e"},
    )
    assert response.context["form"].non_field_errors()
    assert not ExhibitionPage.objects.exists()


def test_url_goes_through_fetch_json(client, staff, index, monkeypatch):
    asked = []

    def fake_fetch(url, **kwargs):
        asked.append(url)
        return {"events": [], "after": None}

    monkeypatch.setattr(fetch, "fetch_json", fake_fetch)
    response = client.post(URL, {"index": index.pk, "url": "https://api.example.org/events"})
    assert asked == ["https://api.example.org/events"]
    assert response.context["report"].counts["created"] == 0


def test_editors_without_the_permission_are_refused(client, index):
    editor = get_user_model().objects.create_user(
        email="editor@musenor.test", password="pw", first_name="E", last_name="D"
    )
    group = Group.objects.create(name="Éditeurs")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(URL).status_code in (302, 403)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()

    # With the permission, only the indexes they may publish under are offered.
    group.permissions.add(Permission.objects.get(codename="import_openagenda"))
    response = client.get(URL)
    assert response.status_code == 200
    assert not response.context["has_indexes"]
    for codename in ("add_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=index, permission=Permission.objects.get(codename=codename)
        )
    response = client.get(URL)
    assert [value for value, _label in response.context["form"].fields["index"].choices] == [
        index.pk
    ]
