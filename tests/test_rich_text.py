"""Crafted rich text: refused when an editor saves it, harmless when it is already stored.

A link or an embed of Wagtail's stored rich text names its target by type and
id (``<a linktype="page" id="3">``, ``<embed embedtype="image" id="5" …/>``).
An id that is not a number, a missing id, an unknown type or format used to
publish a page that answered 500 to every visitor.
"""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, streamfield

from musenor.pages.museums.factories import make_museum
from musenor.pages.standard.models import StandardPage
from musenor.site.models import PortalImage

pytestmark = pytest.mark.django_db

CRAFTED = [
    '<p><a linktype="page" id="notanint">voir</a></p>',
    '<p><a linktype="page">voir</a></p>',
    '<p><a linktype="page" id="99999999999999999999999">voir</a></p>',
    '<p><a linktype="page" id="">voir</a></p>',
    '<p><a linktype="document" id="abc">programme</a></p>',
    '<p><a linktype="document">programme</a></p>',
    '<p><a linktype="nosuchtype" id="1">voir</a></p>',
    '<embed embedtype="image" id="notanint" format="fullwidth" alt="x"/>',
    '<embed embedtype="image" format="fullwidth" alt="x"/>',
    '<embed embedtype="image" id="{image}"/>',
    '<embed embedtype="image" id="{image}" format="nosuchformat" alt="x"/>',
    '<embed embedtype="media"/>',
    '<embed embedtype="nosuchtype" id="1"/>',
]


def publish(page, clean=True):
    page.save_revision(clean=clean).publish()
    page.refresh_from_db()
    return page


def store(page, **values):
    """Store values as older code, an import or the shell could have: without validation.

    The page is published, then its live row and its latest revision changed.
    """
    page = publish(page)
    for name, value in values.items():
        setattr(page, name, value)
    type(page).objects.filter(pk=page.pk).update(**{name: getattr(page, name) for name in values})
    revision = page.latest_revision
    revision.content = page.serializable_data()
    revision.save(update_fields=["content"])
    return page


@pytest.fixture
def image(db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (10, 80, 160)).save(buffer, "PNG")
    return PortalImage.objects.create(
        title="Beffroi",
        description="Le beffroi",
        file=ImageFile(buffer, name="beffroi.png"),
    )


@pytest.mark.parametrize("html", CRAFTED)
def test_stored_crafted_rich_text_in_a_block_never_gives_a_server_error(client, home, image, html):
    html = html.replace("{image}", str(image.pk))
    page = home.add_child(instance=StandardPage(title="À propos", slug="a-propos"))
    store(page, body=[("text", RichText(html))])
    response = client.get(page.url)
    assert response.status_code == 200
    assert "linktype" not in response.content.decode()
    assert "embedtype" not in response.content.decode()


@pytest.mark.parametrize("html", CRAFTED)
def test_stored_crafted_rich_text_in_a_field_never_gives_a_server_error(
    client, directory, image, html
):
    html = html.replace("{image}", str(image.pk))
    museum = make_museum(directory, title="Musée de Flandre", city="Cassel")
    store(museum, accessibility_info=html)
    response = client.get(museum.url)
    assert response.status_code == 200
    assert "linktype" not in response.content.decode()


@pytest.mark.parametrize("html", CRAFTED)
def test_the_editor_opens_pages_with_crafted_rich_text(client, home, directory, image, html):
    html = html.replace("{image}", str(image.pk))
    user = get_user_model().objects.create_superuser(email="staff@musenor.test", password="pw")
    client.force_login(user)
    page = home.add_child(instance=StandardPage(title="À propos", slug="a-propos"))
    store(page, body=[("text", RichText(html))])
    museum = store(make_museum(directory, title="Musée de Flandre"), accessibility_info=html)
    for edited in (page, museum):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[edited.pk]))
        assert response.status_code == 200


def test_valid_links_still_render(client, home, image):
    from wagtail.documents import get_document_model

    target = home.add_child(instance=StandardPage(title="Adhérer", slug="adherer"))
    document = get_document_model().objects.create(title="Statuts", file="documents/statuts.pdf")
    html = (
        f'<p><a linktype="page" id="{target.pk}">adhérer</a> '
        f'<a linktype="document" id="{document.pk}">statuts</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Beffroi"/>'
    )
    page = home.add_child(
        instance=StandardPage(title="À propos", slug="a-propos", body=[("text", RichText(html))])
    )
    publish(page)
    content = client.get(page.url).content.decode()
    assert f'href="{target.url}"' in content
    assert f'href="{document.url}"' in content
    assert 'alt="Beffroi"' in content


# --- The editor refuses them ------------------------------------------------------


def contentstate(entity_type, data):
    """What Draftail posts: one paragraph whose word is an entity with ``data``."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "voir",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": entity_type, "mutability": "MUTABLE", "data": data}},
        }
    )


CRAFTED_ENTITIES = [
    ("LINK", {"id": "notanint"}),
    ("LINK", {"id": "99999999999999999999999"}),
    ("DOCUMENT", {"id": "abc"}),
    ("DOCUMENT", {}),
]


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(email="staff@musenor.test", password="pw")
    client.force_login(user)
    return client


def edit(client, page, fields):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, {**nested_form_data(fields), "action-publish": "1"})


@pytest.mark.parametrize(("entity_type", "data"), CRAFTED_ENTITIES)
def test_the_editor_refuses_crafted_rich_text_in_a_block(staff_client, home, entity_type, data):
    page = publish(home.add_child(instance=StandardPage(title="À propos", slug="a-propos")))
    fields = {
        "title": "À propos",
        "slug": "a-propos",
        "intro": "",
        "body": streamfield([("text", contentstate(entity_type, data))]),
    }
    response = edit(staff_client, page, fields)
    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    page.refresh_from_db()
    assert len(page.body) == 0
    assert staff_client.get(page.url).status_code == 200


# The museum's accessibility text has no document links: Draftail drops those entities.
@pytest.mark.parametrize(("entity_type", "data"), CRAFTED_ENTITIES[:2])
def test_the_editor_refuses_crafted_rich_text_in_a_field(
    staff_client, directory, entity_type, data
):
    from wagtail.test.utils.form_data import inline_formset

    museum = make_museum(directory, title="Musée de Flandre", city="Cassel")
    fields = {
        "title": museum.title,
        "slug": museum.slug,
        "city": museum.city,
        "department": museum.department,
        "latitude": str(museum.latitude),
        "longitude": str(museum.longitude),
        "summary": museum.summary,
        "accessibility_info": contentstate(entity_type, data),
        "body": streamfield([]),
        "opening_hours": inline_formset([]),
        "gallery_images": inline_formset([]),
    }
    response = edit(staff_client, museum, fields)
    assert response.status_code == 200
    assert "accessibility_info" in response.context["form"].errors
    museum.refresh_from_db()
    assert "linktype" not in museum.accessibility_info


def test_the_editor_still_saves_valid_links(staff_client, home):
    target = home.add_child(instance=StandardPage(title="Adhérer", slug="adherer"))
    page = publish(home.add_child(instance=StandardPage(title="À propos", slug="a-propos")))
    fields = {
        "title": "À propos",
        "slug": "a-propos",
        "intro": "",
        "body": streamfield([("text", contentstate("LINK", {"id": target.pk}))]),
    }
    response = edit(staff_client, page, fields)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert f'linktype="page" id="{target.pk}"' in page.body[0].value.source


@pytest.mark.parametrize("html", CRAFTED)
def test_the_validator_refuses_each_crafted_value(html):
    from django.core.exceptions import ValidationError

    from musenor.site.richtext import validate_rich_text

    with pytest.raises(ValidationError):
        validate_rich_text(html)
