"""The editor's side: showcases open, preview and are created through the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from musenor.pages.education.factories import (
    make_document,
    make_showcase,
    make_showcase_index,
    make_subject,
)
from musenor.pages.education.models import SchoolLevel, ShowcasePage
from musenor.pages.museums.factories import make_museum

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser(
        email="staff@musenor.test", password="pw", first_name="A", last_name="B"
    )
    client.force_login(user)
    return user


def test_index_and_showcase_open_and_preview_in_the_admin(client, staff, home):
    index = make_showcase_index(home)
    showcase = make_showcase(index, title="Paysages et nuages", levels=["cycle-2"])
    for page in (index, showcase):
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit.status_code == 200
        preview = page.specific.make_preview_request()
        assert preview.status_code == 200
        assert page.title in preview.content.decode()


def test_create_a_showcase_through_the_admin(client, staff, home, directory):
    index = make_showcase_index(home)
    museum = make_museum(directory, title="Musée des Beaux-Arts de Cambrai", city="Cambrai")
    subject = make_subject("Arts plastiques")
    document = make_document("Dossier enseignant")
    data = nested_form_data(
        {
            "title": "Paysages et nuages au cycle 2",
            "slug": "paysages",
            "intro": "Observer le ciel des peintres.",
            "objectives": rich_text("<ul><li>Nommer les nuages.</li></ul>"),
            "practical_info": rich_text(""),
            "activities": streamfield(
                [
                    (
                        "activity",
                        {
                            "title": "Carnet de ciels",
                            "duration": "45",
                            "level": "cycle-2",
                            "place": "museum",
                            "description": rich_text("<p>Dessiner un ciel au pastel.</p>"),
                        },
                    )
                ]
            ),
            "body": streamfield([]),
            "teaching_files": inline_formset(
                [{"document": str(document.pk), "title": "", "description": "Deux pages."}]
            ),
            "linked_museums": inline_formset([{"museum": str(museum.pk), "note": "Visite"}]),
            "linked_works": inline_formset([]),
            "linked_paths": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["levels"] = [str(SchoolLevel.objects.get(code="cycle-2").pk)]
    data["subjects"] = [str(subject.pk)]
    url = reverse("wagtailadmin_pages:add", args=["musenor_education", "showcasepage", index.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ShowcasePage.objects.get(slug="paysages")
    assert page.live
    assert [level.code for level in page.levels.all()] == ["cycle-2"]
    html = client.get(page.url).content.decode()
    assert "Carnet de ciels" in html
    assert '<time datetime="PT45M">45 min</time>' in html
    assert document.url in html
    assert "Musée des Beaux-Arts de Cambrai" in html


def test_a_showcase_needs_a_level(client, staff, home):
    index = make_showcase_index(home)
    data = nested_form_data(
        {
            "title": "Sans niveau",
            "slug": "sans-niveau",
            "intro": "Texte.",
            "objectives": rich_text(""),
            "practical_info": rich_text(""),
            "activities": streamfield([]),
            "body": streamfield([]),
            "teaching_files": inline_formset([]),
            "linked_museums": inline_formset([]),
            "linked_works": inline_formset([]),
            "linked_paths": inline_formset([]),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["musenor_education", "showcasepage", index.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    assert "levels" in response.context["form"].errors
