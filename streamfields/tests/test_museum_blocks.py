"""Museum card, page cards and map of museums: rendering, validation, queries, languages."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Locale

from musenor.pages.museums.factories import make_museum, make_theme
from musenor.pages.standard.models import StandardPage
from musenor.streamfields.blocks import MuseumCardBlock, MuseumMapBlock, PageCardsBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def museum_with_image(directory, make_image):
    museum = make_museum(
        directory,
        title="Musée de la Chartreuse",
        city="Douai",
        department="59",
        themes=["Beaux-arts", "Histoire"],
        summary="Un ancien couvent de chartreux.",
        musee_de_france=True,
    )
    museum.image = make_image(title="Cloître", description="Le cloître")
    museum.save_revision().publish()
    return museum


def standard_page(parent, title, image=None):
    page = StandardPage(title=title, listing_summary=f"Résumé de {title}.", listing_image=image)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def count_queries(render, items, page=None):
    render(items, page)  # renditions are made on the first rendering
    with CaptureQueriesContext(connection) as queries:
        render(items, page)
    return len(queries)


# --- Museum card --------------------------------------------------------------------


def test_museum_card_shows_image_city_themes_and_link(museum_with_image):
    block = MuseumCardBlock()
    html = block.render(block.clean(block.to_python({"museum": museum_with_image.pk, "text": ""})))
    assert f'<a href="{museum_with_image.url}">Musée de la Chartreuse</a>' in html
    assert "Douai · Nord" in html and "Musée de France" in html
    assert "<li>Beaux-arts</li><li>Histoire</li>" in html
    assert "Un ancien couvent" in html
    assert 'loading="lazy"' in html and 'alt=""' in html


def test_museum_card_text_replaces_the_summary(museum_with_image):
    block = MuseumCardBlock()
    html = block.render(
        block.to_python({"museum": museum_with_image.pk, "text": "Le coup de cœur."})
    )
    assert "Le coup de cœur." in html and "Un ancien couvent" not in html


def test_museum_card_refuses_an_unpublished_museum(directory):
    museum = make_museum(directory, title="Musée en travaux", publish=False)
    block = MuseumCardBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python({"museum": museum.pk}))
    assert "not published" in str(excinfo.value.block_errors["museum"].messages)
    # A museum unpublished after the page was saved disappears from it.
    assert block.render(block.to_python({"museum": museum.pk})).strip() == ""


def test_museum_card_chooser_offers_museums_only():
    assert (
        MuseumCardBlock().child_blocks["museum"].target_model._meta.label
        == "musenor_museums.MuseumPage"
    )


def test_museum_cards_queries_do_not_grow_with_cards(directory, make_image, render_stream):
    museums = []
    for n in range(6):
        museum = make_museum(directory, title=f"Musée {n}", themes=["Beaux-arts", f"Thème {n}"])
        museum.image = make_image(title=f"Image {n}")
        museum.save_revision().publish()
        museums.append(museum)

    def cards(count):
        return [("MuseumCardBlock", {"museum": m.pk, "text": ""}) for m in museums[:count]]

    with translation.override("fr"):
        one = count_queries(render_stream, cards(1))
        six = count_queries(render_stream, cards(6))
    # Museums with their images, themes, and the renditions of both kinds of image.
    assert one == six <= 4
    # In English, one more: the themes' translations, once for the request.
    with translation.override("en"):
        one = count_queries(render_stream, cards(1))
        six = count_queries(render_stream, cards(6))
    assert one == six <= 5


# --- Page cards ----------------------------------------------------------------------


def test_page_cards_show_listing_fields_of_pages_of_any_type(
    home, directory, museum_with_image, make_image
):
    page = standard_page(home, "Le réseau", image=make_image(title="Réseau"))
    page.listing_title = "Qui sommes-nous ?"
    page.save_revision().publish()
    block = PageCardsBlock()
    raw = {"heading": "À lire aussi", "pages": [page.pk, museum_with_image.pk, directory.pk]}
    html = block.render(block.clean(block.to_python(raw)))
    assert "<h2>À lire aussi</h2>" in html
    assert f'<h3 class="card-title"><a href="{page.url}">Qui sommes-nous ?</a></h3>' in html
    # The museum's summary stands in for its listing summary (its specific display_summary).
    assert "Un ancien couvent" in html
    assert ">Les musées</a>" in html
    assert html.count("<picture>") == 1


def test_page_cards_skip_unpublished_pages(home):
    shown = standard_page(home, "Publiée")
    hidden = standard_page(home, "Retirée")
    hidden.unpublish()
    block = PageCardsBlock()
    html = block.render(block.to_python({"heading": "", "pages": [shown.pk, hidden.pk]}))
    assert "Publiée" in html and "Retirée" not in html
    # Without a heading of their own, the cards' titles are level 2.
    assert '<h2 class="card-title">' in html


def test_page_cards_refuse_the_same_page_twice(home):
    page = standard_page(home, "Deux fois")
    block = PageCardsBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python({"heading": "", "pages": [page.pk, page.pk]}))
    assert "twice" in str(excinfo.value.block_errors["pages"].messages)


def test_page_cards_queries_do_not_grow_with_cards(home, directory, make_image, render_stream):
    pages = [standard_page(home, f"Page {n}", image=make_image(title=f"P{n}")) for n in range(8)]
    museums = [make_museum(directory, title=f"Musée {n}") for n in range(4)]

    def cards(standard, museum):
        return [
            (
                "PageCardsBlock",
                {"heading": "", "pages": [p.pk for p in pages[:standard] + museums[:museum]]},
            )
        ]

    few = count_queries(render_stream, cards(1, 1))
    many = count_queries(render_stream, cards(8, 4))
    # Which pages and of what type, each type's fields, the listing images, their
    # renditions, and the site of the request (once per request, for the URLs).
    assert few == many <= 6
    # Two blocks share the same queries.
    assert count_queries(render_stream, cards(4, 2) + cards(8, 4)) == many


# --- Languages -----------------------------------------------------------------------


def test_cards_follow_the_language_of_the_page(home, directory, museum_with_image):
    english = Locale.objects.create(language_code="en")
    english_page = home.copy_for_translation(english)
    directory.copy_for_translation(english)
    translation = museum_with_image.copy_for_translation(english)
    translation.title = "Chartreuse Museum"
    translation.save_revision().publish()
    block = MuseumCardBlock()
    value = block.to_python({"museum": museum_with_image.pk, "text": ""})
    html = block.render(value, context={"page": english_page})
    assert "Chartreuse Museum" in html
    french = block.render(value, context={"page": home})
    assert "Musée de la Chartreuse" in french
    # Page cards and maps do the same.
    cards = PageCardsBlock()
    html = cards.render(
        cards.to_python({"heading": "", "pages": [museum_with_image.pk]}),
        context={"page": english_page},
    )
    assert "Chartreuse Museum" in html
    museum_map = MuseumMapBlock()
    html = museum_map.render(
        museum_map.to_python(map_raw(department="59")), context={"page": english_page}
    )
    assert listed(html) == ["Chartreuse Museum"]


# --- Map of museums --------------------------------------------------------------------


@pytest.fixture
def network(directory):
    museums = {}
    for title, city, department, themes, lat in [
        ("Palais des Beaux-Arts", "Lille", "59", ["Beaux-arts"], "50.63"),
        ("La Piscine", "Roubaix", "59", ["Beaux-arts", "Arts décoratifs"], "50.69"),
        ("Louvre-Lens", "Lens", "62", ["Beaux-arts", "Archéologie"], "50.43"),
        ("Musée de Picardie", "Amiens", "80", ["Archéologie"], None),
    ]:
        museums[title] = make_museum(
            directory,
            title=title,
            city=city,
            department=department,
            themes=themes,
            latitude=Decimal(lat) if lat else None,
            longitude=Decimal("3.06") if lat else None,
        )
    return museums


def map_raw(museums=(), theme=None, department=""):
    return {
        "heading": "Les musées",
        "museums": [m.pk for m in museums],
        "theme": theme.pk if theme else None,
        "department": department,
    }


def listed(html):
    import re

    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', html)


def test_map_lists_the_chosen_museums_in_their_order(network):
    block = MuseumMapBlock()
    chosen = [network["Louvre-Lens"], network["La Piscine"]]
    html = block.render(block.clean(block.to_python(map_raw(chosen))))
    assert listed(html) == ["Louvre-Lens", "La Piscine"]
    assert "Lens (Pas-de-Calais)" in html


def test_map_lists_every_museum_of_a_theme_and_departement(network):
    block = MuseumMapBlock()
    theme = make_theme("Beaux-arts")
    html = block.render(block.clean(block.to_python(map_raw(theme=theme))))
    assert listed(html) == ["La Piscine", "Louvre-Lens", "Palais des Beaux-Arts"]
    html = block.render(block.clean(block.to_python(map_raw(theme=theme, department="59"))))
    assert listed(html) == ["La Piscine", "Palais des Beaux-Arts"]
    html = block.render(block.clean(block.to_python(map_raw(department="80"))))
    assert listed(html) == ["Musée de Picardie"]


def test_map_without_tiles_is_a_list_only(network, settings):
    settings.MUSENOR_MAP_TILES_URL = ""
    block = MuseumMapBlock()
    html = block.render(block.to_python(map_raw(department="59")))
    assert "data-block-map" not in html and "<script" not in html


def test_map_with_tiles_carries_its_points_for_the_script(network, settings):
    import json
    import re

    settings.MUSENOR_MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.MUSENOR_MAP_ATTRIBUTION = "© Exemple"
    block = MuseumMapBlock()
    html = block.render(block.to_python(map_raw(list(network.values()))))
    assert re.search(
        r'<div class="map" hidden data-block-map data-tiles="https://tiles.example.org/', html
    )
    points = json.loads(
        re.search(r'<script type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    # The museum without coordinates is listed, not placed on the map.
    assert [p["name"] for p in points] == ["Palais des Beaux-Arts", "La Piscine", "Louvre-Lens"]
    assert len(listed(html)) == 4
    assert "museum-map.js" in html and "vendor/leaflet/leaflet.js" in html


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (lambda network: map_raw(), "Choose museums, or a theme"),
        (lambda network: map_raw([network["La Piscine"]], department="59"), "not both"),
        (lambda network: map_raw([network["La Piscine"], network["La Piscine"]]), "twice"),
    ],
)
def test_map_validation(network, raw, message):
    block = MuseumMapBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw(network)))
    assert message in str(excinfo.value.block_errors["museums"].messages)


def test_map_queries_do_not_grow_with_museums(directory, render_stream):
    theme = make_theme("Beaux-arts")
    for n in range(3):
        make_museum(directory, title=f"Musée {n}", themes=["Beaux-arts"])
    few = count_queries(render_stream, [("MuseumMapBlock", map_raw(theme=theme))])
    for n in range(3, 20):
        make_museum(directory, title=f"Musée {n}", themes=["Beaux-arts"])
    many = count_queries(render_stream, [("MuseumMapBlock", map_raw(theme=theme))])
    assert few == many
