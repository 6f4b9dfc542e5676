"""The forum's middleware leaves the public site's anonymous visitors alone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from musenor.pages.museums.factories import make_site_tree

pytestmark = pytest.mark.django_db


def test_an_anonymous_visit_opens_no_session(client, settings):
    assert "musenor.plugins.forum.middleware.ForumPermissionMiddleware" in settings.MIDDLEWARE
    make_site_tree()
    first = client.get("/")
    assert first.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in first.cookies
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert not [q for q in queries.captured_queries if "django_session" in q["sql"]]


def test_anonymous_forum_visitors_are_still_sent_to_sign_in(client):
    make_site_tree()
    response = client.get("/forum/")
    assert response.status_code == 302
    assert "/membres/" in response["Location"]
