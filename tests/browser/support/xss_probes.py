"""The XSS corpus test's inputs and outputs (``tests/browser/test_xss.py``): the payloads,
the inputs a visitor can reach, and the checks of what comes back."""

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

CORPUS = json.loads((Path(__file__).parent.parent / "xss_corpus.json").read_text(encoding="utf-8"))
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
