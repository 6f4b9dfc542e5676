"""Anonymous pages cached whole, and purged when what they show changes.

A visitor without a session gets a Wagtail page's response (body and headers)
from Django's cache (Redis in production, ``CACHE_URL``), keyed by:

- the generation of ``musenor.plugins.cache``, which any change of content
  replaces (so every cached page is retired at once: a published exhibition
  changes the home page, the directory and its museum's page);
- the day (the home page shows what is on today);
- the language, the scheme, the host and the path (``/en/`` and ``/nl/`` are
  other paths; the language is in the key all the same).

What is never stored or served from the cache:

- a request that is not GET or HEAD, or carries a cookie other than the CSRF
  and language cookies (a session: a member, an editor, a password given for
  a private page; pending messages), or a query string other than ``?page=N``
  (search, filters, the quiz's answers);
- a response that is not a page's (only pages served by Wagtail, and not a
  preview), from a page whose ``is_cacheable(request)`` says no (the contact
  form, the quiz), that is not a 200, sets a cookie (a form's CSRF token, a new
  session), carries ``Cache-Control: private``/``no-cache``/``no-store`` (Wagtail's
  private pages), varies on another header than ``Cookie``, ``Accept-Language``
  or ``Accept-Encoding``, or used the request's CSP nonce (its body and the
  header must stay together).

A stored page gets ``Cache-Control: public, max-age=0,
s-maxage=PAGE_CACHE_CDN_SECONDS``: a CDN may keep it too (Wagtail's front-end
cache purges a published page's URL there), browsers ask again; any other HTML
response without a ``Cache-Control`` of its own gets ``private, no-cache``.
``X-Cache`` says ``hit`` or ``miss`` on a page the cache may keep.
``PAGE_CACHE_SECONDS=0`` switches the cache off (the test settings do).
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_max_age, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from musenor.plugins.cache import page_cache_generation, purge_page_cache

PAGE_KEY_PREFIX = "musenor:page"
# Pagination is the one query string a page may be cached with.
CACHEABLE_QUERY = re.compile(r"^(page=\d{1,6})?$")
# Vary headers the key accounts for: the key is only for requests without a
# session, in the language of the path, and the body is stored uncompressed.
KEYED_VARY = {"cookie", "accept-language", "accept-encoding"}
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")


def page_cache_seconds():
    return getattr(settings, "MUSENOR_PAGE_CACHE_SECONDS", 0)


def ignored_cookies():
    """Cookies that change nothing in a page's anonymous rendering."""
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def page_cache_key(request):
    """The cache key of ``request``'s page, or None when the request may not use the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    if set(request.COOKIES) - ignored_cookies():
        return None
    query = request.META.get("QUERY_STRING", "")
    if not CACHEABLE_QUERY.match(query):
        return None
    if request.path_info.startswith(tuple(settings.MUSENOR_ADMIN_URL_PREFIXES)):
        return None
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.sha256(url.encode()).hexdigest()
    day = timezone.localdate().isoformat()
    return f"{PAGE_KEY_PREFIX}:{page_cache_generation()}:{day}:{get_language()}:{digest}"


def is_storable(request, response):
    """Whether ``response`` to ``request`` is the same for every anonymous visitor."""
    if not getattr(request, "musenor_cacheable_page", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    if get_max_age(response) == 0:
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - KEYED_VARY:
        return False
    if getattr(request, "_csp_nonce", None) is not None:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def frozen(response):
    """What the cache keeps of a response: its body and headers."""
    return (response.content, list(response.headers.items()))


def thawed(entry):
    content, headers = entry
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def mark_public(response):
    # Browsers ask again each time, so that a visitor sees a publication at
    # once (a hit is cheap); a CDN keeps the page PAGE_CACHE_CDN_SECONDS.
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=settings.MUSENOR_PAGE_CACHE_CDN_SECONDS
    )
    # Served to visitors without a session only: a signed-in member gets
    # another page (a shared cache must tell them apart).
    patch_vary_headers(response, ("Cookie",))


class PageCacheMiddleware:
    """Serve anonymous Wagtail pages from the cache, and keep those that may be.

    Placed after ``LocaleMiddleware`` (the key needs the path's language), so
    that a hit skips everything after it: CSRF, authentication, messages, the
    page's routing and rendering. The stored headers are those the middleware
    after it set; those before it (CSP, security, compression) run on hits too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache_seconds()
        key = page_cache_key(request) if seconds > 0 else None
        if key is not None:
            entry = cache.get(key)
            if entry is not None:
                response = thawed(entry)
                response["X-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if key is not None and is_storable(request, response):
            mark_public(response)
            if request.method == "GET":
                cache.set(key, frozen(response), seconds)
            response["X-Cache"] = "miss"
        elif "Cache-Control" not in response and response.get("Content-Type", "").startswith(
            "text/html"
        ):
            patch_cache_control(response, private=True, no_cache=True)
        return response


def mark_cacheable_page(page, request, serve_args, serve_kwargs):
    """Wagtail's ``before_serve_page`` hook: may this page's response be cached?"""
    is_cacheable = getattr(page, "is_cacheable", None)
    request.musenor_cacheable_page = not getattr(request, "is_preview", False) and (
        is_cacheable is None or bool(is_cacheable(request))
    )


# --- Purging ------------------------------------------------------------------------


def purge_on_page_change(**kwargs):
    purge_page_cache()


page_published.connect(purge_on_page_change, dispatch_uid="musenor_page_cache_published")
page_unpublished.connect(purge_on_page_change, dispatch_uid="musenor_page_cache_unpublished")
post_page_move.connect(purge_on_page_change, dispatch_uid="musenor_page_cache_moved")


def shows_on_pages(model):
    """Whether saving or deleting an object of ``model`` may change a public page.

    Snippets, site settings, sites, view restrictions, images, documents and
    media; a snippet that no page shows (newsletter subscribers) says so with
    ``purges_page_cache = False``.
    """
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.snippets.models import get_snippet_models

    if not getattr(model, "purges_page_cache", True):
        return False
    shown = (Site, PageViewRestriction, BaseSiteSetting, BaseGenericSetting)
    shown += (AbstractImage, AbstractDocument)
    return issubclass(model, shown) or model in get_snippet_models() or _is_media(model)


def _is_media(model):
    from django.apps import apps

    if not apps.is_installed("wagtailmedia"):
        return False
    from wagtailmedia.models import AbstractMedia

    return issubclass(model, AbstractMedia)


@receiver(post_save, dispatch_uid="musenor_page_cache_saved")
def purge_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        # A live page saved whole (from code: publishing also says so by
        # page_published). A draft, a lock or a revision saves a few fields.
        if instance.live and update_fields is None:
            purge_page_cache()
    elif shows_on_pages(sender):
        purge_page_cache()


@receiver(post_delete, dispatch_uid="musenor_page_cache_deleted")
def purge_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or shows_on_pages(sender):
        purge_page_cache()
