"""A form POST Django cannot read gets a 400, never a 500, with the CSRF check on."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def visitor(home):
    """An anonymous visitor with a CSRF cookie, as a browser that loaded a form has."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get(reverse("wagtailadmin_login"))
    client.token = client.cookies["csrftoken"].value
    return client


def post(client, path, body, content_type):
    return client.generic(
        "POST", path, body, content_type=content_type, headers={"X-CSRFToken": client.token}
    )


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (f"{FORM}; charset=x-unknown", b"language=en&next=/"),
        (f"{FORM}; charset=utf-16", b"l\x00a\x00=\x00\xff\xfe\x00\xd8"),
        (f"{FORM}; charset=utf-16", "language=en".encode("utf-16")),
        (f"{FORM}; charset=latin-1", "language=en&next=/é".encode("latin-1")),
        ("multipart/form-data; boundary=zz; charset=x-unknown", b"--zz--\r\n"),
        ("multipart/form-data; boundary=zz; charset=utf-16", b"--zz--\r\n"),
    ],
)
@pytest.mark.parametrize("url", ["/", "/recherche/", "/i18n/setlang/", "/admin/login/"])
def test_a_form_in_another_charset_is_a_bad_request(visitor, content_type, body, url):
    response = post(visitor, url, body, content_type)
    assert response.status_code == 400
    assert b"UTF-8" in response.content


@pytest.mark.parametrize("charset", ["", "; charset=utf-8", "; charset=UTF8", "; charset=utf_8"])
def test_utf8_forms_go_through(visitor, charset):
    response = post(visitor, "/i18n/setlang/", b"language=en&next=/en/", FORM + charset)
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"


def test_too_many_fields_or_too_big_a_body_is_a_bad_request(visitor, settings):
    body = "&".join(f"f{n}=x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    assert post(visitor, "/i18n/setlang/", body.encode(), FORM).status_code == 400
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = b"language=en&next=" + b"x" * 2000
    assert post(visitor, "/i18n/setlang/", body, FORM).status_code == 400
    body = b'--zz\r\nContent-Disposition: form-data; name="next"\r\n\r\n' + b"x" * 2000
    body += b"\r\n--zz--\r\n"
    multipart = "multipart/form-data; boundary=zz"
    assert post(visitor, "/i18n/setlang/", body, multipart).status_code == 400
