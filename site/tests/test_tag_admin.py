"""django-taggit's "merge tags" screen in Django's admin (/django-admin/) needs permissions.

taggit 6.1's view checks none: any staff member could merge (and so rewrite)
every tag of the site.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from taggit.models import Tag, TaggedItem


@pytest.fixture
def tags(db):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(title="Programme", file="documents/p.pdf")
    document.tags.add("céramique", "ceramique", "faïence")
    return {tag.name: tag for tag in Tag.objects.all()}


def staff(django_user_model, email, *codenames):
    user = django_user_model.objects.create_user(email=email, password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="taggit", codename__in=codenames)
    )
    return user


def merge(client, user, tags, into):
    client.force_login(user)
    session = client.session
    session["selected_tag_ids"] = ",".join(str(tag.pk) for tag in tags)
    session.save()
    return client.post(reverse("admin:taggit_tag_merge_tags"), {"new_tag_name": into})


def test_staff_without_the_permission_cannot_merge_tags(client, django_user_model, tags):
    user = staff(django_user_model, "curieux@musenor.local", "view_tag")
    response = merge(client, user, [tags["ceramique"], tags["faïence"]], into="céramique")
    assert response.status_code == 403
    assert set(TaggedItem.objects.values_list("tag__name", flat=True)) == set(tags)
    client.force_login(user)
    assert client.get(reverse("admin:taggit_tag_merge_tags")).status_code == 403


def test_the_merge_action_is_offered_only_with_the_permission(client, django_user_model, tags):
    client.force_login(staff(django_user_model, "lecteur@musenor.local", "view_tag"))
    response = client.get(reverse("admin:taggit_tag_changelist"))
    assert response.status_code == 200
    assert "render_tag_form" not in response.content.decode()


def test_staff_with_the_permission_merge_tags(client, django_user_model, tags):
    user = staff(django_user_model, "moderatrice@musenor.local", "view_tag", "change_tag")
    response = merge(client, user, [tags["ceramique"]], into="céramique")
    assert response.status_code == 302
    assert sorted(TaggedItem.objects.values_list("tag__name", flat=True)) == [
        "céramique",
        "faïence",
    ]


def test_merging_into_a_new_tag_also_needs_the_add_permission(client, django_user_model, tags):
    user = staff(django_user_model, "moderatrice@musenor.local", "view_tag", "change_tag")
    response = merge(client, user, [tags["ceramique"]], into="poterie")
    assert response.status_code == 403
    assert not Tag.objects.filter(name="poterie").exists()
    user.user_permissions.add(Permission.objects.get(codename="add_tag"))
    response = merge(client, user, [tags["ceramique"]], into="poterie")
    assert response.status_code == 302
    assert TaggedItem.objects.filter(tag__name="poterie").count() == 1


def test_a_stale_selection_is_not_a_server_error(client, django_user_model, tags):
    user = staff(django_user_model, "moderatrice@musenor.local", "view_tag", "change_tag")
    client.force_login(user)
    session = client.session
    session["selected_tag_ids"] = "999999,x,"
    session.save()
    response = client.post(reverse("admin:taggit_tag_merge_tags"), {"new_tag_name": "céramique"})
    assert response.status_code == 302
    assert set(TaggedItem.objects.values_list("tag__name", flat=True)) == set(tags)
