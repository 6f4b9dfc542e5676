"""Fixtures of the forum's tests: two working groups' forums, their members, a moderator."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from musenor.plugins.roles import MODERATOR, ROLES


def make_user(email, first_name, groups=()):
    user = get_user_model().objects.create_user(
        email=email, password="a long enough passphrase", first_name=first_name, last_name="Test"
    )
    user.groups.add(*groups)
    return user


@pytest.fixture
def forum_world(db):
    """Two working groups (their auth groups and forums), a member of each, a moderator."""
    from musenor.site.accounts.models import WorkingGroup

    moderators = Group.objects.create(name=ROLES[MODERATOR])
    # Saving a working group creates its forum (signals.py).
    mediation_group = WorkingGroup.objects.create(name="Médiation", description="Les publics")
    inventory_group = WorkingGroup.objects.create(name="Inventaire informatisé")
    mediation, inventory = mediation_group.group, inventory_group.group
    world = {
        "mediation_forum": mediation.musenor_forum_link.forum,
        "inventory_forum": inventory.musenor_forum_link.forum,
        "mediation_group": mediation_group,
        "alice": make_user("alice@example.org", "Alice", [mediation]),
        "bruno": make_user("bruno@example.org", "Bruno", [mediation]),
        "chloe": make_user("chloe@example.org", "Chloé", [inventory]),
        "moderator": make_user("mod@example.org", "Modeste", [moderators]),
        "mediation": mediation,
        "inventory": inventory,
    }
    return world


@pytest.fixture
def private_attachments(tmp_path, settings):
    settings.MUSENOR_PLUGIN_SETTINGS = {"forum": {"ATTACHMENTS_ROOT": tmp_path / "private"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.utils.functional import empty

    from musenor.plugins.forum.attachments import private_storage

    private_storage._wrapped = empty
    yield tmp_path
    private_storage._wrapped = empty


def management_forms():
    """What the attachment and poll formsets of machina's post forms expect when left empty."""
    return {
        "attachment-TOTAL_FORMS": 0,
        "attachment-INITIAL_FORMS": 0,
        "poll-TOTAL_FORMS": 0,
        "poll-INITIAL_FORMS": 0,
    }


def start_topic(user, forum, subject, content, **extra):
    """Post a new topic through machina's view, as the member would."""
    from django.test import Client, TestCase
    from django.urls import reverse

    client = Client()
    client.force_login(user)
    # The notification task is enqueued when the transaction commits; the
    # test's transaction never does, so run those callbacks here.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("forum_conversation:topic_create", args=[forum.slug, forum.pk]),
            {
                "subject": subject,
                "content": content,
                "topic_type": 0,
                **management_forms(),
                **extra,
            },
        )
    if response.status_code != 302:
        import re

        errors = re.findall(r'class="error"[^>]*>(.*?)<', response.content.decode())
        raise AssertionError(f"The topic was not created: {errors or response.status_code}")
    return forum.topics.get(subject=subject)
