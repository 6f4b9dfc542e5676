"""Reading OpenAgenda over the network: a real HTTP server on 127.0.0.1, which
the import must refuse, and which it reads only when a test says loopback is allowed."""

import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from musenor.pages.exhibitions.factories import make_exhibition_index
from musenor.pages.exhibitions.models import ExhibitionPage
from musenor.pages.exhibitions.openagenda import FetchError, fetch_json, read_url
from musenor.pages.exhibitions.openagenda.fetch import is_public_address

DATA = Path(__file__).resolve().parent / "data"
GENERIC = "could not be read as OpenAgenda events"


def loopback_only(address):
    """The policy of these tests: only 127.0.0.1 (the server below) may be read."""
    return address == ipaddress.ip_address("127.0.0.1")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.paths.append(self.path)
        if self.path.startswith("/events"):
            self.answer(200, (DATA / "events.json").read_bytes())
        elif self.path == "/redirect-loopback":
            self.answer(302, b"", {"Location": f"http://127.0.0.2:{self.server.port}/events"})
        elif self.path == "/redirect-here":
            self.answer(302, b"", {"Location": "/events?from=redirect"})
        elif self.path == "/big":
            self.answer(200, b"[" + b" " * 10_000 + b"]")
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            # A byte every 0.2 s: each read is quick, the whole is not.
            for _ in range(50):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
        elif self.path == "/html":
            self.answer(200, b"<html>")
        else:
            self.answer(404, b"{}")

    def answer(self, status, body, headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.port = httpd.server_address[1]
    httpd.paths = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("127.1.2.3", False),
        ("::1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("100.64.0.1", False),
        ("169.254.169.254", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("224.0.0.1", False),
        ("ff02::1", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:169.254.169.254", False),
        ("2002:7f00:1::", False),  # 6to4 around 127.0.0.1
        ("192.0.2.1", False),  # documentation
    ],
)
def test_only_public_addresses_are_public(address, public):
    assert is_public_address(address) is public


@pytest.mark.parametrize(
    "template",
    [
        "http://127.0.0.1:{port}/events",
        "http://localhost:{port}/events",
        "http://[::1]:{port}/events",
        "http://2130706433:{port}/events",  # 127.0.0.1 as one number
        "http://0x7f.1:{port}/events",
        "http://127.1:{port}/events",
        "http://0.0.0.0:{port}/events",
        "http://[::ffff:127.0.0.1]:{port}/events",
        "https://127.0.0.1:{port}/events",
        "http://user:pw@127.0.0.1:{port}/events",
    ],
)
def test_loopback_is_refused_before_any_connection(server, template):
    with pytest.raises(FetchError, match=GENERIC):
        fetch_json(template.format(port=server.port))
    assert server.paths == []


def test_an_open_port_and_a_closed_port_give_the_same_message(server, closed_port):
    messages = []
    for port in (server.port, closed_port):
        url = f"http://127.0.0.1:{port}/events"
        with pytest.raises(FetchError) as caught:
            fetch_json(url)
        messages.append(str(caught.value).replace(str(port), "PORT"))
    assert messages[0] == messages[1]
    # And the same when the address is allowed: refused connection, 404, not JSON.
    for url in (
        f"http://127.0.0.1:{closed_port}/events",
        f"http://127.0.0.1:{server.port}/missing",
        f"http://127.0.0.1:{server.port}/html",
    ):
        with pytest.raises(FetchError) as caught:
            fetch_json(url, address_allowed=loopback_only)
        assert GENERIC in str(caught.value)


def test_an_allowed_address_is_read(server):
    url = f"http://127.0.0.1:{server.port}/events?key=k"
    document = fetch_json(url, address_allowed=loopback_only)
    assert [event["uid"] for event in document["events"][:2]] == [48213957, 48213958]
    assert server.paths == ["/events?key=k"]


def test_redirects_are_checked_like_the_first_address(server):
    document = fetch_json(
        f"http://127.0.0.1:{server.port}/redirect-here", address_allowed=loopback_only
    )
    assert document["events"]
    assert server.paths == ["/redirect-here", "/events?from=redirect"]
    # To another address that the policy refuses: not followed.
    with pytest.raises(FetchError, match=GENERIC):
        fetch_json(
            f"http://127.0.0.1:{server.port}/redirect-loopback", address_allowed=loopback_only
        )


def test_size_and_time_are_bounded(server):
    with pytest.raises(FetchError, match=GENERIC):
        fetch_json(
            f"http://127.0.0.1:{server.port}/big", max_bytes=1000, address_allowed=loopback_only
        )
    started = time.monotonic()
    with pytest.raises(FetchError, match=GENERIC):
        fetch_json(f"http://127.0.0.1:{server.port}/slow", timeout=1, address_allowed=loopback_only)
    assert time.monotonic() - started < 3


def test_the_allow_list_refuses_other_hosts(settings, server):
    settings.MUSENOR_OPENAGENDA_ALLOWED_HOSTS = ["api.openagenda.com", ".openagenda.example"]
    with pytest.raises(FetchError, match="not among the hosts"):
        fetch_json("https://elsewhere.example/events")
    # Allowed by the list, still refused by its address.
    settings.MUSENOR_OPENAGENDA_ALLOWED_HOSTS = ["localhost"]
    with pytest.raises(FetchError, match=GENERIC):
        fetch_json(f"http://localhost:{server.port}/events")
    assert server.paths == []


def test_read_url_has_an_overall_deadline(server):
    with pytest.raises(FetchError, match=GENERIC):
        read_url(f"http://127.0.0.1:{server.port}/events", total_timeout=0)
    assert server.paths == []


# --- the admin screen ------------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_refuses_loopback_with_the_generic_message(client, home, server, closed_port):
    index = make_exhibition_index(home)
    user = get_user_model().objects.create_superuser(
        email="staff@musenor.test", password="pw", first_name="A", last_name="B"
    )
    client.force_login(user)
    url = reverse("musenor_import_openagenda")
    errors = []
    for port in (server.port, closed_port):
        response = client.post(
            url,
            {"index": index.pk, "url": f"http://127.0.0.1:{port}/events"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 200
        errors.append(
            [e.replace(str(port), "PORT") for e in response.context["form"].non_field_errors()]
        )
    assert errors[0] == errors[1]
    # The admin speaks French, the editors' language.
    assert "n’a pas pu être lu comme des événements OpenAgenda" in errors[0][0]
    assert server.paths == []
    assert not ExhibitionPage.objects.exists()


@pytest.mark.django_db
def test_the_admin_imports_the_valid_events_of_a_file_with_bad_dates(client, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    index = make_exhibition_index(home)
    user = get_user_model().objects.create_superuser(
        email="staff@musenor.test", password="pw", first_name="A", last_name="B"
    )
    client.force_login(user)
    upload = SimpleUploadedFile(
        "events_bad_dates.json", (DATA / "events_bad_dates.json").read_bytes()
    )
    response = client.post(
        reverse("musenor_import_openagenda"), {"index": index.pk, "file": upload}
    )
    assert response.status_code == 200
    counts = response.context["report"].counts
    assert (counts["created"], counts["skipped"]) == (2, 4)
    assert ExhibitionPage.objects.count() == 2
