"""Plugins registered for a while and their mail templates, for the plugin services' tests."""

from types import ModuleType

import pytest

from musenor.plugins import NotificationType, hookimpl
from musenor.plugins.manager import registered, without_enabled_plugins


@pytest.fixture(autouse=True)
def _only_the_tests_plugins():
    """These tests check the hooks' plumbing with plugins of their own: hide the built-in ones."""
    with without_enabled_plugins():
        yield


SIGHTING_TXT = "{% load i18n %}{% get_current_language as lang %}[{{ lang }}] {{ bird }} & co"
SIGHTING_TXT += " · {% translate 'Yes' %}\n"
SIGHTING_HTML = "{% load i18n %}{% get_current_language as lang %}<p>[{{ lang }}] {{ bird }}"
SIGHTING_HTML += " · {% translate 'Yes' %}</p>\n"


@pytest.fixture
def mail_templates(settings, tmp_path):
    """``birdwatch/mail/sighting.{txt,html}``: the language, a context value and a Django string."""
    folder = tmp_path / "templates" / "birdwatch" / "mail"
    folder.mkdir(parents=True)
    (folder / "sighting.txt").write_text(SIGHTING_TXT, encoding="utf-8")
    (folder / "sighting.html").write_text(SIGHTING_HTML, encoding="utf-8")
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path / "templates"]
    settings.TEMPLATES = templates
    return "birdwatch/mail/sighting"


@pytest.fixture
def birdwatch(mail_templates):
    """A plugin declaring two notification types, one immediate and one for the digest."""
    plugin = ModuleType("birdwatch")
    plugin.notification_types = hookimpl(
        lambda: [
            NotificationType("birdwatch.sighting", "Sightings", "A bird was seen."),
            NotificationType("birdwatch.weekly", "Weekly count", default="digest"),
        ]
    )
    with registered(plugin, name="birdwatch"):
        yield plugin


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(
        email="marie@musee-lille.fr", password="x", first_name="Marie", last_name="Dupont"
    )


@pytest.fixture
def english_member(django_user_model):
    return django_user_model.objects.create_user(
        email="anna@museum.be", password="x", first_name="Anna", last_name="Peeters", language="en"
    )
