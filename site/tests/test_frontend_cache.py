"""Wagtail's front-end cache: a CDN or caching proxy in front is purged on publication.

Off unless the settings name a backend (``FRONTEND_CACHE_PURGE_URL``,
``FRONTEND_CACHE_CLOUDFLARE_ZONE_ID``). Here a small HTTP server stands for
Varnish and records the PURGE requests Wagtail's ``HTTPBackend`` sends it.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings as django_settings

from musenor.pages.museums.factories import make_museum

pytestmark = pytest.mark.django_db


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def caching_proxy(settings):
    PurgeRecorder.purged = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()
    server.server_close()


def test_it_is_off_by_default():
    assert django_settings.WAGTAILFRONTENDCACHE == {}
    assert "wagtail.contrib.frontend_cache" in django_settings.INSTALLED_APPS


def test_publishing_and_unpublishing_a_page_purge_its_address(
    caching_proxy, directory, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        museum = make_museum(directory, title="Louvre-Lens")
    assert ("testserver", "/musees/louvre-lens/") in caching_proxy
    caching_proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        museum.unpublish()
    assert caching_proxy == [("testserver", "/musees/louvre-lens/")]


def test_an_english_page_purges_its_own_address_only(
    caching_proxy, home, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    caching_proxy.clear()
    with django_capture_on_commit_callbacks(execute=True):
        home.copy_for_translation(english).save_revision().publish()
    # Not /fr/ nor /nl/, which Wagtail would derive from it: French pages have
    # no prefix, and each translation is published (and purged) on its own.
    assert caching_proxy == [("testserver", "/en/")]
