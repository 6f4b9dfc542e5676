"""Thematic paths: where they live, how they render, how the index filters them."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.circuits.models import CircuitIndexPage
from musenor.pages.home.models import HomePage
from musenor.pages.museums.models import MuseumIndexPage
from musenor.pages.paths.durations import format_minutes, iso_duration
from musenor.pages.paths.factories import make_path, make_path_index
from musenor.pages.paths.models import PathIndexPage, ThematicPathPage
from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db


class TestCreationRules(WagtailPageTestCase):
    def test_index_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(PathIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PathIndexPage, {ThematicPathPage})

    def test_path_lives_under_the_index_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ThematicPathPage, {PathIndexPage})
        self.assertAllowedSubpageTypes(ThematicPathPage, set())
        self.assertCanNotCreateAt(MuseumIndexPage, ThematicPathPage)
        self.assertCanNotCreateAt(StandardPage, ThematicPathPage)
        self.assertCanNotCreateAt(CircuitIndexPage, ThematicPathPage)


@pytest.mark.parametrize(
    ("minutes", "text", "iso"),
    [
        (90, "1 h 30", "PT1H30M"),
        (60, "1 h", "PT1H"),
        (45, "45 min", "PT45M"),
        (125, "2 h 05", "PT2H5M"),
    ],
)
def test_durations_read_as_visitors_say_them(minutes, text, iso):
    assert format_minutes(minutes) == text
    assert iso_duration(minutes) == iso
    assert format_minutes(None) == iso_duration(0) == ""


def test_a_path_needs_an_audience(path_index):
    path = ThematicPathPage(title="Sans public", intro="…", duration=30, steps=[])
    with pytest.raises(ValidationError) as excinfo:
        path.clean()
    assert _("Choose at least one audience for this path.") in str(excinfo.value)
    path.for_schools = True
    path.clean()


def test_path_page_numbers_its_steps_and_lists_them(client, path_index, lille):
    path = make_path(
        path_index,
        title="En famille au Palais des Beaux-Arts",
        duration=75,
        for_art_lovers=True,
        level="intermediate",
        steps=[
            ("museum", {"museum": lille.pk, "note": "<p>Rendez-vous dans l'atrium.</p>"}),
            (
                "work",
                {
                    "title": "La Descente de croix",
                    "artist": "Pierre Paul Rubens",
                    "date": "vers 1616–1617",
                    "museum": lille.pk,
                    "inventory_number": "P 74",
                    "text": "<p>Suivez le drap blanc.</p>",
                },
            ),
            ("text", {"title": "Le jeu des animaux", "text": "<p>Trouvez un chien.</p>"}),
        ],
    )
    response = client.get(path.url)
    assert response.status_code == 200
    html = response.content.decode()

    steps = re.findall(r'<li class="path-step path-step--(\w+)" id="step-(\d+)">', html)
    assert steps == [("museum", "1"), ("work", "2"), ("text", "3")]
    assert escape(_("Step %(number)s") % {"number": 2} + " · " + _("Work")) in html
    # The table of contents links to each step, in order, by its title.
    toc = html[html.index('class="path-toc"') : html.index("</nav>", html.index("path-toc"))]
    assert re.findall(r'<a href="#step-(\d)">([^<]+)</a>', toc) == [
        ("1", "Palais des Beaux-Arts de Lille"),
        ("2", "La Descente de croix"),
        ("3", "Le jeu des animaux"),
    ]
    assert '<time datetime="PT1H15M">1 h 15</time>' in html
    for label in (_("Art lovers"), _("Families"), _("Intermediate")):  # families: the default
        assert escape(label) in html
    # The work says where to see it, with a link to the museum's page.
    assert f'<a href="{lille.url}">Palais des Beaux-Arts de Lille</a>, Lille' in html
    assert "P 74" in html
    assert "Suivez le drap blanc." in html


def test_a_museum_step_survives_its_museum_leaving_the_directory(client, path_index, lille):
    path = make_path(
        path_index,
        steps=[
            ("museum", {"museum": lille.pk, "note": "<p>Une note.</p>"}),
            ("text", {"title": "Suite", "text": "<p>…</p>"}),
        ],
    )
    lille.delete()
    html = client.get(path.url).content.decode()
    assert "Une note." in html
    # The kind of step stands in for the missing title.
    assert f'href="#step-1">{escape(_("Museum"))}</a>' in html


def test_index_lists_live_paths_only(client, path_index):
    make_path(path_index, title="Publié")
    make_path(path_index, title="Brouillon", publish=False)
    response = client.get(path_index.url)
    assert [p.title for p in response.context["paths"]] == ["Publié"]
    count = ngettext("%(counter)s path", "%(counter)s paths", 1) % {"counter": 1}
    assert count in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Amateurs", "Classes", "Familles"]),
        ("audience=families", ["Familles"]),
        ("audience=schools", ["Classes", "Familles"]),
        ("audience=accessibility", ["Classes"]),
        ("level=expert", ["Amateurs"]),
        ("audience=schools&level=easy", ["Familles"]),
        ("audience=art-lovers&level=easy", []),
    ],
)
def test_index_filters_by_audience_and_level(client, path_index, query, expected):
    make_path(path_index, title="Familles", for_families=True, for_schools=True, level="easy")
    make_path(
        path_index,
        title="Classes",
        for_families=False,
        for_schools=True,
        for_accessibility=True,
        level="intermediate",
    )
    make_path(path_index, title="Amateurs", for_families=False, for_art_lovers=True, level="expert")
    response = client.get(f"{path_index.url}?{query}")
    assert response.status_code == 200
    assert [p.title for p in response.context["paths"]] == expected
    if not expected:
        assert escape(_("No path matches these filters.")) in response.content.decode()


def test_a_bad_filter_value_is_reported_and_the_good_one_still_applies(client, path_index):
    make_path(path_index, title="Facile", level="easy")
    make_path(path_index, title="Expert", level="expert")
    response = client.get(f"{path_index.url}?audience=pirates&level=expert")
    html = response.content.decode()
    assert response.status_code == 200
    assert [p.title for p in response.context["paths"]] == ["Expert"]
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_audience-error"' in html
    assert re.search(r'<p class="error" id="id_audience-error">[^<]*pirates', html)


def test_index_paginates_and_keeps_the_filters(client, path_index):
    for n in range(PathIndexPage.per_page + 2):
        make_path(path_index, title=f"Parcours {n:02d}", level="easy")
    response = client.get(f"{path_index.url}?level=easy")
    html = response.content.decode()
    assert len(response.context["paths"]) == PathIndexPage.per_page
    assert "?level=easy&amp;page=2" in html
    second = client.get(f"{path_index.url}?level=easy&page=2")
    assert len(second.context["paths"]) == 2


def test_index_factory_is_idempotent(home):
    assert make_path_index(home).pk == make_path_index(home).pk
