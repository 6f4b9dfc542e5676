"""Choose Wagtail's search backend from a URL (read by the settings).

No URL: Wagtail's database backend, which uses FTS5 on SQLite and full-text
``tsvector`` columns on PostgreSQL, through ``musenor.search.database``
(which strips search syntax from whatever text its callers give). A URL
whose scheme names one of Wagtail's own backends selects it, with no code
change::

    elasticsearch9://search.example.org:9200      -> wagtail.search.backends.elasticsearch9
    elasticsearch8+https://user:pw@host:9243      -> elasticsearch8 over TLS
    opensearch3+https://host:9200                 -> wagtail.search.backends.opensearch3

This module must stay importable before Django is configured. It imports no
search client: Wagtail imports the backend (and its client) on first use. It
only checks that the client is installed, since the clients are extras of the
portal (``elasticsearch``, ``opensearch``), so that a missing one stops
start-up with what to install instead of failing at the first search.
"""

import importlib.util
from urllib.parse import urlsplit

BACKENDS = {
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}
# Wagtail's database backend, with only words in the texts it is given
# (musenor.search.database); not imported here, only named.
DATABASE_BACKEND = "musenor.search.database"
# The module each backend's client is imported as, and the portal's extra that installs it.
CLIENTS = {
    "elasticsearch8": ("elasticsearch", "elasticsearch"),
    "elasticsearch9": ("elasticsearch", "elasticsearch"),
    "opensearch2": ("opensearchpy", "opensearch"),
    "opensearch3": ("opensearchpy", "opensearch"),
}


class SearchURLError(ValueError):
    pass


def backend_settings(url=None, index="musenor", *, check_client=True):
    """Return a ``WAGTAILSEARCH_BACKENDS`` value for ``url`` (or the database backend)."""
    if not url:
        return {"default": {"BACKEND": DATABASE_BACKEND, "AUTO_UPDATE": True}}
    parts = urlsplit(url)
    kind, _, transport = parts.scheme.partition("+")
    if kind not in BACKENDS:
        raise SearchURLError(
            f"Unknown search backend {kind!r} in SEARCH_URL; use one of "
            f"{', '.join(sorted(BACKENDS))} (or leave SEARCH_URL empty for the database)."
        )
    if transport not in ("", "http", "https"):
        raise SearchURLError(f"SEARCH_URL transport must be http or https, not {transport!r}.")
    if not parts.hostname:
        raise SearchURLError("SEARCH_URL has no host name.")
    module, extra = CLIENTS[kind]
    if check_client and importlib.util.find_spec(module) is None:
        raise SearchURLError(
            f"SEARCH_URL selects {kind}, whose client ({module}) is not installed: "
            f"pip install 'musenor-portal[{extra}]'."
        )
    scheme = transport or "http"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@" if userinfo else ""
    netloc += f"{parts.hostname}:{parts.port or 9200}"
    return {
        "default": {
            "BACKEND": BACKENDS[kind],
            # Wagtail's backend reads the credentials and TLS from the URL itself.
            "URLS": [f"{scheme}://{netloc}"],
            "INDEX": index,
            "TIMEOUT": 10,
            "AUTO_UPDATE": True,
        }
    }
