"""The portal's Content-Security-Policy: django-csp, with a looser policy for the admin.

Every response gets the ``Content-Security-Policy`` header of
``settings.CONTENT_SECURITY_POLICY`` (no inline script, no inline style, see
``docs/security.md``), completed with the origins that only the settings know:

- the map tiles' server (``MUSENOR_MAP_TILES_URL``), allowed in ``img-src``;
- where uploaded files are served from when that is another origin (an absolute
  ``MEDIA_URL``, an object-storage bucket or its CDN), allowed in ``img-src``
  and ``media-src``.

Wagtail's admin and Django's need inline scripts and styles: responses under
``settings.MUSENOR_ADMIN_URL_PREFIXES`` get
``settings.MUSENOR_ADMIN_CONTENT_SECURITY_POLICY`` instead (plus the same
origins, for previews and image choosers).

A view that needs more uses django-csp's decorators (``csp_update``,
``csp_replace``, ``csp_exempt``); a response that already carries the header
(an uploaded file served with its own policy) keeps it.
"""

import re
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.core.files.storage import storages

TEMPLATE_PART = re.compile(r"\{[^}]*\}")


def source_of(url):
    """The CSP source expression of ``url``'s origin, or None for a relative URL.

    A tile URL template's placeholders in the host (``{s}.tile.example.org``)
    become a wildcard on the leftmost labels, the only place CSP allows one.
    """
    if not url:
        return None
    if url.startswith("data:"):
        return "data:"
    parts = urlsplit(url)
    if not parts.netloc:
        return None
    host = parts.netloc.rpartition("@")[2]
    if "{" in host:
        labels = host.split(".")
        last_templated = max(i for i, label in enumerate(labels) if "{" in label)
        host = ".".join(["*", *labels[last_templated + 1 :]])
        host = TEMPLATE_PART.sub("*", host)
    # A protocol-relative URL (//cdn.example.org/) follows the page's scheme,
    # as a source without one does.
    return f"{parts.scheme}://{host}" if parts.scheme else host


def media_source():
    """The origin uploaded files are served from, when it is not the site's own."""
    try:
        url = storages["default"].url("csp")
    except Exception:  # a storage that cannot build URLs adds no origin
        return None
    return source_of(url)


def settings_sources():
    """The origins the settings add to the policy, by directive."""
    sources = {}
    tiles = source_of(getattr(settings, "MUSENOR_MAP_TILES_URL", ""))
    media = media_source()
    for directive, origin in (("img-src", tiles), ("img-src", media), ("media-src", media)):
        if origin and origin not in sources.get(directive, []):
            sources.setdefault(directive, []).append(origin)
    return sources


def is_admin_path(path):
    return path.startswith(tuple(settings.MUSENOR_ADMIN_URL_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the settings' origins and the admin's own policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(
                settings.MUSENOR_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        update = {key: list(value) for key, value in settings_sources().items()}
        for directive, value in (parts.update or {}).items():
            values = [value] if isinstance(value, str) else list(value)
            update[directive] = update.get(directive, []) + values
        parts.update = update
        return parts
