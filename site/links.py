"""Absolute links from the host the visitor asked for, when no Wagtail Site names it.

Wagtail writes absolute links (canonical, hreflang, feeds, sitemaps, JSON-LD)
from the matched Site's hostname and port. A request whose host no Site names
is served by the default Site, whose record may still say ``localhost:80`` (the
demo's, or one an operator never edited): its absolute links then pointed at
``http://localhost/``. For such a request the default Site's root URL is the
request's own scheme and host (validated by ``ALLOWED_HOSTS``); a Site that
names the host keeps its own root URL.
"""

from django.http.request import split_domain_port
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def request_root_url(request):
    return f"{request.scheme}://{request.get_host()}"


def site_root_url(request):
    """The root URL of the site ``request`` is served from, as absolute links should use it."""
    site = Site.find_for_request(request)
    if site is None:
        return request_root_url(request)
    if split_domain_port(request.get_host())[0] == site.hostname:
        return site.root_url
    return request_root_url(request)


def request_site_root_paths(request):
    """``Site.get_site_root_paths()`` with the request's site rooted where the request came."""
    paths = Site.get_site_root_paths()
    site = Site.find_for_request(request)
    if site is None:
        return paths
    root_url = site_root_url(request)
    return [path._replace(root_url=root_url) if path.site_id == site.pk else path for path in paths]


class SiteHostMiddleware:
    """Give Wagtail the request's site root paths (computed only if a page URL is asked for).

    Wagtail reads them from ``request._wagtail_cached_site_root_paths`` when it
    builds a page's URL with the request (``Page._get_site_root_paths``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_cached_site_root_paths = SimpleLazyObject(
            lambda: request_site_root_paths(request)
        )
        return self.get_response(request)
