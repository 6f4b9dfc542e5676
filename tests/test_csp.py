"""The Content-Security-Policy header and the language cookie, as responses carry them.

The browser test (``tests/browser/test_csp.py``) shows that Chromium finds
nothing to block on any page type; here, what the header says.
"""

import pytest

from musenor.site.csp import source_of

pytestmark = pytest.mark.django_db


def policy(response):
    """The header as ``{directive: [sources]}``."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def test_public_pages_forbid_inline_script_and_style(client, home):
    directives = policy(client.get(home.url))
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert "script-src-attr" not in directives and "style-src-attr" not in directives


def test_search_and_error_pages_carry_the_policy_too(client, home):
    assert policy(client.get("/recherche/?q=musée"))["script-src"] == ["'self'"]
    missing = client.get("/cette-page-n-existe-pas/")
    assert missing.status_code == 404
    assert policy(missing)["script-src"] == ["'self'"]


def test_the_admin_gets_its_own_looser_policy(client, home):
    directives = policy(client.get("/admin/login/"))
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert policy(client.get("/django-admin/login/"))["script-src"][-1] == "'unsafe-inline'"


def test_the_map_tiles_server_is_allowed_for_images(client, home, settings):
    settings.MUSENOR_MAP_TILES_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    assert policy(client.get(home.url))["img-src"] == [
        "'self'",
        "data:",
        "https://*.tiles.example.org",
    ]
    settings.MUSENOR_MAP_TILES_URL = ""
    assert policy(client.get(home.url))["img-src"] == ["'self'", "data:"]


def test_media_served_from_another_origin_is_allowed(client, home, settings):
    settings.MEDIA_URL = "https://media.example.org/portail/"
    directives = policy(client.get(home.url))
    assert directives["img-src"][-1] == "https://media.example.org"
    assert directives["media-src"] == ["'self'", "https://media.example.org"]
    # The admin shows the same images.
    assert policy(client.get("/admin/login/"))["img-src"][-1] == "https://media.example.org"


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://tile.example.org/{z}/{x}/{y}.png", "https://tile.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("https://a-{s}.b.tiles.example.org:8443/{z}.png", "https://*.b.tiles.example.org:8443"),
        ("https://user:pw@tiles.example.org/x", "https://tiles.example.org"),
        ("//media.example.org/portail/", "media.example.org"),
        ("data:image/png;base64,AAAA", "data:"),
        ("/media/", None),
        ("", None),
    ],
)
def test_source_of(url, source):
    assert source_of(url) == source


def test_the_language_cookie_is_same_site_and_http_only(client, home):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"] is True
