"""Sign-in throttling (django-axes through musenor.site.throttling) on Wagtail's login form.

Past ``AXES_FAILURE_LIMIT`` failures, counted per account identifier and per
client address, every attempt is refused for ``AXES_COOLOFF_TIME``, the right
password included; existing and unknown accounts get the same answers.
"""

import io
import re
import time

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import RequestFactory

from musenor.site.throttling import client_ip, signin_identifier

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
EMAIL = "claire@musenor.test"
PASSWORD = "le bon mot de passe"
# The admin (and its lockout page) speaks French, the editors' language.
LOCKOUT_TEXT = "La connexion a échoué trop de fois"


@pytest.fixture
def staff(home):
    return get_user_model().objects.create_superuser(email=EMAIL, password=PASSWORD)


@pytest.fixture
def limit(settings):
    return settings.AXES_FAILURE_LIMIT


def sign_in(client, email, password, ip="192.0.2.1"):
    return client.post(
        LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip, HTTP_ACCEPT_LANGUAGE="en"
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def comparable(response):
    """The page without what legitimately differs: the CSRF token, the typed address."""
    html = response.content.decode()
    html = re.sub(r"\b[A-Za-z0-9]{64}\b", "", html)  # CSRF tokens, in a form and in JSON
    return re.sub(r'value="[^"]*@musenor\.test"', "", html)


def test_the_right_password_is_refused_for_the_lockout_window(client, staff, limit, settings):
    assert limit >= 3, "a limit the test can reach before the lockout"
    for _ in range(limit - 1):
        response = sign_in(client, EMAIL, "mauvais")
        assert response.status_code == 200  # the form again, with its error
    locked = sign_in(client, EMAIL, "mauvais")
    assert locked.status_code == 429
    # Now the right password is refused too, with a clear message.
    response = sign_in(client, EMAIL, PASSWORD)
    assert response.status_code == 429
    assert response["Retry-After"] == "900"  # the 15 minutes of the lockout window
    assert LOCKOUT_TEXT in response.content.decode()
    assert "suspendue pendant 15 minutes" in response.content.decode()
    assert not signed_in(client)
    # From another address too: the account itself is throttled.
    assert sign_in(client, EMAIL, PASSWORD, ip="198.51.100.7").status_code == 429
    assert not signed_in(client)

    # Once the window is over, the right password works again.
    later = time.time() + settings.AXES_COOLOFF_TIME.total_seconds() + 60
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(time, "time", lambda: later)
        response = sign_in(client, EMAIL, PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_known_and_unknown_accounts_get_the_same_answers(client, staff, limit):
    for attempt in range(limit + 1):
        known = sign_in(client, EMAIL, "mauvais", ip="192.0.2.10")
        unknown = sign_in(client, "personne@musenor.test", "mauvais", ip="192.0.2.20")
        assert known.status_code == unknown.status_code, f"attempt {attempt + 1}"
        assert comparable(known) == comparable(unknown), f"attempt {attempt + 1}"
    assert known.status_code == 429
    assert LOCKOUT_TEXT in known.content.decode()
    assert EMAIL not in known.content.decode()


def test_failures_are_counted_per_client_address_too(client, staff, limit):
    # An attacker trying one password on many addresses from one machine.
    for n in range(limit):
        sign_in(client, f"inconnu{n}@musenor.test", "mauvais", ip="203.0.113.5")
    assert sign_in(client, EMAIL, PASSWORD, ip="203.0.113.5").status_code == 429
    assert not signed_in(client)
    # The account itself is not locked: its owner signs in from elsewhere.
    assert sign_in(client, EMAIL, PASSWORD, ip="192.0.2.99").status_code == 302
    assert signed_in(client)


def test_the_identifier_is_counted_whatever_its_case(client, staff, limit):
    for n in range(limit):
        sign_in(client, EMAIL.upper() if n % 2 else EMAIL, "mauvais", ip=f"192.0.2.{n + 30}")
    assert sign_in(client, EMAIL, PASSWORD, ip="192.0.2.200").status_code == 429


def test_any_sign_in_through_authenticate_is_throttled(staff, limit):
    """The facility the members' sign-in will use: nothing to add but the request."""
    factory = RequestFactory()

    def attempt(password):
        request = factory.post("/membres/connexion/", REMOTE_ADDR="192.0.2.77")
        return authenticate(request, username=EMAIL, password=password)

    assert attempt(PASSWORD) == staff
    for _ in range(limit):
        assert attempt("mauvais") is None
    assert attempt(PASSWORD) is None
    # Without a request (a test client's login(), a command) nothing is counted.
    assert authenticate(username=EMAIL, password=PASSWORD) == staff


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "198.51.100.1", "192.0.2.1"),
        (1, "127.0.0.1", "198.51.100.1", "198.51.100.1"),
        # What the client wrote itself in the header is never taken.
        (1, "127.0.0.1", "10.9.9.9, 198.51.100.1", "198.51.100.1"),
        (2, "127.0.0.1", "10.9.9.9, 198.51.100.1, 10.0.0.2", "198.51.100.1"),
        # A header shorter than the chain of proxies: the proxy's own address.
        (2, "127.0.0.1", "198.51.100.1", "127.0.0.1"),
        (1, "127.0.0.1", "", "127.0.0.1"),
    ],
)
def test_client_ip_behind_proxies(settings, proxies, remote, forwarded, expected):
    settings.MUSENOR_REVERSE_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_signin_identifier_reads_credentials_then_the_form():
    request = RequestFactory().post("/", {"username": "  Anne@Musenor.TEST "})
    assert signin_identifier(request) == "anne@musenor.test"
    assert signin_identifier(request, {"username": "Bob@X.org"}) == "bob@x.org"


def test_staff_can_lift_a_lockout_with_django_axes_commands(client, staff, limit):
    from django.core.management import call_command

    for _ in range(limit):
        sign_in(client, EMAIL, "mauvais", ip="192.0.2.150")
    assert sign_in(client, EMAIL, PASSWORD, ip="192.0.2.151").status_code == 429
    call_command("axes_reset_username", EMAIL, stdout=io.StringIO())
    assert sign_in(client, EMAIL, PASSWORD, ip="192.0.2.151").status_code == 302
    # The address that failed stays throttled until it is reset too.
    assert sign_in(client, EMAIL, PASSWORD, ip="192.0.2.150").status_code == 429
    call_command("axes_reset_ip", "192.0.2.150", stdout=io.StringIO())
    assert sign_in(client, EMAIL, PASSWORD, ip="192.0.2.150").status_code == 302
