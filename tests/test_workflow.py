"""Museum editors in the Wagtail admin: their museum, its exhibitions, and moderation.

Everything goes through the admin's own views (the editor's form posts), so that
what is tested is what an editor meets, not only the permission tables.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
from musenor.pages.exhibitions.models import ExhibitionPage
from musenor.pages.museums.factories import make_museum
from musenor.pages.museums.models import MuseumPage
from musenor.site.workflow import MODERATION_WORKFLOW, museum_editor_groups

pytestmark = pytest.mark.django_db


def make_editor(museum, email="editrice@musee.test"):
    user = get_user_model().objects.create_user(email=email, password="pw")
    user.groups.add(Group.objects.get(name=f"Éditeurs – {museum.title}"))
    return user


def make_staff(email="staff@musenor.test"):
    return get_user_model().objects.create_superuser(email=email, password="pw")


def make_moderator(email="moderatrice@musenor.test"):
    user = get_user_model().objects.create_user(email=email, password="pw")
    user.groups.add(Group.objects.get(name="Rédacteurs en chef"))
    return user


def museum_form(museum, **changes):
    fields = {
        "title": museum.title,
        "slug": museum.slug,
        "city": museum.city,
        "department": museum.department,
        "latitude": str(museum.latitude),
        "longitude": str(museum.longitude),
        "summary": museum.summary,
        "body": streamfield([]),
        "opening_hours": inline_formset([]),
        "gallery_images": inline_formset([]),
    }
    fields.update(changes)
    return nested_form_data(fields)


def exhibition_form(title, slug, museums, **changes):
    fields = {
        "title": title,
        "slug": slug,
        "start_date": "2026-03-01",
        "end_date": "2026-06-30",
        "kind": "exhibition",
        "body": streamfield([]),
    }
    fields.update(changes)
    # A multiple choice is a list of values, which nested_form_data would number.
    return {**nested_form_data(fields), "museums": [museum.pk for museum in museums]}


def edit(client, page, data, action="action-publish"):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, {**data, action: "1"} if action else data)


def form_errors(response):
    """The editor form's errors, to say why a post did not save."""
    form = response.context["form"] if response.context else None
    if form is None:
        return response.content.decode()[:2000]
    formsets = {name: fs.errors for name, fs in form.formsets.items() if any(fs.errors)}
    return {"form": form.errors, "formsets": formsets}


def can_open_editor(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response.status_code == 200


@pytest.fixture
def museums(directory):
    return (
        make_museum(directory, title="Musée de Boulogne-sur-Mer", city="Boulogne-sur-Mer"),
        make_museum(directory, title="Musée de Flandre", city="Cassel"),
    )


@pytest.fixture
def moderation(settings):
    settings.MUSENOR_MODERATION = True
    return settings


# --- Without moderation: editors publish their own museum directly --------------


def test_an_editor_edits_and_publishes_their_museum(client, museums):
    mine, _other = museums
    client.force_login(make_editor(mine))

    response = edit(client, mine, museum_form(mine, summary="Nouvelle salle égyptienne."))

    assert response.status_code == 302, response.content.decode()[:3000]
    mine.refresh_from_db()
    assert mine.live
    assert mine.summary == "Nouvelle salle égyptienne."
    assert "Nouvelle salle égyptienne." in client.get(mine.url).content.decode()


def test_an_editor_cannot_edit_another_museum(client, directory, museums):
    mine, other = museums
    client.force_login(make_editor(mine))

    assert can_open_editor(client, mine)
    assert not can_open_editor(client, other)
    assert not can_open_editor(client, directory)
    response = edit(client, other, museum_form(other, summary="Piraté"))
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.summary != "Piraté"
    assert "Piraté" not in other.get_latest_revision().content.get("summary", "")


# --- Exhibitions of their museum ----------------------------------------------------


def test_editors_get_their_museums_rights_on_its_exhibitions(client, home, museums):
    mine, other = museums
    index = make_exhibition_index(home)
    ours = make_exhibition(index, title="Trésors d'Égypte", museums=[mine])
    theirs = make_exhibition(index, title="Bruegel et la Flandre", museums=[other])
    shared = make_exhibition(index, title="Le Nord en partage", museums=[mine, other])
    client.force_login(make_editor(mine))

    assert can_open_editor(client, ours)
    assert can_open_editor(client, shared)
    assert not can_open_editor(client, theirs)
    # The index itself stays the association's.
    assert not can_open_editor(client, index)

    data = exhibition_form(ours.title, ours.slug, [mine], summary="Prolongée jusqu'en juin.")
    response = edit(client, ours, data)
    assert response.status_code == 302, form_errors(response)
    ours.refresh_from_db()
    assert ours.live and ours.summary == "Prolongée jusqu'en juin."


def test_an_editor_creates_an_exhibition_of_their_museum_then_publishes_it(client, home, museums):
    mine, _other = museums
    index = make_exhibition_index(home)
    client.force_login(make_editor(mine))
    add_url = reverse(
        "wagtailadmin_pages:add", args=["musenor_exhibitions", "exhibitionpage", index.pk]
    )

    # Creating saves a draft: publishing needs rights on the new page, given on creation.
    response = client.post(add_url, exhibition_form("Vases grecs", "vases-grecs", [mine]))
    assert response.status_code == 302, form_errors(response)
    page = ExhibitionPage.objects.child_of(index).get(slug="vases-grecs")
    assert not page.live
    assert page.permissions_for_user(make_editor(mine, "collegue@musee.test")).can_publish()

    response = edit(client, page, exhibition_form("Vases grecs", "vases-grecs", [mine]))
    assert response.status_code == 302, form_errors(response)
    page.refresh_from_db()
    assert page.live
    assert "Vases grecs" in client.get(index.url).content.decode()


def test_an_editor_cannot_publish_an_exhibition_of_another_museum(client, home, museums):
    mine, other = museums
    index = make_exhibition_index(home)
    ours = make_exhibition(index, title="Trésors d'Égypte", museums=[mine])
    client.force_login(make_editor(mine))

    data = exhibition_form(ours.title, ours.slug, [other], summary="Déménagée")
    response = edit(client, ours, data)

    # Kept as a draft, with a message that says why.
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("brouillon" in m or "draft" in m for m in messages), messages
    ours.refresh_from_db()
    assert ours.summary != "Déménagée"
    assert list(ours.museums.all()) == [mine]
    assert ours.get_latest_revision().content["summary"] == "Déménagée"


def test_an_index_inside_their_museum_does_not_free_editors_from_the_rule(client, museums):
    from musenor.pages.exhibitions.models import ExhibitionIndexPage

    mine, other = museums
    # Their rights on their museum's subtree would let them publish anything there.
    inner = ExhibitionIndexPage(title="Nos expositions", slug="nos-expositions")
    mine.add_child(instance=inner)
    inner.save_revision().publish()
    exhibition = make_exhibition(inner, title="Chez les voisins", museums=[other], publish=False)
    client.force_login(make_editor(mine))
    data = exhibition_form(exhibition.title, exhibition.slug, [other])
    edit(client, exhibition, data)
    exhibition.refresh_from_db()
    assert not exhibition.live


def test_exhibition_rights_follow_its_museums(home, museums):
    mine, other = museums
    index = make_exhibition_index(home)
    exhibition = make_exhibition(index, museums=[mine])
    mine_group = Group.objects.get(name=f"Éditeurs – {mine.title}")
    other_group = Group.objects.get(name=f"Éditeurs – {other.title}")

    def groups_on_exhibition():
        return set(
            GroupPagePermission.objects.filter(page=exhibition).values_list("group", flat=True)
        )

    assert groups_on_exhibition() == {mine_group.pk}
    exhibition.museums.set([other])
    exhibition.save_revision().publish()
    assert groups_on_exhibition() == {other_group.pk}
    # Adding exhibitions is granted on the index to every museum's editors.
    assert set(
        GroupPagePermission.objects.filter(page=index, permission__codename="add_page").values_list(
            "group", flat=True
        )
    ) == {mine_group.pk, other_group.pk}


def test_the_association_staff_keep_every_right(client, home, museums):
    _mine, other = museums
    index = make_exhibition_index(home)
    theirs = make_exhibition(index, title="Bruegel et la Flandre", museums=[other])
    client.force_login(make_staff())
    data = exhibition_form(theirs.title, theirs.slug, [], venue="Médiathèque de Cassel")
    assert edit(client, theirs, data).status_code == 302
    theirs.refresh_from_db()
    assert theirs.venue == "Médiathèque de Cassel"


# --- With moderation: changes wait for a moderator ------------------------------------


def test_with_moderation_editors_cannot_publish(moderation, directory):
    museum = make_museum(directory, title="Musée de l'Hôtel Sandelin", city="Saint-Omer")
    editor = make_editor(museum)
    codenames = set(
        GroupPagePermission.objects.filter(group__user=editor, page=museum).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {"add_page", "change_page"}
    assert not museum.permissions_for_user(editor).can_publish()
    assert WorkflowPage.objects.get(page=directory).workflow.name == MODERATION_WORKFLOW


def test_with_moderation_an_edit_goes_live_when_a_moderator_approves(client, moderation, directory):
    museum = make_museum(
        directory, title="Musée de l'Hôtel Sandelin", city="Saint-Omer", summary="Avant."
    )
    client.force_login(make_editor(museum))

    # The publish button is not offered; submitting is.
    html = client.get(reverse("wagtailadmin_pages:edit", args=[museum.pk])).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    # Trying to publish anyway only saves a draft.
    edit(client, museum, museum_form(museum, summary="Pendant."), action="action-publish")
    museum.refresh_from_db()
    assert museum.summary == "Avant."

    response = edit(client, museum, museum_form(museum, summary="Après."), action="action-submit")
    assert response.status_code == 302
    museum.refresh_from_db()
    state = museum.current_workflow_state
    assert state is not None and state.workflow.name == MODERATION_WORKFLOW
    assert museum.summary == "Avant."
    assert "Après." not in client.get(museum.url).content.decode()

    # A moderator approves in the admin.
    client.force_login(make_moderator())
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[museum.pk, "approve", task_state.pk]
    )
    assert client.post(approve, {"comment": "Parfait."}).status_code in (200, 302)
    museum.refresh_from_db()
    assert museum.summary == "Après."
    assert museum.current_workflow_state is None
    client.logout()
    assert "Après." in client.get(museum.url).content.decode()


def test_with_moderation_exhibitions_are_moderated_too(client, moderation, home, directory):
    museum = make_museum(directory, title="Musée de l'Hôtel Sandelin", city="Saint-Omer")
    index = make_exhibition_index(home)
    exhibition = make_exhibition(index, title="Faïences de Saint-Omer", museums=[museum])
    editor = make_editor(museum)
    assert WorkflowPage.objects.get(page=index).workflow.name == MODERATION_WORKFLOW
    assert exhibition.permissions_for_user(editor).can_edit()
    assert not exhibition.permissions_for_user(editor).can_publish()
    client.force_login(editor)
    data = exhibition_form(exhibition.title, exhibition.slug, [museum], summary="Bientôt.")
    edit(client, exhibition, data, action="action-submit")
    exhibition.refresh_from_db()
    assert exhibition.workflow_in_progress
    assert exhibition.summary != "Bientôt."


# --- Switching moderation on an existing site -----------------------------------------


def test_setup_moderation_brings_existing_museums_in_line(settings, home, museums):
    mine, _other = museums
    directory = mine.get_parent()
    index = make_exhibition_index(home)
    exhibition = make_exhibition(index, museums=[mine])
    editor = make_editor(mine)
    assert mine.permissions_for_user(editor).can_publish()
    assert exhibition.permissions_for_user(editor).can_publish()

    settings.MUSENOR_MODERATION = True
    call_command("setup_moderation", stdout=StringIO())
    editor = get_user_model().objects.get(pk=editor.pk)  # fresh permission cache
    assert not mine.permissions_for_user(editor).can_publish()
    assert not exhibition.permissions_for_user(editor).can_publish()
    assert exhibition.permissions_for_user(editor).can_edit()
    assert set(WorkflowPage.objects.values_list("page", flat=True)) >= {directory.pk, index.pk}

    settings.MUSENOR_MODERATION = False
    call_command("setup_moderation", stdout=StringIO())
    editor = get_user_model().objects.get(pk=editor.pk)
    assert mine.permissions_for_user(editor).can_publish()
    assert exhibition.permissions_for_user(editor).can_publish()
    assert not WorkflowPage.objects.filter(page__in=[directory, index]).exists()


def test_setup_moderation_reports_and_changes_nothing_the_second_time(settings, museums):
    settings.MUSENOR_MODERATION = True
    first, second = StringIO(), StringIO()
    call_command("setup_moderation", stdout=first)
    call_command("setup_moderation", stdout=second)
    assert "Moderation is on" in first.getvalue()
    assert "publish rights taken from them: 2." in first.getvalue()
    assert "publish rights taken from them: 0." in second.getvalue()
    assert (
        "Sections newly under the “Validation avant publication” workflow: 0." in second.getvalue()
    )


def test_staff_groups_are_not_museum_editors(museums):
    # Wagtail's own Moderators and Editors groups have rights on the root page.
    names = set(museum_editor_groups().values_list("name", flat=True))
    assert names == {f"Éditeurs – {museum.title}" for museum in museums}
    assert MuseumPage.objects.count() == 2
