"""Plugins' panels on core pages (the ``page_panels`` hook and the ``{% page_panels %}`` tag).

The plugins are module objects registered for a while; their panel templates
are real files in a temporary template folder.
"""

import logging
from types import ModuleType

import pytest

from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.museums.factories import make_museum
from musenor.plugins import PagePanel, hookimpl
from musenor.plugins.manager import registered

pytestmark = pytest.mark.django_db

TEMPLATES = {
    "records.html": '<p class="records">{{ count }} objets à {{ page.city }}.</p>',
    "loans.html": '<p class="loans">{{ loans|join:", " }}</p>',
    "broken.html": "<p>{% url 'musenor_nowhere:index' %}</p>",
}


@pytest.fixture
def panel_templates(tmp_path, settings):
    folder = tmp_path / "templates" / "musenor_records"
    folder.mkdir(parents=True)
    for name, text in TEMPLATES.items():
        (folder / name).write_text(text, encoding="utf-8")
    engine = dict(settings.TEMPLATES[0])
    engine["DIRS"] = [tmp_path / "templates"]
    settings.TEMPLATES = [engine]


def panels_plugin(name, function):
    plugin = ModuleType(name)
    plugin.page_panels = hookimpl(function)
    return plugin


def records_panels(page, request):
    """As the collections plugin would: its records on museum pages only."""
    if page.specific_class.__name__ != "MuseumPage":
        return []
    return [
        PagePanel("Objets de ce musée", "musenor_records/records.html", {"count": 12}),
        PagePanel(
            "Matériel prêté",
            "musenor_records/loans.html",
            {"loans": ["Vitrine", "Socle"]},
            order=50,
            slot="aside",
        ),
    ]


@pytest.fixture
def museum(directory):
    return make_museum(directory, title="Musée de Picardie", city="Amiens")


def test_a_plugin_shows_panels_on_the_museum_page(client, museum, panel_templates):
    with registered(panels_plugin("records", records_panels), name="records"):
        html = client.get(museum.url).content.decode()
    assert (
        '<section class="page-panel" aria-labelledby="page-panel-main-1">\n'
        '    <h2 id="page-panel-main-1">Objets de ce musée</h2>\n'
        '    <p class="records">12 objets à Amiens.</p>'
    ) in html
    # In the practical aside, under its h2: an h3.
    assert '<h3 id="page-panel-aside-1">Matériel prêté</h3>' in html
    assert '<p class="loans">Vitrine, Socle</p>' in html
    assert html.index("page-panels-main") < html.index('class="practical"')
    assert html.index('class="practical"') < html.index("page-panels-aside")


def test_without_panels_the_page_has_no_panel_markup(client, museum, home, panel_templates):
    assert "page-panel" not in client.get(museum.url).content.decode()
    with registered(panels_plugin("records", records_panels), name="records"):
        # The plugin has nothing for the home page.
        assert "page-panel" not in client.get(home.url).content.decode()


def test_panels_reach_the_home_and_exhibition_pages_sorted_by_order(
    client, home, museum, panel_templates
):
    exhibition = make_exhibition(make_exhibition_index(home), title="Trésors", museums=[museum])

    def everywhere(page):
        return [
            PagePanel("Second", "musenor_records/loans.html", {"loans": ["b"]}, order=200),
            PagePanel("Premier", "musenor_records/loans.html", {"loans": ["a"]}, order=10),
        ]

    with registered(panels_plugin("everywhere", everywhere), name="everywhere"):
        for page in (home, exhibition):
            html = client.get(page.url).content.decode()
            assert '<h2 id="page-panel-main-1">Premier</h2>' in html, page
            assert '<h2 id="page-panel-main-2">Second</h2>' in html, page


def test_a_failing_panel_is_logged_and_left_out(client, museum, panel_templates, caplog):
    def broken_hook(page):
        raise RuntimeError("no connection to the records database")

    def broken_template(page):
        return [PagePanel("Cassé", "musenor_records/broken.html")]

    with (
        registered(panels_plugin("records", records_panels), name="records"),
        registered(panels_plugin("failing", broken_hook), name="failing"),
        registered(panels_plugin("badtemplate", broken_template), name="badtemplate"),
        caplog.at_level(logging.ERROR, logger="musenor.plugins"),
    ):
        response = client.get(museum.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "12 objets à Amiens." in html
    assert "Cassé" not in html
    messages = sorted(record.getMessage() for record in caplog.records)
    assert len(messages) == 2
    assert "The plugin badtemplate" in messages[0]
    assert "musenor_records/broken.html" in messages[0]
    assert "The plugin failing" in messages[1]
    assert "page_panels" in messages[1]


def test_with_debug_a_failing_panel_raises(client, museum, panel_templates, settings):
    settings.DEBUG = True

    def broken_hook(page):
        raise RuntimeError("no connection to the records database")

    client.raise_request_exception = True
    with (
        registered(panels_plugin("failing", broken_hook), name="failing"),
        pytest.raises(RuntimeError, match="records database"),
    ):
        client.get(museum.url)
