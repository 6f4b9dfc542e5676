"""The home page presents the network: its sections, in the editors' order, in few queries."""

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
