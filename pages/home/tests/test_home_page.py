"""The home page presents the network: its sections, in the editors' order, in few queries."""

import re

import pytest

from musenor.pages.home.demo import SECTIONS
from musenor.pages.home.factories import make_network
from musenor.plugins import PagePanel
from musenor.plugins.manager import registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(home, directory):
    return make_network(home, directory)


def test_the_home_page_shows_what_is_on_the_news_the_directory_and_the_operation(client, network):
    html = client.get("/").content.decode()
    # What is on now, then what comes next; neither what is over nor the permanent display.
    assert html.index("Nuages") < html.index("Estampes")
    assert "Terminée" not in html and "Collection permanente" not in html
    # The three latest news, newest first.
    assert html.index("Nouvelle 0") < html.index("Nouvelle 1") < html.index("Nouvelle 2")
    assert "Nouvelle 3" not in html
    # A search form into the directory, its départements and its map.
    assert 'action="/musees/"' in html and 'name="q"' in html
    assert 'href="/musees/?department=62"' in html
    assert "Les 2 musées du réseau, en liste et sur une carte" in html
    # The operation of this year, not an older one.
    assert "MuséoSciences" in html and "Ancienne opération" not in html


def test_editors_reorder_the_sections(client, network):
    network.body = [(t, v) for t, v in reversed(list(SECTIONS)) if t != "page_cards"]
    network.save_revision().publish()
    html = client.get("/").content.decode()
    assert html.index("MuséoSciences") < html.index("Nouvelle 0") < html.index("Nuages")


def test_plugin_content_reaches_the_home_page_through_the_hook(client, network):
    from types import ModuleType

    from musenor.plugins import hookimpl

    plugin = ModuleType("home_panel_plugin")
    plugin.page_panels = hookimpl(
        lambda page, request: (
            [PagePanel(title="Trésors des collections", template="musenor_home/tests/panel.html")]
            if page.specific_class.__name__ == "HomePage"
            else []
        )
    )
    with registered(plugin, name="home_panel_plugin"):
        html = client.get("/").content.decode()
        assert "Trésors des collections" in html
    assert "Trésors des collections" not in client.get("/").content.decode()


def test_the_demo_composes_the_home_page_once(client, home):
    from musenor.pages.home.demo import compose
    from musenor.pages.paths.models import PathIndexPage

    paths = PathIndexPage(title="Parcours thématiques", slug="parcours")
    home.add_child(instance=paths)
    paths.save_revision().publish()
    compose(home)
    home.refresh_from_db()
    kinds = [block.block_type for block in home.body]
    assert kinds[-5:] == [kind for kind, _value in SECTIONS]
    assert [page.pk for page in home.body[-1].value["pages"]] == [paths.pk]
    compose(home)  # an editor's order is kept: nothing is added twice
    home.refresh_from_db()
    assert [block.block_type for block in home.body] == kinds
    assert "Parcours thématiques" in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("code", "museums"),
    [
        ("en", "The 2 museums of the network, on a list and a map"),
        ("nl", "De 2 musea van het netwerk, in een lijst en op een kaart"),
    ],
)
def test_every_section_of_the_home_page_reads_in_english_and_dutch(
    client, network, django_capture_on_commit_callbacks, code, museums
):
    from django.utils import translation
    from wagtail.models import Locale

    from musenor.pages.news.models import NewsPage
    from musenor.site.demo import translate_page
    from musenor.site.translations import synchronise_locales

    with django_capture_on_commit_callbacks(execute=True):
        synchronise_locales()
    locale = Locale.objects.get(language_code=code)
    french_news = NewsPage.objects.get(locale__language_code="fr", title="Nouvelle 1")
    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        translate_page(french_news, locale, {"Nouvelle 1": f"News 1 ({code})"})

    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    # What is on, in the visitor's language tree (untranslated: French text).
    assert html.index("Nuages") < html.index("Estampes")
    assert "Terminée" not in html
    # The latest news, the translated one in its language, linking inside /en/ or /nl/.
    assert html.index("Nouvelle 0") < html.index(f"News 1 ({code})") < html.index("Nouvelle 2")
    assert "Nouvelle 1<" not in html
    links = re.findall(r'href="(/[^"]*)"', html)
    news = [link for link in links if "/actualites/" in link]
    assert news and all(link.startswith(f"/{code}/") for link in news), news
    # The directory's search form, départements and map, in the same language.
    assert f'action="/{code}/musees/"' in html
    assert f'href="/{code}/musees/?department=62"' in html
    assert museums in html
    assert "MuséoSciences" in html and "Ancienne opération" not in html
