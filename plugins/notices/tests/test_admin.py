"""Records in the Wagtail admin: drafts, revisions, history, compare, restore, preview, listing."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from musenor.plugins.notices.factories import make_record, make_term
from musenor.plugins.notices.models import Domain, Record, Technique

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"notices_records:{name}", args=args)


def edit_form(record, **changes):
    fields = {
        "museum": record.museum_id,
        "inventory_number": record.inventory_number,
        "ref": record.ref,
        "museo": record.museo,
        "legal_status": record.legal_status_id,
        "title": record.title,
        "denominations": "",
        "authors": "",
        "schools": "",
        "periods": "",
        "techniques": "",
        "subjects": "",
        "places": "",
        "loss_status": record.loss_status,
        "cleared_for_publication": "on" if record.cleared_for_publication else "",
        "images": inline_formset([]),
    }
    fields.update(changes)
    data = nested_form_data(fields)
    data["domains"] = [t.pk for t in record.domains.all()]
    return {k: v for k, v in data.items() if v != ""}


def test_a_draft_leaves_the_public_page_as_published_until_it_is_published(client, editors, museum):
    record = make_record(museum, title="Paysage au moulin")
    public_url = record.get_absolute_url()
    client.force_login(editors[0])

    response = client.post(url("edit", record.pk), edit_form(record, title="Le moulin de Douai"))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.has_unpublished_changes
    assert record.title == "Paysage au moulin"
    assert "Paysage au moulin" in client.get(public_url).text

    response = client.post(
        url("edit", record.pk),
        {**edit_form(record, title="Le moulin de Douai"), "action-publish": "publish"},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.title == "Le moulin de Douai"
    assert "Le moulin de Douai" in client.get(public_url).text


def test_history_compare_and_restore_an_earlier_revision(client, staff_user, museum):
    record = make_record(museum, title="Première version")
    first = record.latest_revision
    client.force_login(staff_user)
    client.post(
        url("edit", record.pk),
        {**edit_form(record, title="Seconde version"), "action-publish": "publish"},
    )
    record.refresh_from_db()
    second = record.latest_revision
    assert second.pk != first.pk

    history = client.get(url("history", record.pk))
    assert history.status_code == 200
    assert staff_user.email in history.text or staff_user.get_full_name() in history.text
    assert ModelLogEntry.objects.filter(
        object_id=str(record.pk), action="wagtail.publish", user=staff_user
    ).exists()

    compare = client.get(
        reverse(
            "notices_records:revisions_compare",
            kwargs={"pk": record.pk, "revision_id_a": first.pk, "revision_id_b": second.pk},
        )
    )
    assert compare.status_code == 200
    assert "Première" in compare.text and "Seconde" in compare.text

    revert = client.get(url("revisions_revert", record.pk, first.pk))
    assert revert.status_code == 200
    assert revert.context["form"].initial["title"] == "Première version"


def test_preview_renders_the_unsaved_record(client, staff_user, museum):
    record = make_record(museum, title="Avant")
    client.force_login(staff_user)
    preview_url = url("preview_on_edit", record.pk)
    response = client.post(preview_url, edit_form(record, title="Aperçu du titre"))
    assert response.json()["is_valid"]
    response = client.get(preview_url)
    assert response.status_code == 200
    assert "Aperçu du titre" in response.text


def test_a_locked_record_cannot_be_saved_by_another_editor(client, editors, staff_user, museum):
    record = make_record(museum, title="Verrouillé")
    client.force_login(staff_user)
    assert client.post(url("lock", record.pk)).status_code == 302
    record.refresh_from_db()
    assert record.locked and record.locked_by == staff_user
    client.force_login(editors[0])
    client.post(url("edit", record.pk), edit_form(record, title="Changé"))
    record.refresh_from_db()
    assert record.title == "Verrouillé" and not record.has_unpublished_changes


def test_typed_vocabulary_values_are_matched_or_kept_for_review(client, editors, museum):
    record = make_record(museum)
    client.force_login(editors[0])
    client.post(
        url("edit", record.pk),
        {
            **edit_form(record, techniques="Huile sur toile. ; toile de jute peinte"),
            "action-publish": "publish",
        },
    )
    record = Record.objects.get(pk=record.pk)
    labels = {t.label: t.status for t in record.techniques.all()}
    assert labels == {"huile sur toile": "validated", "toile de jute peinte": "to_review"}
    assert record.needs_review


@pytest.fixture
def listed(museums):
    """Records of two museums with terms and a photograph or not."""
    peinture, sculpture = make_term(Domain, "peinture"), make_term(Domain, "sculpture")
    out = []
    for n in range(12):
        record = make_record(
            museums[n % 2],
            inventory_number=f"L.{n}",
            title=f"Liste {n}",
            domains=[peinture.label if n % 3 else sculpture.label],
            needs_review=(n % 4 == 0),
        )
        if n % 5 == 0:
            Record.objects.filter(pk=record.pk).update(has_image=True)
        out.append(record)
    return out


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"has_image": "true"}, {"Liste 0", "Liste 5", "Liste 10"}),
        ({"needs_review": "true"}, {"Liste 0", "Liste 4", "Liste 8"}),
        ({"domains": "SCULPTURE"}, {"Liste 0", "Liste 3", "Liste 6", "Liste 9"}),
        ({"museum": "FIRST", "domains": "SCULPTURE"}, {"Liste 0", "Liste 6"}),
    ],
)
def test_the_listing_filters(client, staff_user, listed, museums, query, expected):
    query = dict(query)
    if query.get("domains") == "SCULPTURE":
        query["domains"] = make_term(Domain, "sculpture").pk
    if query.get("museum") == "FIRST":
        query["museum"] = museums[0].pk
    client.force_login(staff_user)
    response = client.get(url("list_results"), query)
    shown = {f"Liste {n}" for n in range(12) if f">Liste {n}<" in response.text}
    assert shown == expected


def test_the_listings_query_count_does_not_grow_with_the_records(
    client, staff_user, museums, django_assert_max_num_queries
):
    client.force_login(staff_user)
    for n in range(3):
        make_record(museums[n % 2], title=f"Peu {n}")
    with django_assert_max_num_queries(40) as few:
        client.get(url("list"))
    for n in range(30):
        record = make_record(museums[n % 2], title=f"Beaucoup {n}")
        record.techniques.add(make_term(Technique, "bronze"))
        record.save()
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("list"))
    assert "Beaucoup 29" in response.text


def test_a_log_entry_names_who_created_the_record(client, editors, museum):
    client.force_login(editors[0])
    data = edit_form(make_record(museum, inventory_number="X.1"), inventory_number="X.2")
    data["action-publish"] = "publish"
    assert client.post(url("add"), data).status_code == 302
    record = Record.objects.get(inventory_number="X.2")
    entry = ModelLogEntry.objects.filter(object_id=str(record.pk)).first()
    assert entry.user == editors[0]
