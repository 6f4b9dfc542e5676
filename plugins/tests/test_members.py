"""The members' navigation and dashboard, collected from the plugins for the members' space."""

import logging
from types import ModuleType

import pytest
from django.contrib.auth.models import AnonymousUser, Permission

from musenor.plugins import DashboardPanel, MenuItem, hookimpl
from musenor.plugins.manager import registered
from musenor.plugins.members import dashboard_panels, member_menu

pytestmark = pytest.mark.django_db

CALLS = []


def forum_items(request):
    CALLS.append(request.user)
    return [
        MenuItem("Forum", "/forum/", order=20),
        MenuItem("Modération", "/forum/moderation/", order=30, permission="taggit.change_tag"),
    ]


def documents_items(request):
    return [MenuItem("Documents", "/documents/", order=20), MenuItem("Annuaire", "/annuaire/", 10)]


def broken_items(request):
    raise RuntimeError("the equipment board is broken")


def plugin(name, **hooks):
    module = ModuleType(name)
    for hook_name, function in hooks.items():
        setattr(module, hook_name, hookimpl(function))
    return module


@pytest.fixture
def plugins():
    CALLS.clear()
    with (
        registered(plugin("forum", member_menu_items=forum_items), name="forum"),
        registered(plugin("documents", member_menu_items=documents_items), name="documents"),
        registered(plugin("equipment", member_menu_items=broken_items), name="equipment"),
    ):
        yield


@pytest.fixture
def request_for(rf):
    def make(user):
        request = rf.get("/membres/")
        request.user = user
        request.LANGUAGE_CODE = "fr"
        return request

    return make


def labels(items):
    return [str(item.label) for item in items]


def test_the_menu_is_ordered_filtered_and_survives_a_broken_plugin(
    plugins, request_for, member, caplog
):
    with caplog.at_level(logging.ERROR, logger="musenor.plugins.members"):
        items = member_menu(request_for(member))
    # By order, then label; the moderation link needs a permission the member lacks.
    assert labels(items) == ["Annuaire", "Documents", "Forum"]
    assert "'equipment' failed in member_menu_items" in caplog.text
    assert "the equipment board is broken" in caplog.text

    member.user_permissions.add(Permission.objects.get(codename="change_tag"))
    member = type(member).objects.get(pk=member.pk)  # permissions are cached on the instance
    assert labels(member_menu(request_for(member))) == [
        "Annuaire",
        "Documents",
        "Forum",
        "Modération",
    ]


def test_anonymous_and_inactive_users_get_nothing_and_the_hook_is_not_called(
    plugins, request_for, member
):
    assert member_menu(request_for(AnonymousUser())) == []
    member.is_active = False
    assert member_menu(request_for(member)) == []
    assert CALLS == []


def test_a_broken_plugin_raises_with_debug(plugins, request_for, member, settings):
    settings.DEBUG = True
    with pytest.raises(RuntimeError, match="broken"):
        member_menu(request_for(member))


def test_dashboard_panels_are_filtered_and_ordered(request_for, member):
    panels = plugin(
        "panels",
        member_dashboard_panels=lambda request: [
            DashboardPanel("Sujets suivis", "forum/panel.html", order=50),
            DashboardPanel("Prêts", "equipment/panel.html", order=10),
            DashboardPanel("Signalements", "forum/reports.html", permission="taggit.delete_tag"),
        ],
    )
    with registered(panels, name="panels"):
        assert [panel.title for panel in dashboard_panels(request_for(member))] == [
            "Prêts",
            "Sujets suivis",
        ]
        assert dashboard_panels(request_for(AnonymousUser())) == []
