"""schema.org JSON-LD of a museum page, read back as a search engine would."""

import io
import json
import re
from datetime import time
from decimal import Decimal

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from musenor.pages.museums.factories import make_museum
from musenor.pages.museums.models import OpeningHours
from musenor.site.models import PortalImage

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SCHEMA = "https://schema.org/"


def json_ld(html):
    return [json.loads(block) for block in SCRIPT.findall(html)]


def make_image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (40, 60, 90)).save(buffer, "PNG")
    return PortalImage.objects.create(
        title="Façade",
        description="La façade du musée",
        file=ImageFile(buffer, name="facade.png"),
    )


def museum_with_everything(directory):
    museum = make_museum(
        directory,
        title="Musée de l'Hospice Comtesse",
        city="Lille",
        postcode="59800",
        address="32 rue de la Monnaie",
        latitude=Decimal("50.64000"),
        longitude=Decimal("3.06400"),
        phone="03 28 36 84 00",
        email="hospice@example.org",
        website="https://example.org/hospice-comtesse",
        summary="Un ancien hôpital du XIIIe siècle.",
        image=make_image(),
        publish=False,
    )
    for weekday in (0, 2, 3, 4):
        museum.opening_hours.add(OpeningHours(weekday=weekday, opens=time(10), closes=time(18)))
    museum.opening_hours.add(OpeningHours(weekday=6, opens=time(14), closes=time(18, 30)))
    museum.save_revision().publish()
    return museum


def test_museum_json_ld_has_address_geo_hours_and_contact(client, directory):
    museum = museum_with_everything(directory)
    [data] = json_ld(client.get(museum.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Museum"
    assert data["name"] == "Musée de l'Hospice Comtesse"
    assert data["url"] == "https://example.org/hospice-comtesse"
    assert data["mainEntityOfPage"] == museum.get_full_url()
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "32 rue de la Monnaie",
        "postalCode": "59800",
        "addressLocality": "Lille",
        "addressRegion": "Hauts-de-France",
        "addressCountry": "FR",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 50.64, "longitude": 3.064}
    assert data["telephone"] == "03 28 36 84 00"
    assert data["email"] == "hospice@example.org"
    assert data["description"] == "Un ancien hôpital du XIIIe siècle."
    assert data["image"][0].startswith("http://testserver/")
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [
                f"{SCHEMA}Monday",
                f"{SCHEMA}Wednesday",
                f"{SCHEMA}Thursday",
                f"{SCHEMA}Friday",
            ],
            "opens": "10:00",
            "closes": "18:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [f"{SCHEMA}Sunday"],
            "opens": "14:00",
            "closes": "18:30",
        },
    ]
    # Whether entry is free is not known: the property is left out rather than guessed.
    assert "isAccessibleForFree" not in data


def test_museum_json_ld_leaves_out_what_is_unknown(client, directory):
    museum = make_museum(
        directory, title="Musée du Touquet", city="Le Touquet", latitude=None, longitude=None
    )
    [data] = json_ld(client.get(museum.url).content.decode())
    assert data["url"] == museum.get_full_url()
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Le Touquet",
        "addressRegion": "Hauts-de-France",
        "addressCountry": "FR",
    }
    for key in ("geo", "telephone", "email", "image", "openingHoursSpecification"):
        assert key not in data


def test_a_museum_title_cannot_close_the_script(client, directory):
    museum = make_museum(directory, title='Musée</script><script>alert("x")</script>')
    html = client.get(museum.url).content.decode()
    assert "<script>alert" not in html
    head = html.split("</head>")[0]
    assert head.count("</script>") == 1
    [data] = json_ld(html)
    assert data["name"] == 'Musée</script><script>alert("x")</script>'
