"""The editor's side: a path is composed, checked and previewed in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from musenor.pages.paths.factories import make_path
from musenor.pages.paths.models import ThematicPathPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser(
        email="mediation@musenor.test", password="pw", first_name="M", last_name="N"
    )
    client.force_login(user)
    return user


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["musenor_paths", "thematicpathpage", index.pk])


def path_form(steps, **fields):
    data = {
        "title": "Le jeu des animaux",
        "slug": "le-jeu-des-animaux",
        "intro": "Un parcours pour les plus jeunes.",
        "for_families": "on",
        "duration": "45",
        "level": "easy",
        "steps": streamfield(steps),
        "body": streamfield([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def test_pages_open_and_preview_in_the_admin(client, staff, path_index, lille):
    path = make_path(path_index, steps=[("museum", {"museum": lille.pk, "note": "<p>Ici</p>"})])
    for page in (path_index, path):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
        preview = page.specific.make_preview_request()
        assert preview.status_code == 200
        assert page.title in preview.content.decode()


def test_compose_and_publish_a_path(client, staff, path_index, lille):
    steps = [
        ("museum", {"museum": lille.pk, "note": rich_text("<p>Entrez par l'atrium.</p>")}),
        (
            "work",
            {
                "title": "Les Vieilles",
                "artist": "Goya",
                "date": "vers 1808",
                "inventory_number": "",
                "museum": lille.pk,
                "image": "",
                "alt_text": "",
                "text": rich_text("<p>Que fait le Temps ?</p>"),
            },
        ),
    ]
    response = client.post(add_url(path_index), path_form(steps))
    assert response.status_code == 302, response.content.decode()[:3000]
    path = ThematicPathPage.objects.get(slug="le-jeu-des-animaux")
    assert path.live
    assert [step.block_type for step in path.steps] == ["museum", "work"]
    public = client.get(path.url).content.decode()
    assert "Que fait le Temps ?" in public
    assert escape(_("Step %(number)s") % {"number": 2} + " · " + _("Work")) in public


def test_bad_steps_are_refused_with_a_clear_message(client, staff, path_index):
    steps = [("work", {"title": "Sans musée", "inventory_number": "P 1", "museum": ""})]
    response = client.post(add_url(path_index), path_form(steps, for_families=""))
    assert response.status_code == 200
    html = response.content.decode()
    # The step's error is shown on its field (the stream widget reads it as JSON).
    error = response.context["form"].errors["steps"].as_data()[0]
    museum_error = error.block_errors[0].block_errors["museum"]
    assert museum_error.messages == [
        _(
            "An inventory number belongs to a museum: choose the museum that holds the work, "
            "or remove the number."
        )
    ]
    assert escape(_("Choose at least one audience for this path.")) in html
    assert not ThematicPathPage.objects.filter(slug="le-jeu-des-animaux").exists()


STEP_BLOCKS = [
    "WorkStepBlock",
    "MuseumStepBlock",
    "TextStepBlock",
    "ImageStepBlock",
    "MediaStepBlock",
]


def preview_main(client, block_name):
    from musenor.pages.paths import blocks

    block = getattr(blocks, block_name)()
    url = reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"
    response = client.get(url)
    assert response.status_code == 200, block_name
    html = response.content.decode()
    assert "musenor_paths/css/paths.css" in html
    return html.split("<main>", 1)[1].split("</main>", 1)[0]


def test_every_step_previews_with_empty_libraries(client, staff, home):
    for name in STEP_BLOCKS:
        main = preview_main(client, name)
        assert '<ol class="path-steps">' in main, name


def test_step_previews_show_the_libraries_content(client, staff, lille, make_image, make_media):
    make_image()
    make_media(kind="audio")
    assert "Palais des Beaux-Arts de Lille" in preview_main(client, "MuseumStepBlock")
    assert "<picture>" in preview_main(client, "ImageStepBlock")
    work = preview_main(client, "WorkStepBlock")
    assert "<picture>" in work and "Palais des Beaux-Arts de Lille" in work
    assert "<audio" in preview_main(client, "MediaStepBlock")
