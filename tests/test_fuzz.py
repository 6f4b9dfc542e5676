"""Fuzzing: malformed requests to every URL of the site never get a 5xx.

The URLs are found, not listed: every pattern of the URLconf (walked from
``django.urls.get_resolver()``, so a plugin's ``register_public_urls`` and
Wagtail's and Django's own patterns are in), and the page URLs of a small site
that holds one published page of every page type in Wagtail's registry (a new
page type without a builder below fails the test). The GET parameters tried
on a page are the ``name``s of its own forms and the keys of its own links,
plus random ones.

Each URL gets malformed query strings, malformed paths, odd headers, every
method and garbage bodies, raw bytes included (overlong UTF-8, ``%00``,
``%ff``, double encoding). It runs as an anonymous visitor with the CSRF check
off, as a client that sends the token would, so that form handling is reached.

Deterministic: the choices come from ``random.Random(SEED)``; set
``FUZZ_SEED`` to explore other cases. Bounded: a fixed number of requests per
URL, printed at the end ("N requests fuzzed").
"""

import os
import random
import re
import sys
import time
from datetime import date, timedelta
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.signals import got_request_exception
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation
from django.utils.regex_helper import normalize
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db

SEED = int(os.environ.get("FUZZ_SEED", "20261127"))
QUERIES_PER_PAGE = 8
PATHS_PER_PAGE = 3
HEADERS_PER_PAGE = 5
METHODS_PER_PAGE = 4
BODIES_PER_PAGE = 3

# Values of URL parameters tried when a pattern is turned into a path.
PARAMETER_SAMPLES = ["1", "x", "a-b", "2026", "00000000-0000-0000-0000-000000000000", "a/b"]
# Raw (already percent-encoded where needed) values of query parameters.
RAW_VALUES = [
    "",
    "%00",
    "a%00b",
    "%ff",
    "%ff%fe",
    "%c0%af",  # overlong "/"
    "%e0%80%af",
    "%ed%a0%80",  # a lone surrogate
    "%252e%252e%252f",  # double encoding
    "%",
    "%%",
    "%zz",
    "-1",
    "0",
    "99999999999999999999999",
    "1e400",
    "NaN",
    "inf",
    "%22",
    "%22%22%22",
    "%27",
    "*",
    "-",
    "NEAR",
    "AND%20OR",
    "(",
    "%5E",
    ":",
    "%3Cscript%3E",
    "..%2F..%2Fetc%2Fpasswd",
    "x" * 5000,
    "%F0%9F%98%80",
    "9999-12-31",
    "0000-00-00",
    "2026-13-45",
    "ics",
    "json",
    "true",
    "[]",
    "{}",
]
# The values every field of every GET form gets, one by one.
SHARP_VALUES = [
    "%00",
    "%ff",
    "%c0%af",
    "%ed%a0%80",
    "%252e%252e%252f",
    "%22",
    "-1",
    "99999999999999999999999",
    "x" * 5000,
    "%F0%9F%98%80",
    "*",
    "9999-12-31",
]
RANDOM_KEYS = [
    "page",
    "q",
    "format",
    "tag",
    "next",
    "lang",
    "id",
    "a[]",
    "%00",
    "%ff",
    "",
    "x" * 300,
]
PATH_SUFFIXES = [
    "%00",
    "%ff",
    "%c0%af",
    "%ed%a0%80",
    "%252e%252e%252f",
    "..%2f..%2fetc%2fpasswd",
    "//",
    "./",
    "~",
    ";param",
    "x" * 3000 + "/",
    "%F0%9F%98%80/",
    "index.php",
    "%2e%2e/",
]
ODD_HEADERS = [
    {"Host": "evil.example"},
    {"Host": "localhost:99999999"},
    {"Host": "[::1"},
    {"Host": "a" * 300},
    {"Host": "local host"},
    {"Accept-Language": "*;q=x"},
    {"Accept-Language": "zz-ZZ, en;q=abc, ;;"},
    {"Accept-Language": "x" * 5000},
    {"Accept-Language": "en-GB-oxendict-x-private-1234567890"},
    {"Cookie": "django_language=xx-unknown"},
    {"Cookie": "django_language=%00; sessionid=garbage; csrftoken=!!!"},
    {"Cookie": "sessionid=" + "a" * 5000},
    {"Cookie": "=;;==; a=\x7f"},
    {"Range": "bytes=99999999999-"},
    {"Range": "bytes=-0"},
    {"Range": "bytes=abc"},
    {"Range": "bytes=0-1,2-3,4-5,6-7,8-9"},
    {"If-Modified-Since": "garbage"},
    {"If-Modified-Since": "Sat, 31 Dec 9999 23:59:59 GMT"},
    {"If-Modified-Since": "Mon, 01 Jan 0001 00:00:00 GMT"},
    {"If-None-Match": '"\x00", *, W/'},
    {"Accept": "*/*;q=nan, text/html;level=%ff"},
    {"Accept-Encoding": "gzip;q=abc, br, x" * 100},
    {"X-Forwarded-For": "not an ip"},
    {"X-Forwarded-Proto": "gopher"},
    {"Referer": "javascript:alert(1)"},
    {"Content-Length": "-1"},
]
BODIES = [
    (b"", "application/x-www-form-urlencoded"),
    (b"q=%22&page=-1&%00=%ff", "application/x-www-form-urlencoded"),
    (b"\xff\xfe\x00garbage", "application/x-www-form-urlencoded"),
    (b"a=b", "application/x-www-form-urlencoded; charset=x-unknown"),
    (b"a\x00=\xd8\x00", "application/x-www-form-urlencoded; charset=utf-16"),
    (
        b'--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
        "multipart/form-data; boundary=zz",
    ),
    (b"--zz--", "multipart/form-data"),
    (b"\x00" * 100, "multipart/form-data; boundary=" + "z" * 80),
    (b'{"a": [1, 2', "application/json"),
    (
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>",
        "text/xml",
    ),
    (os.urandom(0) + bytes(range(256)), "application/octet-stream"),
]
METHODS = ["HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "POST", "TRACE", "PROPFIND"]


# --- the site: one published page of every page type ---------------------------------


def build_site():
    """Every page type of the registry, published, under the French home page."""
    from musenor.pages.circuits.factories import make_circuit, make_circuit_index
    from musenor.pages.education.factories import (
        make_document,
        make_showcase,
        make_showcase_index,
    )
    from musenor.pages.exhibitions.factories import make_exhibition, make_exhibition_index
    from musenor.pages.museums.factories import make_museum, make_site_tree
    from musenor.pages.news.factories import make_news, make_news_index
    from musenor.pages.operations.factories import make_operation, make_operation_index
    from musenor.pages.paths.factories import make_path, make_path_index
    from musenor.pages.selections.factories import (
        answer,
        make_quiz,
        make_selection,
        make_selection_index,
    )
    from musenor.pages.standard.factories import make_contact_page
    from musenor.pages.standard.models import LandingPage, StandardPage
    from musenor.site.demo import publish_child

    home, directory = make_site_tree()
    lens = make_museum(
        directory, title="Louvre-Lens", city="Lens", department="62", themes=["archéologie"]
    )
    mine = make_museum(directory, title="Musée de la Mine", city="Lens", department="62")
    publish_child(home, StandardPage, "a-propos", title="À propos", intro="L'association.")
    publish_child(home, LandingPage, "campagne", title="Campagne", hero_title="Venez !")
    make_contact_page(home)
    today = date.today()
    make_exhibition(
        make_exhibition_index(home),
        title="Trésors d'Égypte",
        museums=[lens],
        tags=["égypte"],
        start_date=today - timedelta(days=10),
        end_date=today + timedelta(days=30),
    )
    make_operation(make_operation_index(home), title="MuséoSciences", museums=[lens])
    make_news(make_news_index(home), title="Nuit des musées", tags=["nuit"])
    make_path(make_path_index(home), title="En famille au musée")
    make_circuit(make_circuit_index(home), [lens, mine], title="Lens en un jour")
    make_showcase(
        make_showcase_index(home),
        title="L'Égypte au cycle 3",
        subjects=["Histoire"],
        museums=[lens],
    )
    selections = make_selection_index(home)
    make_selection(selections, title="Musées d'archéologie", picked=[lens])
    make_quiz(
        selections,
        [("Qu'aimez-vous ?", False, [answer("Les vieilles pierres", themes=["archeologie"])])],
    )
    make_document("Dossier pédagogique", ["Une page."])
    return home


def portal_page_models():
    return [
        model
        for model in get_page_models()
        if model._meta.app_label.startswith("musenor_") and not model._meta.abstract
    ]


# --- URLs from the URLconf ------------------------------------------------------------------


def url_patterns(resolver=None, prefix=()):
    """(pattern pieces, URLPattern) for every pattern, included ones too."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry, (*prefix, entry.pattern))
        elif isinstance(entry, URLPattern):
            yield (*prefix, entry.pattern), entry


def fill(pieces, value):
    """A path for the pattern pieces, every parameter set to ``value``."""
    path = ""
    for piece in pieces:
        if isinstance(piece, LocalePrefixPattern):
            path += piece.language_prefix
        elif isinstance(piece, RoutePattern):
            path += re.sub(r"<(?:\w+:)?(\w+)>", lambda _match: value, str(piece._route))
        elif isinstance(piece, RegexPattern):
            template, params = normalize(piece._regex)[0]
            path += template % dict.fromkeys(params, value) if params else template
        else:  # pragma: no cover - a pattern class of a third party
            path += str(piece)
    return "/" + path


def pattern_paths():
    """One path per URL pattern (per language for the translated ones) that resolves to it."""
    paths = {}
    languages = [code for code, _name in settings.LANGUAGES]
    for pieces, pattern in url_patterns():
        translated = any(isinstance(piece, LocalePrefixPattern) for piece in pieces)
        for language in languages if translated else languages[:1]:
            with translation.override(language):
                chosen = fill(pieces, PARAMETER_SAMPLES[0])
                for value in PARAMETER_SAMPLES:
                    candidate = fill(pieces, value)
                    try:
                        match = resolve(candidate)
                    except Resolver404:
                        continue
                    if match.func == pattern.callback or match.url_name == pattern.name:
                        chosen = candidate
                        break
            paths[chosen] = pattern.name or pattern.lookup_str
    return paths


# --- requests ---------------------------------------------------------------------------


class Fuzzer:
    def __init__(self, seed):
        self.random = random.Random(seed)
        self.client = Client(raise_request_exception=False)
        self.count = 0
        self.failures = []
        self.tried = set()
        self.last_exception = None
        got_request_exception.connect(self.record_exception)

    def close(self):
        got_request_exception.disconnect(self.record_exception)

    def record_exception(self, sender, request=None, **kwargs):
        self.last_exception = repr(sys.exc_info()[1])[:300]

    def send(
        self, method, path, *, body=b"", content_type="application/octet-stream", headers=None
    ):
        self.last_exception = None
        self.count += 1
        try:
            response = self.client.generic(
                method, path, body, content_type=content_type, headers=headers or {}
            )
            status = response.status_code
        except Exception as error:  # noqa: BLE001 - the client itself must not fail either
            status, self.last_exception = "raised", repr(error)[:300]
        if status == "raised" or status >= 500:
            self.failures.append(
                f"{method} {path[:200]} {headers or ''} -> {status}: {self.last_exception}"
            )
        return None if status == "raised" else response

    def query(self, keys):
        pairs = []
        for _ in range(self.random.randint(1, 3)):
            key = self.random.choice(keys)
            pairs.append(f"{key}={self.random.choice(RAW_VALUES)}")
        return "&".join(pairs)

    def light(self, path):
        """Every URL pattern: a malformed query and another method."""
        self.send("GET", f"{path}?{self.query(RANDOM_KEYS)}")
        self.send(self.random.choice(METHODS), path)

    def deep(self, path):
        """A page or a public view: many queries, paths, headers, methods and bodies."""
        html = html_of(self.send("GET", path))
        keys = RANDOM_KEYS + parameter_names(html)
        # Every field of every GET form, with every value, once per form action.
        for action, fields in get_forms(html, path):
            for field in fields:
                if (action, field) in self.tried:
                    continue
                self.tried.add((action, field))
                for value in SHARP_VALUES:
                    self.send("GET", f"{action}?{field}={value}")
        for _ in range(QUERIES_PER_PAGE):
            self.send("GET", f"{path}?{self.query(keys)}")
        base = path if path.endswith("/") else path + "/"
        for suffix in self.random.sample(PATH_SUFFIXES, PATHS_PER_PAGE):
            self.send("GET", base + suffix)
        for headers in self.random.sample(ODD_HEADERS, HEADERS_PER_PAGE):
            self.send("GET", path, headers=headers)
        for method in self.random.sample(METHODS, METHODS_PER_PAGE):
            self.send(method, path)
        for body, content_type in self.random.sample(BODIES, BODIES_PER_PAGE):
            self.send("POST", f"{path}?{self.query(keys)}", body=body, content_type=content_type)


def html_of(response):
    if response is None or response.status_code != 200:
        return ""
    if "html" not in response.get("Content-Type", ""):
        return ""
    return response.content.decode("utf-8", "replace")


def parameter_names(html):
    """The parameters a page offers: its form fields and the keys of its links."""
    names = set(re.findall(r'\bname="([^"]{1,60})"', html))
    names |= set(re.findall(r"[?&](?:amp;)?([\w\[\]-]{1,60})=", html))
    names.discard("csrfmiddlewaretoken")
    return sorted(names)


def get_forms(html, path):
    """(action path, field names) of the page's GET forms."""
    forms = []
    for attributes, inside in re.findall(r"<form\b([^>]*)>(.*?)</form>", html, re.S):
        method = re.search(r'method="([^"]*)"', attributes)
        if method and method[1].lower() != "get":
            continue
        action = re.search(r'action="([^"]*)"', attributes)
        target = urljoin(path, unescape(action[1])) if action and action[1] else path
        fields = set(re.findall(r'\bname="([^"]{1,60})"', inside))
        forms.append((urlsplit(target).path, sorted(fields)))
    return forms


def is_public(path):
    return not path.startswith(("/admin/", "/django-admin/"))


# PostgreSQL is the stricter database (a NUL byte in a query is an error there):
# CI fuzzes on it only.
@pytest.mark.one_pass
def test_no_request_gets_a_5xx(settings, capsys):
    # Production's error handling (no debug page), the test settings' hosts.
    settings.DEBUG = False
    home = build_site()
    built = {type(page) for page in Page.objects.live().specific()}
    missing = [model.__name__ for model in portal_page_models() if model not in built]
    assert not missing, f"no page of these types in the fuzzed site: {missing}"

    page_paths = sorted({page.url for page in Page.objects.live().specific() if page.url})
    assert home.url in page_paths
    patterns = pattern_paths()
    assert len(patterns) > 100  # the admin's patterns are in: the walk is not vacuous

    fuzzer = Fuzzer(SEED)
    started = time.monotonic()
    try:
        for path in sorted(patterns):
            if is_public(path):
                fuzzer.deep(path)
            else:
                fuzzer.light(path)
        for path in page_paths:
            fuzzer.deep(path)
    finally:
        fuzzer.close()
    with capsys.disabled():
        print(
            f"\n{fuzzer.count} requests fuzzed ({len(patterns)} URL patterns, "
            f"{len(page_paths)} pages, seed {SEED}) in {time.monotonic() - started:.0f} s, "
            f"{len(fuzzer.failures)} 5xx"
        )
    assert not fuzzer.failures, "\n".join(
        [f"{len(fuzzer.failures)} requests got a 5xx:", *fuzzer.failures[:40]]
    )
