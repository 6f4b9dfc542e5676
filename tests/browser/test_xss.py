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

The inputs and the checks are in ``support/xss_probes.py``, the editors' content
in ``support/xss_editor.py`` (``support`` is on pytest's ``pythonpath``).
"""

import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode

import pytest
from xss_editor import inject_editor_payloads
from xss_probes import (
    EXTRA_PARAMETERS,
    MAX_REQUESTS,
    PAGES_PER_TYPE,
    PAYLOADS,
    RUNS_PER_ENDPOINT,
    TRACE,
    Browser,
    Endpoint,
    Probe,
    Report,
    check_probes,
    local_path,
    one_page_per_type,
    parameter_free_routes,
    parse_page,
    payload_runs,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
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
