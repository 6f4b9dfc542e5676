"""Serving users' files from the site's own origin without letting a browser run them.

Every response carrying an uploaded file gets:

- ``X-Content-Type-Options: nosniff``: the browser keeps the Content-Type it is given;
- ``Content-Security-Policy: default-src 'none'; sandbox``: should the file be
  shown as a document anyway, it loads nothing, runs no script and has no
  origin (PDFs get ``default-src 'none'`` only: Chromium refuses to open its
  PDF viewer in a sandboxed document);
- ``Content-Disposition: attachment`` unless the type is one a browser shows
  as a file, never as a page (raster images, audio, video, PDF);
- a neutral Content-Type (``application/octet-stream``) for anything a
  browser would render as a page (HTML, SVG, XML...), which an old upload
  may still be.
"""

import functools
import re

from django.views import static
from wagtail.documents.views import serve as wagtail_serve

from .kinds import BROWSER_RENDERED_MIME_TYPES

USER_FILE_CSP = "default-src 'none'; sandbox"
PDF_CSP = "default-src 'none'"
INLINE_PREFIXES = ("audio/", "video/")
INLINE_TYPES = frozenset(
    {"application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}
)


def _mime(response):
    return response.get("Content-Type", "").split(";")[0].strip().lower()


def protect_response(response):
    """Add the headers above to ``response`` (a response carrying a user's file)."""
    if response.status_code >= 300 and response.status_code != 304:
        return response
    mime = _mime(response)
    if mime in BROWSER_RENDERED_MIME_TYPES or (mime.startswith("text/") and "html" in mime):
        response["Content-Type"] = "application/octet-stream"
        mime = "application/octet-stream"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = PDF_CSP if mime == "application/pdf" else USER_FILE_CSP
    inline = mime in INLINE_TYPES or mime.startswith(INLINE_PREFIXES)
    disposition = response.get("Content-Disposition", "")
    if not inline:
        if not disposition:
            response["Content-Disposition"] = "attachment"
        elif not disposition.lower().startswith("attachment"):
            response["Content-Disposition"] = re.sub(
                r"^\s*[^;]*", "attachment", disposition, count=1
            )
    return response


def protect_user_files(view):
    """Decorate a view that serves users' files with :func:`protect_response`."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        return protect_response(view(*args, **kwargs))

    return wrapper


serve_document = protect_user_files(wagtail_serve.serve)
serve_media = protect_user_files(static.serve)
