import re

import pytest
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.education.blocks import ActivityBlock, duration_iso, duration_label
from musenor.pages.education.factories import (
    make_document,
    make_showcase,
    make_showcase_index,
    make_subject,
)
from musenor.pages.education.models import (
    SchoolLevel,
    ShowcaseIndexPage,
    ShowcasePage,
    ShowcasePath,
    ShowcaseTeachingFile,
    ShowcaseWork,
)
from musenor.pages.home.models import HomePage
from musenor.pages.museums.factories import make_museum, make_site_tree
from musenor.pages.museums.models import MuseumIndexPage
from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db


def fr(message, plural=None, count=None):
    """``message`` as the French site shows it, translated or not yet."""
    with translation.override("fr"):
        if plural is None:
            return str(translation.gettext(message))
        return translation.ngettext(message, plural, count) % {"counter": count}


@pytest.fixture
def index(home):
    return make_showcase_index(home, intro="Pour les classes, de la maternelle au lycée.")


def listed_titles(response):
    return [showcase.title for showcase in response.context["showcases"]]


# --- Creation rules ---------------------------------------------------------


class TestCreationRules(WagtailPageTestCase):
    def test_where_showcases_go(self):
        self.assertCanCreateAt(HomePage, ShowcaseIndexPage)
        self.assertCanCreateAt(StandardPage, ShowcaseIndexPage)
        self.assertCanCreateAt(ShowcaseIndexPage, ShowcasePage)
        self.assertCanNotCreateAt(HomePage, ShowcasePage)
        self.assertCanNotCreateAt(MuseumIndexPage, ShowcasePage)
        self.assertAllowedSubpageTypes(ShowcaseIndexPage, {ShowcasePage})
        self.assertAllowedSubpageTypes(ShowcasePage, set())
        self.assertAllowedParentPageTypes(ShowcasePage, {ShowcaseIndexPage})

    def test_one_index_per_parent(self):
        home, _directory = make_site_tree()
        make_showcase_index(home)
        assert not ShowcaseIndexPage.can_create_at(home)


def test_levels_exist_in_school_order():
    # Created by the data migration, in the order of the French school system.
    assert [str(level.short_name) for level in SchoolLevel.objects.all()] == [
        "Cycle 1",
        "Cycle 2",
        "Cycle 3",
        "Cycle 4",
        "Lycée",
    ]
    assert SchoolLevel.objects.ensure_all().count() == 5


# --- The index and its filters ------------------------------------------------


def test_index_lists_live_showcases_with_levels_and_subjects(client, index):
    make_showcase(index, title="La Grande Guerre", levels=["cycle-3"], subjects=["Histoire"])
    make_showcase(index, title="Brouillon", publish=False)
    response = client.get(index.url)
    assert response.status_code == 200
    assert listed_titles(response) == ["La Grande Guerre"]
    html = response.content.decode()
    assert response.context["paginator"].count == 1
    assert fr("%(counter)s showcase", "%(counter)s showcases", 1) in html
    assert "Cycle 3" in html
    assert "<li>Histoire</li>" in html


@pytest.fixture
def catalogue(index):
    make_showcase(
        index, title="Grande Guerre", levels=["cycle-3", "cycle-4"], subjects=["Histoire"]
    )
    make_showcase(
        index, title="Paysages", levels=["cycle-2"], subjects=["Arts plastiques", "Sciences"]
    )
    make_showcase(index, title="Mine", levels=["cycle-4", "lycee"], subjects=["Histoire"])
    make_showcase(index, title="Matisse", levels=["cycle-1"], subjects=["Arts plastiques"])
    return index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Grande Guerre", "Matisse", "Mine", "Paysages"]),
        ("level=cycle-4", ["Grande Guerre", "Mine"]),
        ("level=lycee", ["Mine"]),
        ("subject=arts-plastiques", ["Matisse", "Paysages"]),
        ("level=cycle-4&subject=histoire", ["Grande Guerre", "Mine"]),
        ("level=cycle-1&subject=histoire", []),
    ],
)
def test_index_filters(client, catalogue, query, expected):
    response = client.get(f"{catalogue.url}?{query}")
    assert response.status_code == 200
    assert listed_titles(response) == expected


def test_filter_offers_only_the_subjects_taught(client, catalogue):
    make_subject("Éducation musicale")
    make_showcase(catalogue, title="Brouillon", subjects=["Géographie"], publish=False)
    form = client.get(catalogue.url).context["filter_form"]
    assert [str(label) for _slug, label in form.fields["subject"].choices] == [
        fr("All"),
        "Arts plastiques",
        "Histoire",
        "Sciences",
    ]


def test_unknown_filter_values_say_so_and_list_everything(client, catalogue):
    response = client.get(f"{catalogue.url}?level=cycle-9&subject=astrologie")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="error"') == 2
    assert len(listed_titles(response)) == 4


def test_nothing_found_offers_a_way_back(client, catalogue):
    html = client.get(f"{catalogue.url}?level=cycle-1&subject=histoire").content.decode()
    assert fr("No showcase matches these filters.") in html
    assert f'<a href="{catalogue.url}">' in html


def test_pages_keep_the_filters(client, catalogue, monkeypatch):
    monkeypatch.setattr(ShowcaseIndexPage, "per_page", 1)
    response = client.get(f"{catalogue.url}?level=cycle-4")
    assert listed_titles(response) == ["Grande Guerre"]
    assert "?level=cycle-4&amp;page=2" in response.content.decode()
    assert listed_titles(client.get(f"{catalogue.url}?level=cycle-4&page=2")) == ["Mine"]


# --- The showcase page -------------------------------------------------------------


@pytest.fixture
def showcase(index, directory):
    from musenor.pages.paths.factories import make_path, make_path_index

    historial = make_museum(directory, title="Historial de la Grande Guerre", city="Péronne")
    fromelles = make_museum(directory, title="Musée de la Bataille de Fromelles")
    path = make_path(make_path_index(index.get_parent()), title="Sur les traces des poilus")
    document = make_document("Dossier enseignant", ["Déroulé de la visite."])
    return make_showcase(
        index,
        title="La Grande Guerre au cycle 3",
        levels=["cycle-3"],
        subjects=["Histoire", "Histoire des arts"],
        museums=[historial],
        objectives="<ul><li>Situer la guerre dans le temps.</li></ul>",
        activities=[
            (
                "activity",
                {
                    "title": "Visite guidée",
                    "duration": 90,
                    "level": "cycle-3",
                    "place": "museum",
                    "description": "<p>Trois armées face à face.</p>",
                },
            ),
            ("activity", {"title": "En classe", "description": "<p>Le monument aux morts.</p>"}),
        ],
        teaching_files=[ShowcaseTeachingFile(document=document, description="Deux pages.")],
        linked_works=[
            ShowcaseWork(title="Der Krieg", artist="Otto Dix", date="1924", museum=historial),
            ShowcaseWork(title="Lettre de poilu", museum=fromelles, inventory_number="2010.1.4"),
            ShowcaseWork(title="Carte postale", museum_name="Archives départementales"),
        ],
        linked_paths=[ShowcasePath(path=path, note="Un parcours à faire en famille.")],
    )


def test_showcase_page_shows_what_a_teacher_needs(client, showcase):
    response = client.get(showcase.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>La Grande Guerre au cycle 3</h1>" in html
    assert fr("Cycle 3 (CM1 to 6e)") in html
    assert "Histoire, Histoire des arts" in html
    assert "<li>Situer la guerre dans le temps.</li>" in html
    # Activities in order, headings under "Activities", durations machine-readable.
    assert html.index(f"<h2>{fr('Activities')}</h2>") < html.index("<h3>Visite guidée</h3>")
    assert html.index("<h3>Visite guidée</h3>") < html.index("<h3>En classe</h3>")
    assert '<time datetime="PT1H30M">1 h 30</time>' in html
    assert fr("At the museum") in html
    # The teaching file: a download link that says its format and size.
    document = showcase.teaching_files.get().document
    link = re.search(rf'<a href="{re.escape(document.url)}" download>(.*?)</a>', html, re.S)
    assert link is not None
    assert "Dossier enseignant" in link[1]
    assert re.search(r"\(PDF, [\d,.\s\xa0]+(octets|Ko)\)", link[1])
    assert "Deux pages." in html
    # Linked museums, works and paths.
    assert "Historial de la Grande Guerre" in html
    assert "<cite>Der Krieg</cite>, Otto Dix, 1924" in html
    assert "inv. 2010.1.4" in html
    assert "Archives départementales" in html
    assert "Sur les traces des poilus" in html
    assert "Un parcours à faire en famille." in html


def test_unpublished_links_are_left_out(client, showcase):
    museum = showcase.linked_museums.get().museum
    museum.unpublish()
    path = showcase.linked_paths.get().path
    path.unpublish()
    html = client.get(showcase.url).content.decode()
    assert f'href="{museum.url}"' not in html
    assert "Sur les traces des poilus" not in html
    # The work stays, without the link to an unpublished museum.
    assert "<cite>Der Krieg</cite>" in html


# --- Blocks and files ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "label", "iso"),
    [
        (45, "45 min", "PT45M"),
        (60, "1 h", "PT1H"),
        (90, "1 h 30", "PT1H30M"),
        (125, "2 h 05", "PT2H5M"),
    ],
)
def test_durations(minutes, label, iso):
    assert duration_label(minutes) == label
    assert duration_iso(minutes) == iso


def test_activity_needs_a_description_and_a_sensible_duration():
    from wagtail.blocks import StructBlockValidationError

    block = ActivityBlock()
    value = block.to_python({"title": "Visite", "duration": 30, "description": "<p></p>"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "description" in error.value.block_errors
    value = block.to_python({"title": "Visite", "duration": 2000, "description": "<p>Oui</p>"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "duration" in error.value.block_errors
    value = block.to_python({"title": "Visite", "duration": 30, "description": "<p>Oui</p>"})
    assert block.clean(value)["title"] == "Visite"


def test_activity_preview_renders():
    block = ActivityBlock()
    html = block.render(block.get_preview_value())
    assert "<h3>Dessiner le ciel</h3>" in html
    assert '<time datetime="PT45M">45 min</time>' in html


def test_demo_pdf_is_well_formed():
    from musenor.pages.education.pdf import minimal_pdf

    data = minimal_pdf("Fiche élève (cycle 3)", ["Été 1914 : la mobilisation. " * 12, "Fin."])
    assert data.startswith(b"%PDF-1.4\n")
    assert data.rstrip().endswith(b"%%EOF")
    startxref = int(re.search(rb"startxref\n(\d+)\n", data)[1])
    assert data[startxref:].startswith(b"xref\n0 8\n")
    offsets = re.findall(rb"(\d{10}) 00000 n ", data[startxref:])
    assert len(offsets) == 7
    for number, offset in enumerate(offsets, start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj\n" % number)
    length = int(re.search(rb"/Length (\d+)", data)[1])
    stream = data[data.index(b"stream\n") + 7 :]
    assert stream[length:].startswith(b"\nendstream")
    # Accents are written in the font's encoding, parentheses escaped.
    assert "Fiche élève \\(cycle 3\\)".encode("cp1252") in data


def test_search_finds_a_showcase_by_its_works_and_activities(showcase):
    assert list(ShowcasePage.objects.live().search("Otto Dix")) == [showcase]
    assert list(ShowcasePage.objects.live().search("monument aux morts")) == [showcase]


def test_an_english_showcase_links_its_museums_in_english_in_few_queries(
    client, home, directory, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from musenor.pages.education.factories import make_showcase, make_showcase_index
    from musenor.pages.museums.factories import make_museum
    from musenor.site.translations import synchronise_locales

    index = make_showcase_index(home)
    museums = [make_museum(directory, title=f"Musée {n}", themes=["beaux-arts"]) for n in range(4)]
    one = make_showcase(index, title="Un musée", museums=museums[:1])
    four = make_showcase(index, title="Quatre musées", museums=museums)
    with django_capture_on_commit_callbacks(execute=True):
        synchronise_locales()
    english = Locale.objects.get(language_code="en")

    def queries(showcase):
        url = showcase.get_translation(english).url
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(url).content.decode()
        assert all(
            f'href="/en/musees/{m.slug}/"' in html
            for m in museums[: len(showcase.linked_museums.all())]
        )
        return len(captured)

    assert queries(four) == queries(one)
