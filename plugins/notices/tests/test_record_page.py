"""The public record page, its JSON-LD, the museum page's panel, and their query counts."""

import io
import json
import re

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from musenor.plugins.notices.factories import make_record, make_term
from musenor.plugins.notices.models import Author, LossStatus, Record, Technique
from musenor.site.models import PortalImage

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def make_image(n):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (40 + n, 60, 90)).save(buffer, "PNG")
    return PortalImage.objects.create(
        title=f"Vue {n}",
        description=f"Vue {n} de l'objet",
        file=ImageFile(buffer, name=f"v{n}.png"),
    )


def photographed(museum, count, **fields):
    images = [
        (make_image(n), {"credit": f"Photo {n}", "copyright": "© Musée", "is_primary": n == 1})
        for n in range(count)
    ]
    record = make_record(museum, images=images, **fields)
    record.authors.add(make_term(Author, "Boudin Eugène"), make_term(Author, "anonyme"))
    record.techniques.add(*(make_term(Technique, t) for t in ("huile sur toile", "bois", "or")))
    record.save()
    return Record.objects.get(pk=record.pk)


def test_a_published_cleared_record_has_a_readable_address(client, museum):
    record = make_record(museum, inventory_number="2003.1.15", title="Paysage au moulin")
    assert record.get_absolute_url() == f"/notices/{museum.slug}/2003-1-15/"
    response = client.get(record.get_absolute_url())
    assert response.status_code == 200
    assert "Paysage au moulin" in response.text


def test_inventory_numbers_that_make_one_address_get_two(museum):
    a = make_record(museum, inventory_number="2003.1.15")
    b = make_record(museum, inventory_number="2003 1 15")
    assert (a.slug, b.slug) == ("2003-1-15", "2003-1-15--2")


@pytest.mark.parametrize("publish,cleared", [(False, True), (True, False), (False, False)])
def test_drafts_and_uncleared_records_stay_private(client, museum, publish, cleared):
    record = make_record(museum, publish=publish, cleared=cleared)
    assert client.get(f"/notices/{museum.slug}/{record.slug}/").status_code == 404


def test_the_page_shows_the_record_its_photographs_and_credits(client, museum):
    record = photographed(
        museum,
        2,
        title="Plage de Trouville",
        dimensions="Hauteur en cm 32 ; Largeur en cm 46",
        description="Une plage animée.",
        creation_years="1865",
        loss_status=LossStatus.STOLEN,
        loss_comment="Volé en 1940.",
    )
    html = client.get(record.get_absolute_url()).text
    for text in (
        "Plage de Trouville",
        "Boudin Eugène",
        "1865",
        "peinture",
        "huile sur toile",
        "Hauteur en cm 32",
        "Une plage animée.",
        "Photo 0 – © Musée",
        "Volé en 1940.",
        museum.title,
        museum.url,
        "srcset=",
        'alt="Vue 1 de l&#x27;objet"',
    ):
        assert text in html, text
    # The primary photograph comes first.
    assert html.index("Photo 1") < html.index("Photo 0")


def test_json_ld_describes_a_visual_artwork(client, museum):
    record = photographed(museum, 1, title="Plage de Trouville", creation_years="1865")
    data = json.loads(SCRIPT.findall(client.get(record.get_absolute_url()).text)[0])
    assert data["@type"] == "VisualArtwork"
    assert data["name"] == "Plage de Trouville"
    assert {c["name"] for c in data["creator"]} == {"Boudin Eugène", "anonyme"}
    assert data["artform"] == "peinture"
    assert data["dateCreated"] == "1865"
    assert data["holdingArchive"]["name"] == museum.title
    assert data["image"][0].startswith("http://testserver/")
    assert data["url"] == f"http://testserver{record.get_absolute_url()}"


def test_related_records_share_an_author(client, museum, museums):
    record = photographed(museum, 0, title="Plage de Trouville")
    sibling = photographed(museum, 0, title="Jetée de Deauville")
    elsewhere = photographed(museums[1], 0, title="Ailleurs")
    html = client.get(record.get_absolute_url()).text
    assert sibling.get_absolute_url() in html
    assert elsewhere.get_absolute_url() not in html


def test_the_query_count_does_not_grow_with_photographs_and_terms(
    client, museum, django_assert_max_num_queries
):
    def measured(record):
        client.get(record.get_absolute_url())  # renditions are made on the first view
        cache.clear()  # anonymous pages are cached whole: measure a rendering
        with django_assert_max_num_queries(40) as context:
            assert client.get(record.get_absolute_url()).status_code == 200
        return len(context.captured_queries)

    photographed(museum, 1, title="Voisin")
    few = measured(photographed(museum, 1))
    big = photographed(museum, 5)
    for n in range(5):
        photographed(museum, 2, title=f"Voisin {n}")
    assert 0 < measured(big) <= few


def test_a_museum_page_lists_a_selection_of_its_public_records(client, museum, museums):
    shown = make_record(museum, title="Objet exposé")
    hidden = make_record(museum, title="Objet réservé", cleared=False)
    other = make_record(museums[1], title="Objet d'ailleurs")
    html = client.get(museum.url).text
    assert shown.get_absolute_url() in html
    assert "Objet réservé" not in html and hidden.title
    assert other.get_absolute_url() not in html
