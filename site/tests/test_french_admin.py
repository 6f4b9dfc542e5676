"""The admin speaks French throughout: the names Wagtail's migrations give its default
groups, workflow and task, and the strings wagtailmedia leaves untranslated."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow

pytestmark = pytest.mark.django_db

ENGLISH = ["Editors", "Moderators", "Moderators approval", "Media file"]


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_superuser(email="equipe@musenor.test", password="pw")
    client.force_login(user)
    return client


def test_wagtails_default_groups_workflow_and_task_have_french_names():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Rédacteurs", "Rédacteurs en chef"} <= names
    assert not names & {"Editors", "Moderators"}
    workflow = Workflow.objects.get()
    assert workflow.name == "Validation avant publication"
    task = GroupApprovalTask.objects.get()
    assert task.name == "Validation avant publication"
    assert [group.name for group in task.groups.all()] == ["Rédacteurs en chef"]


@pytest.mark.parametrize(
    ("url", "french"),
    [
        ("/admin/", "fichier média"),
        ("/admin/groups/", "Rédacteurs en chef"),
        ("/admin/workflows/list/", "Validation avant publication"),
        ("/admin/workflows/tasks/index/", "Validation avant publication"),
    ],
)
def test_admin_screens_show_no_english_name(staff_client, url, french):
    response = staff_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert french in html
    for english in ENGLISH:
        assert english not in html, f"{english!r} on {url}"
