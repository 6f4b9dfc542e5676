"""The editor's side: a circuit is composed with its stops, checked and previewed."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from musenor.pages.circuits.factories import make_circuit
from musenor.pages.circuits.models import CircuitPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser(
        email="communication@musenor.test", password="pw", first_name="C", last_name="M"
    )
    client.force_login(user)
    return user


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["musenor_circuits", "circuitpage", index.pk])


def circuit_form(stops, **fields):
    data = {
        "title": "Le bassin minier",
        "slug": "le-bassin-minier",
        "intro": "Du Louvre-Lens à Lewarde.",
        "theme": "Patrimoine mondial",
        "duration_days": "1",
        "stops": inline_formset(stops, min=2),
        "body": streamfield([]),
        "practical_info": rich_text("<p>Venez en train.</p>"),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def stop(museum, note="", minutes="", day=""):
    return {"museum": museum.pk, "note": note, "suggested_minutes": minutes, "day": day}


def test_pages_open_and_preview_in_the_admin(client, staff, circuit_index, war_museums):
    circuit = make_circuit(circuit_index, war_museums)
    for page in (circuit_index, circuit):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
        preview = page.specific.make_preview_request()
        assert preview.status_code == 200
        assert page.title in preview.content.decode()


def test_compose_and_publish_a_circuit(client, staff, circuit_index, war_museums):
    fromelles, peronne, _blerancourt = war_museums
    stops = [stop(peronne, "Commencez ici.", "120"), stop(fromelles, "Puis le front.")]
    response = client.post(add_url(circuit_index), circuit_form(stops))
    assert response.status_code == 302, response.content.decode()[:3000]
    circuit = CircuitPage.objects.get(slug="le-bassin-minier")
    assert circuit.live
    assert [s.museum.title for s in circuit.stops.all()] == [
        "Historial de la Grande Guerre",
        "Musée de la Bataille de Fromelles",
    ]
    assert circuit.stops.first().locale == circuit.locale  # translatable, in the page's locale
    html = client.get(circuit.url).content.decode()
    assert "Commencez ici." in html and "Venez en train." in html


def test_a_circuit_needs_two_stops(client, staff, circuit_index, war_museums):
    response = client.post(add_url(circuit_index), circuit_form([stop(war_museums[0])]))
    assert response.status_code == 200
    assert not CircuitPage.objects.exists()
    assert response.context["form"].formsets["stops"].non_form_errors()


def test_bad_stops_get_a_clear_message(client, staff, circuit_index, war_museums):
    fromelles, peronne, _blerancourt = war_museums
    stops = [stop(fromelles, day="1"), stop(fromelles), stop(peronne, day="3")]
    response = client.post(add_url(circuit_index), circuit_form(stops, duration_days="2"))
    assert response.status_code == 200
    assert not CircuitPage.objects.exists()
    forms = response.context["form"].formsets["stops"].forms
    assert forms[1].errors["museum"] == [
        _("This museum is already the previous stop: remove one of the two.")
    ]
    assert forms[2].errors["day"] == [
        ngettext(
            "The circuit lasts %(days)d day: the stop's day can only be 1.",
            "The circuit lasts %(days)d days: choose a day from 1 to %(days)d.",
            2,
        )
        % {"days": 2}
    ]
    assert not forms[0].errors
