"""Per-museum rights: a museum's editors act on their museum's records only; staff on all.

Each check goes through what an editor meets: the admin's listing, edit,
history, delete and preview views, the creation form, and the functions the
import and Wagtail's snippet API call.
"""

import pytest
from django.urls import reverse
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from musenor.plugins.notices.factories import make_record, make_term
from musenor.plugins.notices.models import Domain, LegalStatus, Record
from musenor.plugins.notices.permissions import museums_edited_by, records_editable_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(museums):
    return tuple(
        make_record(museum, inventory_number=f"{n}.1", title=f"Objet du musée {n}")
        for n, museum in enumerate(museums)
    )


def url(name, *args):
    return reverse(f"notices_records:{name}", args=args)


def denied(response):
    """Wagtail's admin answers a refusal by sending back to its home page, with a message."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_records_editable_by_gives_an_editor_their_museum_only(editors, staff_user, records):
    mine, theirs = records
    assert list(records_editable_by(editors[0])) == [mine]
    assert list(records_editable_by(editors[1])) == [theirs]
    assert set(records_editable_by(staff_user)) == {mine, theirs}
    assert list(museums_edited_by(editors[0])) == [mine.museum]


def test_the_registered_policy_is_the_plugins(editors, records):
    # Wagtail's snippet views and its snippet API (v3) ask the registered policy.
    policy = policy_registry.get_by_type(Record)
    mine, theirs = records
    assert policy.user_has_permission_for_instance(editors[0], "change", mine)
    assert not policy.user_has_permission_for_instance(editors[0], "change", theirs)
    assert not policy.user_has_permission_for_instance(editors[0], "delete", theirs)
    assert list(
        policy.instances_user_has_any_permission_for(editors[0], ["add", "change", "view"])
    ) == [mine]
    assert set(policy.users_with_permission_for_instance("change", theirs)) == {editors[1]}


def test_a_user_without_a_museum_edits_no_record(roles, records, django_user_model):
    member = django_user_model.objects.create_user(email="membre@musee.test", password="pw")
    assert not records_editable_by(member).exists()
    assert not policy_registry.get_by_type(Record).user_has_permission(member, "add")


def test_the_listing_shows_an_editor_their_museum_only(client, editors, records):
    client.force_login(editors[0])
    response = client.get(url("list"))
    assert response.status_code == 200
    assert "Objet du musée 0" in response.text
    assert "Objet du musée 1" not in response.text
    # Filtering on the other museum does not reach it either.
    response = client.get(url("list"), {"museum": records[1].museum_id})
    assert "Objet du musée 1" not in response.text


def test_staff_list_every_museum(client, staff_user, records):
    client.force_login(staff_user)
    response = client.get(url("list"))
    assert "Objet du musée 0" in response.text
    assert "Objet du musée 1" in response.text


@pytest.mark.parametrize("view", ["edit", "history", "delete", "usage", "unpublish", "lock"])
def test_an_editor_cannot_open_another_museums_record(client, editors, records, view):
    mine, theirs = records
    client.force_login(editors[0])
    assert denied(client.get(url(view, theirs.pk)))
    assert not denied(client.get(url(view, mine.pk)))


def test_an_editor_cannot_post_to_another_museums_record(client, editors, records):
    theirs = records[1]
    client.force_login(editors[0])
    assert denied(client.post(url("delete", theirs.pk)))
    assert Record.objects.filter(pk=theirs.pk).exists()


def record_form(museum, **changes):
    fields = {
        "museum": museum.pk,
        "inventory_number": "2024.5.1",
        "museo": "M0017",
        "legal_status": make_term(LegalStatus, "propriété de la commune").pk,
        "title": "Nature morte aux huîtres",
        "denominations": "tableau",
        "authors": "",
        "schools": "",
        "periods": "",
        "techniques": "huile sur toile ; bois",
        "subjects": "",
        "places": "",
        "loss_status": "",
        "images": inline_formset([]),
    }
    fields.update(changes)
    data = nested_form_data(fields)
    data["domains"] = [make_term(Domain, "peinture").pk]
    return data


def test_an_editor_creates_a_record_in_their_museum(client, editors, museums):
    client.force_login(editors[0])
    response = client.post(url("add"), record_form(museums[0]))
    assert response.status_code == 302, response.context["form"].errors
    record = Record.objects.get(inventory_number="2024.5.1")
    assert record.museum_id == museums[0].pk
    assert {t.label for t in record.techniques.all()} == {"huile sur toile", "bois"}


def test_an_editor_cannot_create_a_record_in_another_museum(client, editors, museums):
    client.force_login(editors[0])
    response = client.post(url("add"), record_form(museums[1]))
    assert response.status_code == 200
    assert "museum" in response.context["form"].errors
    assert not Record.objects.filter(inventory_number="2024.5.1").exists()


def test_the_creation_form_offers_only_the_editors_museums(client, editors, museums):
    client.force_login(editors[0])
    form = client.get(url("add")).context["form"]
    assert list(form.fields["museum"].queryset) == [museums[0]]
