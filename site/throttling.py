"""Sign-in throttling: django-axes, set up once for every sign-in form of the portal.

Any view that signs people in through ``django.contrib.auth.authenticate(request,
username=..., password=...)`` (Django's ``AuthenticationForm``, Wagtail's login
form, the members' sign-in to come) is throttled without more code: django-axes'
authentication backend counts the failures in the cache and, past
``AXES_FAILURE_LIMIT``, refuses every attempt, the right password included,
for ``AXES_COOLOFF_TIME``. Failures are counted per account identifier and per
client address (``AXES_LOCKOUT_PARAMETERS``), whether the account exists or
not, and the lockout page is the same for both: it tells nobody which accounts
exist.

The three callables below are named in the settings (``AXES_*_CALLABLE``), the
backend in ``AUTHENTICATION_BACKENDS``.
"""

import hashlib

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

LOCKOUT_TEMPLATE = "musenor_site/signin_lockout.html"


class SigninThrottleBackend(AxesStandaloneBackend):
    """django-axes' backend, for sign-ins through a web request only.

    ``authenticate()`` without a request (``Client.login()`` in tests, a
    management command) is no visitor's sign-in: django-axes would raise, this
    backend lets the next backend decide.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def signin_identifier(request, credentials=None):
    """The account identifier a sign-in attempt names, as the throttle counts it.

    E-mail addresses are compared case-insensitively, so that ``Anne@x`` and
    ``anne@x`` share one counter.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    source = credentials if credentials else getattr(request, "POST", {})
    value = source.get(field)
    return (value or "").strip().lower()


def client_ip(request):
    """The client's address, behind ``MUSENOR_REVERSE_PROXY_COUNT`` reverse proxies.

    Each proxy appends the address it received the request from to
    ``X-Forwarded-For``; what the client itself sent there is never trusted.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.MUSENOR_REVERSE_PROXY_COUNT
    if count <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    forwarded = [part.strip() for part in header.split(",") if part.strip()]
    if len(forwarded) < count:
        return remote
    return forwarded[-count]


def lockout_minutes():
    cooloff = settings.AXES_COOLOFF_TIME
    return max(1, round(cooloff.total_seconds() / 60)) if cooloff else None


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets: 429, the same for every account."""
    context = {"minutes": lockout_minutes()}
    response = render(
        request, LOCKOUT_TEMPLATE, context, status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)
    )
    cooloff = settings.AXES_COOLOFF_TIME
    if cooloff:
        # Tells scripts and browsers when to try again (RFC 9110), as the page tells people.
        response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response


def _hit(key, window):
    """Count one more use under ``key`` in the shared cache; the count within ``window`` s."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return 1


def over_limit(request, scope, limit, window):
    """Count one more use of ``scope`` by the client; True past ``limit`` uses in ``window`` s.

    The public forms (contact, newsletter subscription) are throttled here, per
    client address, in the shared cache: no table, nothing kept past the window.
    """
    return _hit(f"musenor:rate:{scope}:{client_ip(request)}", window) > limit


FORM_THROTTLE_TEMPLATE = "musenor_site/form_throttled.html"


def throttle_form(request, scope, identifier=""):
    """Count a submission of the form ``scope``; the 429 page once over the limit, else ``None``.

    For the forms that send mail or reach staff (password reset, membership
    application, e-mail change), which django-axes does not cover: at most
    ``MUSENOR_FORM_THROTTLE_LIMIT`` submissions within
    ``MUSENOR_FORM_THROTTLE_MINUTES``, counted per client address and per
    ``identifier`` (the e-mail address the form names, whether an account has
    it or not, so that the answer tells nothing).
    """
    window = settings.MUSENOR_FORM_THROTTLE_MINUTES * 60
    limit = settings.MUSENOR_FORM_THROTTLE_LIMIT
    keys = [f"musenor:throttle:{scope}:ip:{client_ip(request)}"]
    identifier = (identifier or "").strip().lower()
    if identifier:
        digest = hashlib.sha256(identifier.encode()).hexdigest()
        keys.append(f"musenor:throttle:{scope}:id:{digest}")
    # Every key is counted, even once one is over: no short-circuit.
    counts = [_hit(key, window) for key in keys]
    if max(counts) <= limit:
        return None
    response = render(
        request,
        FORM_THROTTLE_TEMPLATE,
        {"minutes": settings.MUSENOR_FORM_THROTTLE_MINUTES},
        status=429,
    )
    response["Retry-After"] = str(window)
    return response
