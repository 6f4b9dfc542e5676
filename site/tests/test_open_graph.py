"""Open Graph and Twitter card tags in the head of every page, from BasePage.get_meta()."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from musenor.pages.news.factories import make_news, make_news_index
from musenor.pages.standard.models import StandardPage
from musenor.site.models import PortalImage

pytestmark = pytest.mark.django_db

META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')


def meta_tags(html):
    return dict(META.findall(html.split("</head>")[0]))


def make_image(title="Beffroi"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (120, 30, 50)).save(buffer, "PNG")
    return PortalImage.objects.create(
        title=title,
        description="Le beffroi d'Arras au soleil couchant",
        file=ImageFile(buffer, name=f"{title.lower()}.png"),
    )


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_with_a_social_image_is_shared_with_a_large_card(client, home):
    page = publish(
        home,
        StandardPage(
            title="À propos",
            slug="a-propos",
            seo_title="L'association Musenor",
            search_description="Qui nous sommes.",
            social_text="Les professionnels des musées des Hauts-de-France, ensemble.",
            social_image=make_image(),
        ),
    )
    tags = meta_tags(client.get(page.url).content.decode())
    assert tags["og:title"] == "L&#x27;association Musenor"
    assert tags["og:type"] == "website"
    assert tags["og:url"] == page.get_full_url()
    assert tags["og:site_name"] == "Musenor"
    assert tags["og:description"] == "Les professionnels des musées des Hauts-de-France, ensemble."
    assert tags["description"] == "Qui nous sommes."
    assert re.fullmatch(
        r"http://testserver/media/images/beffroi[\w.]*\.fill-1200x630\.png", tags["og:image"]
    ), tags["og:image"]
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "Le beffroi d&#x27;Arras au soleil couchant"
    assert tags["twitter:card"] == "summary_large_image"


def test_without_image_the_card_is_small_and_the_description_falls_back(client, home):
    page = publish(
        home,
        StandardPage(title="Adhérer", slug="adherer", search_description="Rejoindre le réseau."),
    )
    tags = meta_tags(client.get(page.url).content.decode())
    assert tags["og:title"] == "Adhérer"
    assert tags["og:description"] == "Rejoindre le réseau."
    assert "og:image" not in tags
    assert tags["twitter:card"] == "summary"


def test_a_news_item_is_an_article_shared_with_its_own_image(client, home):
    news = make_news(
        make_news_index(home),
        title="Le portail est en ligne",
        intro="Un seul site.",
        image=make_image("Portail"),
    )
    tags = meta_tags(client.get(news.url).content.decode())
    assert tags["og:type"] == "article"
    assert tags["og:description"] == tags["description"] == "Un seul site."
    assert "portail" in tags["og:image"]
    assert tags["twitter:card"] == "summary_large_image"
