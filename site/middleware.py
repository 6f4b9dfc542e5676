"""Middleware of the site's request handling."""

import codecs

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpResponseBadRequest, UnreadablePostError
from django.utils.translation import gettext as _

URLENCODED = "application/x-www-form-urlencoded"
FORM_CONTENT_TYPES = (URLENCODED, "multipart/form-data")


class FormBodyMiddleware:
    """Answer 400 to a form POST whose body Django cannot read, before anything reads it.

    Django raises ``BadRequest`` for a urlencoded body in another charset
    than UTF-8, and ``SuspiciousOperation`` for one too big or with too many
    fields, every time ``request.POST`` is read. The CSRF check reads it, then
    the 400 and 500 error views read it again (through ``requires_csrf_token``)
    and fail the same way: the visitor got a 500. Here a form's charset must
    be UTF-8 (or absent), and a urlencoded body is read once, in a known
    state; a bad one ends the request with a plain 400.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        charset = request.content_params.get("charset")
        if charset is not None:
            try:
                known = codecs.lookup(charset).name == "utf-8"
            except LookupError:
                known = False
            if not known:
                return self.refuse(request)
            # Any spelling of UTF-8 ("utf8", "UTF_8") is UTF-8; Django accepts one.
            request.encoding = "utf-8"
        if request.content_type != URLENCODED:
            # A multipart body is a stream read once: Django answers a second
            # read with an empty form, and a view may still choose its upload
            # handlers, so it is not parsed here.
            return None
        try:
            request.POST  # noqa: B018 - parsed here, where a failure is ours to answer
        except (BadRequest, SuspiciousOperation, UnreadablePostError):
            return self.refuse(request)
        return None

    def refuse(self, request):
        # Never read the body again: whatever runs after this sees an empty form.
        request._mark_post_parse_error()
        return HttpResponseBadRequest(
            _("Bad request: form data must be sent in UTF-8, within the size limits."),
            content_type="text/plain; charset=utf-8",
        )
