"""Wagtail's accessibility checker runs the portal's rules, in the userbar and in the editor."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from musenor.pages.museums.factories import make_museum
from musenor.site.wagtail_hooks import MusenorContentChecker

pytestmark = pytest.mark.django_db

CONFIG = re.compile(
    r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', re.S
)


def axe_configuration(html):
    match = CONFIG.search(html)
    assert match, "no content checker configuration in the page"
    return json.loads(match.group(1))


@pytest.fixture
def museum(directory):
    return make_museum(directory, title="Musée de Picardie", city="Amiens", department="80")


@pytest.fixture
def editor(museum):
    user = get_user_model().objects.create_user(email="editeur@amiens.test", password="pw")
    user.groups.add(Group.objects.get(name="Éditeurs – Musée de Picardie"))
    return user


def test_the_userbar_shows_the_checker_to_an_editor(client, museum, editor):
    client.force_login(editor)
    html = client.get(museum.url).content.decode()
    assert 'id="checker-trigger"' in html
    rules = axe_configuration(html)["options"]["runOnly"]
    # Wagtail's rules and ours.
    assert {"heading-order", "empty-heading", "alt-text-quality"} <= set(rules)
    assert {"page-has-heading-one", "image-alt", "video-caption"} <= set(rules)


def test_visitors_get_no_userbar(client, museum):
    html = client.get(museum.url).content.decode()
    assert "checker-trigger" not in html
    assert "wagtail-userbar" not in html


def test_the_editors_checks_panel_runs_our_rules(client, museum, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[museum.pk])).content.decode()
    configuration = axe_configuration(html)
    assert "page-has-heading-one" in configuration["options"]["runOnly"]
    checks = {check["id"]: check for check in configuration["spec"]["checks"]}
    assert "sans titre" in checks["check-image-alt-text"]["options"]["pattern"]
    # The messages are the admin's language: French for this editor.
    assert configuration["messages"]["heading-order"]["error_name"] != "Incorrect heading hierarchy"


@pytest.mark.parametrize(
    ("alt", "flagged"),
    [
        ("IMG_2031.jpg", True),
        ("vue-salle.webp", True),
        ("photo", True),
        ("Image 3", True),
        ("Sans titre", True),
        ("x" * 151, True),
        ("La salle des faïences de Desvres, vitrines éclairées", False),
        ("Portrait d'une dame en robe bleue, par Boilly", False),
        ("", False),
    ],
)
def test_alt_text_rule_flags_file_names_placeholders_and_essays(alt, flagged):
    checks = {check["id"]: check for check in MusenorContentChecker.axe_custom_checks}
    # axe-core compiles the pattern with the "i" flag (Wagtail's check-image-alt-text).
    pattern = re.compile(checks["check-image-alt-text"]["options"]["pattern"], re.IGNORECASE)
    assert bool(pattern.search(alt)) is flagged
