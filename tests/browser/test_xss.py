"""The XSS corpus: every payload in every input, every output rendered in Chromium.

The payloads (``xss_corpus.json``, ``NUM`` standing for each payload's number)
go where an attacker can put them:

- visitor inputs, found rather than listed: the parameter-free routes of the
  URLconf (plugins' public URLs included), the forms and the query-string links
  rendered by one page of every page type in every language. Every parameter
  found gets the payloads, by GET and by POST;
- editor-controlled text: every text, rich-text and StreamField text value of
  every model of the portal's apps (``musenor_*``, plugins included) and the
  Wagtail fields that reach pages (titles, search descriptions, tags, image and
  document titles), on the demo site; then every page type in every language,
  the index pages' subroutes (RSS/Atom, iCalendar) and the search results.

Each response is first fetched in-process; those where some payload shows
(all hold the text ``xss``) are rendered in Chromium, where the test fails if a
payload ran (``window.__xss(n)`` installed by an init script, or a dialog), or
if the DOM holds anything a payload brought: a ``data-xss`` attribute, an
event-handler attribute, a ``javascript:``/``data:`` URL, a script or style
carrying a payload, a JSON-LD block that no longer parses, or a Django template
tag that was evaluated. Checking the DOM as well as execution makes the test
independent of the Content-Security-Policy: a policy may stop a script, the
output must still be escaped. Feeds must parse as XML and their HTML parts are
rendered as a feed reader would; iCalendar files must keep their line syntax.

Payloads are joined into runs of up to 200 characters (the search keeps 200),
so that one request tries several: the test prints how many requests,
renderings and payloads it tried.
"""

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CORPUS = json.loads(Path(__file__).with_name("xss_corpus.json").read_text(encoding="utf-8"))
PAYLOADS = {n: entry["payload"].replace("NUM", str(n)) for n, entry in enumerate(CORPUS, 1)}
# Every payload holds this text; a response without it reflects none of them.
TRACE = re.compile(r"xss", re.IGNORECASE)
SEEN = re.compile(r"xss(?:\(|-|=|\\u0028)?(\d+)|xss=\\?[\"']?(\d+)")
RUN_LENGTH = 200
# A text field longer than this gets the whole corpus at once.
UNLIMITED = 10_000
# Django's set_language: a view with parameters that no page renders a form for.
EXTRA_PARAMETERS = {"next", "language"}
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
# Runs of payloads sent to each visitor endpoint that shows a parameter back: 4 in
# CI (the corpus goes round the endpoints, each run reaching several); every run
# to every endpoint with XSS_RUNS_PER_ENDPOINT=100 (minutes more).
RUNS_PER_ENDPOINT = int(os.environ.get("XSS_RUNS_PER_ENDPOINT", "4"))
# Editors' payloads are looked for on this many pages of every type in every
# language: 3 in CI, more for a deeper sweep (XSS_PAGES_PER_TYPE=16, minutes).
PAGES_PER_TYPE = int(os.environ.get("XSS_PAGES_PER_TYPE", "3"))
MAX_REQUESTS = 3000

# The init script: what a payload calls when it runs.
LISTENER = """
window.__xssHits = [];
window.__xss = (n) => { window.__xssHits.push(String(n)); };
"""

# Everything in a rendered DOM that only an unescaped payload can have brought.
SCAN = r"""
() => {
    const found = [];
    const where = (el) => el.outerHTML.slice(0, 160);
    const marker = /xss|alert\(|confirm\(|prompt\(/i;
    const urlAttributes = new Set(
        ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"]
    );
    const controls = /[\u0000-\u0020\u007f-\u009f]/g;
    const dangerous = (value) => /^(javascript|vbscript|data):/i.test(value.replace(controls, ""));
    for (const el of document.querySelectorAll("*")) {
        for (const attr of el.attributes) {
            const name = attr.name.toLowerCase();
            const carries = marker.test(attr.value);
            if (name.startsWith("data-xss")) {
                found.push(`injected element: ${where(el)}`);
            } else if (name.startsWith("on") && carries) {
                found.push(`event handler: ${where(el)}`);
            } else if (urlAttributes.has(name) && carries && dangerous(attr.value)) {
                found.push(`script URL: ${where(el)}`);
            } else if ((name === "srcdoc" || name === "style") && carries) {
                found.push(`${name} attribute: ${where(el)}`);
            }
        }
        const tag = el.localName;
        if (tag === "script") {
            const type = (el.getAttribute("type") || "text/javascript").toLowerCase();
            if (type.includes("json")) {
                try {
                    JSON.parse(el.textContent);
                } catch (error) {
                    found.push(`${type} that no longer parses: ${where(el)}`);
                }
            } else if (marker.test(el.textContent) || marker.test(el.getAttribute("src") || "")) {
                found.push(`script: ${where(el)}`);
            }
        } else if (tag === "style" && marker.test(el.textContent)) {
            found.push(`style: ${where(el)}`);
        }
    }
    const evaluated = document.documentElement.outerHTML.match(/xss\d+-\d+-ssti/);
    if (evaluated) found.push(`template tag evaluated: ${evaluated[0]}`);
    return found;
}
"""


# --- Discovering inputs -----------------------------------------------------------


class PageParser(HTMLParser):
    """The forms (method, action, field names) and the links of an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self.links = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action") or "",
                "names": set(),
            }
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea", "button") and attrs.get("name"):
            if self._form is not None:
                self._form["names"].add(attrs["name"])
        elif tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def parse_page(html):
    parser = PageParser()
    parser.feed(html)
    return parser


@dataclass(frozen=True)
class Endpoint:
    """Where a visitor can send parameters: a method, a path and the parameters' names."""

    method: str
    path: str
    names: frozenset


@dataclass
class Probe:
    """One request: where it goes, what it sends, which payloads it carries."""

    method: str
    url: str
    data: dict = field(default_factory=dict)
    payloads: tuple = ()

    @property
    def target(self):
        if self.method == "get" and self.data:
            return f"{self.url}?{urlencode(self.data)}"
        return self.url


def local_path(base, href):
    """The path and query of ``href`` read on page ``base``, or None when it leaves the site."""
    parts = urlsplit(urljoin("http://testserver" + base, href))
    if parts.scheme not in ("http", "https") or parts.hostname not in ("testserver", "localhost"):
        return None
    if parts.path.startswith(EXCLUDED_PREFIXES):
        return None
    return parts.path, parts.query


def parameter_free_routes():
    """The URLconf's routes that take no argument, outside the admin and file downloads."""
    from django.urls import URLPattern, URLResolver, get_resolver

    routes = []

    def walk(patterns, prefix):
        for pattern in patterns:
            text = str(pattern.pattern)
            if "<" in text or re.search(r"[()\[\]\\*+?{}|]", text.strip("^$")):
                continue
            route = prefix + text.strip("^$")
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                path = "/" + route
                if not path.startswith(EXCLUDED_PREFIXES):
                    routes.append(path)

    walk(get_resolver().url_patterns, "")
    return sorted(set(routes))


def one_page_per_type(per_type=1):
    """URLs of the first live pages of every page type in every language."""
    from wagtail.models import Locale, get_page_models

    urls = []
    for model in get_page_models():
        if model._meta.abstract:
            continue
        for locale in Locale.objects.all():
            pages = model.objects.live().public().exact_type(model).filter(locale=locale)
            for page in pages.order_by("path")[:per_type]:
                url = page.get_url()
                if url:
                    urls.append((model.__name__, url))
    return urls


def payload_runs(limit=RUN_LENGTH, start=0):
    """The payloads in runs of at most ``limit`` characters: (text, payload numbers)."""
    numbers = list(PAYLOADS)
    numbers = numbers[start % len(numbers) :] + numbers[: start % len(numbers)]
    runs, text, carried = [], "", []
    for n in numbers:
        payload = PAYLOADS[n]
        if len(payload) > limit:
            continue
        if text and len(text) + 1 + len(payload) > limit:
            runs.append((text, tuple(carried)))
            text, carried = "", []
        text = f"{text} {payload}" if text else payload
        carried.append(n)
    if text:
        runs.append((text, tuple(carried)))
    return runs


# --- Checking outputs -------------------------------------------------------------


@dataclass
class Report:
    requests: int = 0
    tries: int = 0
    rendered: int = 0
    findings: list = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    answered: Counter = field(default_factory=Counter)
    outputs: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)
    sent: set = field(default_factory=set)
    reached: set = field(default_factory=set)
    inputs: set = field(default_factory=set)

    def fail(self, where, what):
        self.findings.append(f"{where}: {what}")


def local_name(element):
    return element.tag.rsplit("}", 1)[-1]


def check_xml(report, label, content):
    """A feed or sitemap: well-formed, no element brought by a payload.

    Returns the entries' HTML parts (RSS ``item/description``, Atom ``summary``
    and ``content`` of type ``html``), which feed readers render as HTML.
    """
    try:
        root = ET.fromstring(content)
    except ET.ParseError as error:
        report.fail(label, f"XML that no longer parses ({error})")
        return []
    fragments = []
    for element in root.iter():
        name = local_name(element)
        if "xss" in name.lower() or any("xss" in key.lower() for key in element.attrib):
            report.fail(label, f"XML element or attribute from a payload: <{name}>")
        if name not in ("item", "entry"):
            continue
        for child in element:
            shown_as_html = local_name(child) == "description" or (
                local_name(child) in ("summary", "content") and child.get("type") == "html"
            )
            if shown_as_html and child.text and TRACE.search(child.text):
                fragments.append(child.text)
    return fragments


def check_icalendar(report, label, content):
    """iCalendar: CRLF lines, no property that a payload's line break created."""
    text = content.decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    lines = unfolded.split("\r\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        if "\r" in line or "\n" in line:
            report.fail(label, f"bare line break in an iCalendar line: {line[:80]!r}")
        name = re.split(r"[;:]", line, maxsplit=1)[0]
        if not re.fullmatch(r"[A-Z][A-Z0-9-]*", name) or "XSS" in name:
            report.fail(label, f"iCalendar line that a payload made: {line[:80]!r}")


class Browser:
    """Renders responses in Chromium, at their own address, and scans each result.

    The response fetched in-process is handed to Chromium for its address (the
    document request is fulfilled with it, headers included); the page's styles
    and scripts come from the live server. Requests leaving the loopback are refused.
    """

    def __init__(self, browser, base_url):
        self.base_url = base_url
        self.report = Report()
        self.context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        self.context.set_default_timeout(15_000)
        self.context.add_init_script(LISTENER)
        self.context.route(
            lambda url: not url.startswith(base_url) and not url.startswith("data:"),
            lambda route: route.abort(),
        )
        # Pictures, sound and fonts from the live server run no script (a payload's
        # own <img onerror> still fires: its request fails), and would only slow
        # every rendering down.
        self.context.route(
            lambda url: url.startswith(base_url),
            lambda route: (
                route.abort()
                if route.request.resource_type in ("image", "media", "font")
                else route.fallback()
            ),
        )
        self.pending = {}
        self.context.route(lambda url: url in self.pending, self._fulfil)
        self.page = None

    def close(self):
        self.context.close()

    def _fulfil(self, route):
        status, headers, body = self.pending.pop(route.request.url)
        route.fulfill(status=status, headers=headers, body=body)

    def _fresh_page(self):
        if self.page is not None:
            self.page.close()
        self.events = []
        self.page = self.context.new_page()

        def on_dialog(dialog):
            self.events.append(f"dialog {dialog.type} {dialog.message!r}")
            dialog.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.on("pageerror", lambda error: self.events.append(f"JavaScript error {error}"))

    def render(self, label, path, body, status=200, headers=None):
        """Show ``body`` as the answer to ``path`` and record what it did."""
        if self.page is None or self.events:
            self._fresh_page()
        url = self.base_url + path
        headers = {k: v for k, v in (headers or {}).items() if k.lower() != "content-length"}
        headers.setdefault("Content-Type", "text/html; charset=utf-8")
        self.pending[url] = (status, headers, body)
        self.page.goto(url, wait_until="load")
        for finding in self.page.evaluate(SCAN):
            self.report.fail(label, finding)
        for n in self.page.evaluate("window.__xssHits || []"):
            self.report.fail(label, f"payload {n} ran: {PAYLOADS.get(int(n), '?')[:80]!r}")
        for event in self.events:
            self.report.fail(label, event)
        self.report.rendered += 1


def check_probes(client, chromium, probes):
    """Fetch each probe in-process; render in Chromium those where a payload shows."""
    report = chromium.report
    for probe in probes:
        report.requests += 1
        report.tries += len(probe.payloads) * len(probe.data)
        report.sent.update(probe.payloads)
        if probe.method == "post":
            response = client.post(probe.url, probe.data)
        else:
            response = client.get(probe.target)
        report.statuses[response.status_code // 100] += 1
        if response.status_code >= 300 or not hasattr(response, "content"):
            if response.status_code >= 400:
                report.errors.append(f"{probe.method.upper()} {probe.target[:80]}")
            continue
        report.answered[(probe.method, probe.url)] += 1
        content = response.content
        text = content.decode("utf-8", "replace")
        if not TRACE.search(text):
            continue
        report.reached.update(int(a or b) for a, b in SEEN.findall(text))
        kind = response.get("Content-Type", "")
        report.outputs[kind.split(";")[0]] += 1
        label = f"{probe.method.upper()} {probe.target[:160]}"
        if "html" in kind:
            path = probe.target if probe.method == "get" else probe.url
            chromium.render(label, path, content, response.status_code, dict(response.headers))
        elif "xml" in kind:
            for i, fragment in enumerate(check_xml(report, label, content)):
                chromium.render(f"{label} (entry {i} as a feed reader shows it)", "/", fragment)
        elif "calendar" in kind:
            check_icalendar(report, label, content)
        elif "json" in kind:
            try:
                json.loads(content)
            except ValueError as error:
                report.fail(label, f"JSON that no longer parses ({error})")


# --- Editor-controlled content -----------------------------------------------------

# Wagtail's and taggit's fields that editors fill in and pages show.
THIRD_PARTY_FIELDS = {
    "wagtailcore.Page": ("title", "seo_title", "search_description"),
    "taggit.Tag": ("name",),
    "wagtailimages.Image": ("title", "description"),
    "wagtaildocs.Document": ("title",),
}


def rich_text_of(numbers, features=None):
    """Rich text as an editor types it in Draftail: each payload as text and as a link."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    blocks, entities = [], {}
    for i, n in enumerate(numbers):
        text = PAYLOADS[n]
        entities[str(2 * i)] = {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": f"javascript:__xss({n})"},
        }
        entities[str(2 * i + 1)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": text}}
        blocks.append(
            {
                "key": f"b{i}",
                "type": "unstyled",
                "depth": 0,
                "text": f"{text} x y",
                "inlineStyleRanges": [],
                "entityRanges": [
                    {"offset": len(text) + 1, "length": 1, "key": 2 * i},
                    {"offset": len(text) + 3, "length": 1, "key": 2 * i + 1},
                ],
            }
        )
    contentstate = {"blocks": blocks, "entityMap": entities}
    return ContentstateConverter(features).to_database_format(json.dumps(contentstate))


class EditorValues:
    """Payload values for text fields, rotated from row to row so that all get tried."""

    def __init__(self):
        self.injected = Counter()
        self.fields = set()

    def text(self, label, row, limit=None):
        """A run of payloads that fits in ``limit`` characters: all of them if it is long."""
        if limit is None or limit >= UNLIMITED:
            text, numbers = payload_runs(UNLIMITED, start=row)[0]
        else:
            runs = payload_runs(limit)
            if not runs:
                return None
            text, numbers = runs[row % len(runs)]
        self._count(label, numbers)
        return text

    def rich_text(self, label, row, features=None):
        numbers = list(PAYLOADS)
        self._count(label, numbers)
        return rich_text_of(numbers, features)

    def _count(self, label, numbers):
        self.fields.add(label)
        self.injected.update(numbers)

    def stream(self, block, raw, label, row):
        """``raw`` (a StreamField's JSON) with every text and rich-text value replaced."""
        from wagtail import blocks

        if isinstance(block, blocks.StreamBlock):
            for item in raw:
                child = block.child_blocks.get(item.get("type"))
                if child is not None:
                    item["value"] = self.stream(
                        child, item["value"], f"{label}.{item['type']}", row
                    )
            return raw
        if isinstance(block, blocks.ListBlock):
            for i, item in enumerate(raw):
                if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                    item["value"] = self.stream(block.child_block, item["value"], label, row)
                else:
                    raw[i] = self.stream(block.child_block, item, label, row)
            return raw
        if isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                if name in raw:
                    raw[name] = self.stream(child, raw[name], f"{label}.{name}", row)
            return raw
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(label, row, block.features)
        if isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and raw:
            return self.text(label, row, getattr(block.field, "max_length", None)) or raw
        return raw


def editor_text_fields(model):
    """The fields of ``model`` that hold text an editor writes."""
    from django.db import models
    from wagtail.fields import StreamField

    label = model._meta.label
    if label in THIRD_PARTY_FIELDS:
        return [model._meta.get_field(name) for name in THIRD_PARTY_FIELDS[label]]
    if not model._meta.app_label.startswith("musenor_"):
        return []
    chosen = []
    for f in model._meta.local_concrete_fields:
        if f.primary_key or not f.editable or f.choices:
            continue
        text = isinstance(f, (models.CharField, models.TextField)) and not isinstance(
            f, (models.SlugField, models.URLField, models.EmailField)
        )
        if text or isinstance(f, StreamField):
            chosen.append(f)
    return chosen


def inject_editor_payloads():
    """Put the payloads into every editor text field of every row; return the counts."""
    from django.apps import apps
    from django.db import IntegrityError, transaction
    from wagtail.fields import RichTextField, StreamField

    values = EditorValues()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = editor_text_fields(model)
        if not fields:
            continue
        for row, obj in enumerate(model._base_manager.order_by("pk")[:500]):
            changes = {}
            for f in fields:
                label = f"{model._meta.label}.{f.name}"
                if isinstance(f, StreamField):
                    raw = [dict(item) for item in getattr(obj, f.name).raw_data]
                    raw = json.loads(json.dumps(raw, default=str))
                    changes[f.name] = f.to_python(values.stream(f.stream_block, raw, label, row))
                elif isinstance(f, RichTextField):
                    changes[f.name] = values.rich_text(label, row, f.features)
                else:
                    prefix = f"{row} " if f.unique else ""
                    limit = f.max_length - len(prefix) if f.max_length else None
                    text = values.text(label, row, limit)
                    if text is not None:
                        changes[f.name] = prefix + text
            try:
                with transaction.atomic():
                    model._base_manager.filter(pk=obj.pk).update(**changes)
            except IntegrityError:
                continue
    return values


# --- The test ----------------------------------------------------------------------


@pytest.fixture
def demo_site(demo_database, settings):
    settings.MUSENOR_MAP_TILES_URL = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNk"
        "YAAAAAYAAjCB0C8AAAAASUVORK5CYII="
    )


def visitor_endpoints(client):
    """Every (method, path, parameter names) a visitor can send, found in routes and pages."""
    from django.conf import settings

    sources = parameter_free_routes()
    sources += [url for _, url in one_page_per_type()]
    endpoints = set()
    names_seen = set(EXTRA_PARAMETERS)
    for url in sources:
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = parse_page(response.content.decode())
        for form in page.forms:
            target = local_path(url, form["action"])
            names = frozenset(form["names"] - {"csrfmiddlewaretoken"})
            if target and names:
                endpoints.add(Endpoint(form["method"], target[0], names))
                names_seen |= names
        for href in page.links:
            target = local_path(url, href)
            if target and target[1]:
                names = frozenset(name for name, _ in parse_qsl(target[1], keep_blank_values=True))
                endpoints.add(Endpoint("get", target[0], names))
                names_seen |= names
    # Every route also gets every parameter name seen anywhere, by GET and by POST.
    for path in parameter_free_routes():
        for method in ("get", "post"):
            endpoints.add(Endpoint(method, path, frozenset(names_seen)))
    # The same page in another language runs the same code: one language is enough.
    language = re.compile("^/(?:{})/".format("|".join(code for code, _ in settings.LANGUAGES)))
    unique = {}
    for e in sorted(endpoints, key=lambda e: (len(e.path), e.path, e.method, sorted(e.names))):
        unique.setdefault((e.method, language.sub("/", e.path), e.names), e)
    return sorted(unique.values(), key=lambda e: (e.path, e.method, sorted(e.names)))


def send(client, probe):
    if probe.method == "post":
        return client.post(probe.url, probe.data)
    return client.get(probe.target)


def visitor_probes(client, endpoints):
    """The corpus, in runs, for every endpoint that shows one of its parameters back.

    A first request gives each parameter a harmless canary: an endpoint whose
    answer shows none of them (a redirect, a filter that ignores an unknown
    choice) cannot carry a payload into a page, and is not sent the corpus.
    The others get ``RUNS_PER_ENDPOINT`` runs each, taken in turn from the corpus.
    """
    probes, reflecting = [], []
    runs = payload_runs()
    for endpoint in endpoints:
        canaries = {name: f"xsscanary{i}" for i, name in enumerate(sorted(endpoint.names))}
        response = send(client, Probe(endpoint.method, endpoint.path, canaries))
        text = response.content.decode("utf-8", "replace") if hasattr(response, "content") else ""
        shown = sorted(name for name, canary in canaries.items() if canary in text)
        if not shown:
            continue
        # Each endpoint gets the next RUNS_PER_ENDPOINT runs, so that the corpus
        # goes round the endpoints (every run to several of them).
        first = len(reflecting) * RUNS_PER_ENDPOINT
        count = min(RUNS_PER_ENDPOINT, len(runs))
        reflecting.append((endpoint, shown))
        for k in range(first, first + count):
            text, numbers = runs[k % len(runs)]
            data = dict.fromkeys(sorted(endpoint.names), text)
            probes.append(Probe(endpoint.method, endpoint.path, data, numbers))
    return reflecting, probes[:MAX_REQUESTS]


def editor_probes(client, search_words):
    """A probe for every page type, its subroutes and filtered views, and the search."""
    from wagtail.models import Page

    page_urls = {page.get_url() for page in Page.objects.live().specific(defer=True)}
    seen, probes = set(), []

    def add(path, query=""):
        key = (path, frozenset(name for name, _ in parse_qsl(query)))
        if key not in seen and len(probes) < MAX_REQUESTS:
            seen.add(key)
            probes.append(Probe("get", path + (f"?{query}" if query else "")))

    pages = one_page_per_type(PAGES_PER_TYPE)
    for _, url in pages:
        add(url)
    for path in parameter_free_routes():
        add(path)
    for word in search_words:
        add("/recherche/", urlencode({"q": word}))
    # The pages' own routes (feeds, calendars) and filtered or paginated views.
    for _, url in pages:
        response = client.get(url)
        if "html" not in response.get("Content-Type", ""):
            continue
        for href in parse_page(response.content.decode()).links:
            target = local_path(url, href)
            # A link made of a payload (a text field used as an address) leads nowhere.
            if target is None or TRACE.search(href):
                continue
            path, query = target
            if (path in page_urls and query) or (
                path not in page_urls and path.startswith(url) and path != url
            ):
                add(path, query)
    return probes


def test_no_payload_runs_or_is_injected(demo_site, browser, live_server, capsys):
    import time

    from django.core.cache import cache
    from django.test import Client
    from wagtail.models import Page

    # Server errors are counted and shown, then fail the test: a run that answered
    # an error tested nothing.
    client = Client(raise_request_exception=False)
    started = time.monotonic()
    chromium = Browser(browser, live_server.url)
    try:
        # The detector itself: a page that shows the corpus unescaped must fail.
        raw = "".join(PAYLOADS.values())
        chromium.render("self-check", "/__self_check__", f"<!DOCTYPE html><body>{raw}</body>")
        caught = chromium.report.findings
        assert any("ran" in f for f in caught) and any("injected" in f for f in caught), caught
        assert any("dialog" in f for f in caught), caught

        # Visitors.
        visitors = chromium.report = Report()
        endpoints = visitor_endpoints(client)
        inputs = {(e.method, e.path, name) for e in endpoints for name in e.names}
        assert ("get", "/recherche/", "q") in inputs, "the site search was not found"
        reflecting, probes = visitor_probes(client, endpoints)
        check_probes(client, chromium, probes)
        # Runs that answered an error (a server error) tested nothing: say where.
        runs = Counter((p.method, p.url) for p in probes)
        untested = [
            f"{method.upper()} {url} {count - visitors.answered[(method, url)]}/{count}"
            for (method, url), count in sorted(runs.items())
            if visitors.answered[(method, url)] < count
        ]

        # Editors.
        titles = Page.objects.live().filter(depth__gt=2).values_list("title", flat=True)
        words = sorted({w for title in titles[:50] for w in re.findall(r"\w{5,}", title)[:1]})
        values = inject_editor_payloads()
        cache.clear()
        editors = chromium.report = Report()
        check_probes(client, chromium, editor_probes(client, words[:3]))
    finally:
        chromium.close()

    summary = [
        f"XSS corpus: {len(PAYLOADS)} payloads, {time.monotonic() - started:.0f} s.",
        f"Visitors: {len(inputs)} inputs on {len(endpoints)} endpoints, "
        f"{len(reflecting)} endpoints showing a parameter back; {visitors.tries} payload "
        f"tries in {visitors.requests} requests ({dict(visitors.statuses)} by status class), "
        f"{visitors.rendered} rendered in Chromium, {len(visitors.reached)} payloads "
        "reflected in some output.",
        "Visitor runs answered with an error, so not tested: "
        + (", ".join(untested) or "none")
        + ".",
        f"Editors: {len(values.fields)} fields, {sum(values.injected.values())} field values "
        f"injected; {editors.requests} requests ({dict(editors.statuses)} by status class: "
        f"{', '.join(editors.errors) or 'no error'}), {editors.rendered} rendered in Chromium, "
        f"{len(editors.reached)} payloads seen in some output.",
        f"Outputs carrying payloads, by type: visitors {dict(visitors.outputs)}, "
        f"editors {dict(editors.outputs)}.",
    ]
    with capsys.disabled():
        print("\n" + "\n".join(summary))
    findings = visitors.findings + editors.findings
    assert not findings, f"{len(findings)} XSS findings:\n" + "\n".join(findings[:60])
    # Neither a visitor's text nor an editor's may break a page: what answers an
    # error is not tested.
    # (A 4xx, such as the sign-in throttle's 429, is listed above, not failed.)
    assert not visitors.statuses[5], f"server errors with visitors' payloads: {summary}"
    assert not editors.statuses[5], f"server errors with the editors' payloads: {summary}"
    # Every payload reached a page, and Chromium rendered them: the test tested something.
    assert len(visitors.reached) == len(PAYLOADS) and visitors.rendered, summary
    assert len(editors.reached) == len(PAYLOADS) and editors.rendered > 20, summary
