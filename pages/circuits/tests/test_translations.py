"""Paths and circuits translate with wagtail-localize, and their catalogues are complete."""

from pathlib import Path

import polib
import pytest
from wagtail.models import Locale

from musenor.pages.circuits.factories import make_circuit
from musenor.pages.circuits.models import CircuitPage
from musenor.pages.paths.factories import make_path, make_path_index
from musenor.pages.paths.models import ThematicPathPage
from musenor.site.demo import translate_page

PAGES_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_a_circuit_translates_with_its_stop_notes(
    client, home, circuit_index, war_museums, django_capture_on_commit_callbacks
):
    english = Locale.objects.get_or_create(language_code="en")[0]
    circuit = make_circuit(
        circuit_index,
        [(war_museums[0], {"note": "La bataille du 19 juillet 1916."}), war_museums[1]],
        title="Sur les traces de la Grande Guerre",
        intro="Trois musées pour comprendre la guerre.",
    )
    strings = {
        "Sur les traces de la Grande Guerre": "In the footsteps of the Great War",
        "La bataille du 19 juillet 1916.": "The battle of 19 July 1916.",
    }
    # One page at a time: a translation is published on commit, and publishing a
    # parent after its child was added would save the parent's stale tree fields.
    for page in (home, circuit_index, circuit):
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(page, english, strings)
    translated = CircuitPage.objects.get(locale=english)
    assert translated.title == "In the footsteps of the Great War"
    stops = list(translated.stops.all())
    assert [s.note for s in stops] == ["The battle of 19 July 1916.", ""]
    # The museums are synchronised: the stops point at the same directory pages.
    assert [s.museum_id for s in stops] == [m.pk for m in war_museums[:2]]
    assert all(s.locale == english for s in stops)
    response = client.get(translated.url)
    assert response.status_code == 200
    assert "The battle of 19 July 1916." in response.content.decode()


@pytest.mark.django_db
def test_a_path_translates_with_its_steps(home, django_capture_on_commit_callbacks):
    english = Locale.objects.get_or_create(language_code="en")[0]
    index = make_path_index(home)
    path = make_path(
        index, steps=[("text", {"title": "Le jeu des animaux", "text": "<p>Trouvez un chien.</p>"})]
    )
    for page in (home, index, path):
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(page, english, {"Le jeu des animaux": "The animal game"})
    translated = ThematicPathPage.objects.get(locale=english)
    assert translated.steps[0].value["title"] == "The animal game"
    assert translated.duration == path.duration and translated.for_families


@pytest.mark.parametrize("app", ["paths", "circuits"])
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_catalogues_are_complete_and_compiled(app, lang):
    po_path = PAGES_DIR / app / "locale" / lang / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    assert po.metadata["Language"] == lang
    entries = [e for e in po if not e.obsolete]
    assert entries
    untranslated = [e.msgid for e in entries if not e.translated()]
    assert not untranslated, f"untranslated in {app}/{lang}: {untranslated}"
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    assert {e.msgid for e in mo if e.msgid} == {e.msgid for e in entries}
