"""Small views of the site's frame."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from musenor.plugins.pages import with_installed_types

# How deep the site map goes below the home page: sections, their pages, and theirs.
SITE_MAP_DEPTH = 3


def disallowed_paths():
    """What robots have no reason to crawl: the admin sites and the search results."""
    paths = [reverse("wagtailadmin_home"), reverse("admin:index")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    return list(dict.fromkeys(paths))


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The branded 404 page, in the visitor's language, with the site's menu and a search."""
    return render(request, "musenor_site/404.html", status=404)


def server_error(request):
    """The branded 500 page, rendered without the database.

    The error may be the database itself: the template is static, rendered with
    no context processor (no user, no Wagtail site, no menu), in the language of
    the address the visitor asked for.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        home = reverse("wagtail_serve", args=[""])
        html = loader.render_to_string(
            "musenor_site/500.html", {"LANGUAGE_CODE": language, "home_url": home}
        )
    return HttpResponseServerError(html)


@require_GET
def site_map(request):
    """The readable site map: the sections of the site and their pages, in the current language."""
    site = Site.find_for_request(request)
    root = site.root_page.localized if site else None
    tree = []
    if root is not None:
        pages = (
            with_installed_types(root.get_descendants())
            .live()
            .public()
            .filter(depth__lte=root.depth + SITE_MAP_DEPTH)
            .order_by("path")
            .only("id", "path", "depth", "title", "url_path", "locale_id", "content_type_id")
        )
        nodes = {root.path: {"page": root, "children": []}}
        for page in pages:
            node = {"page": page, "children": []}
            parent = nodes.get(page.path[: -Page.steplen])
            if parent is not None:  # under a private or unpublished page: left out
                parent["children"].append(node)
                nodes[page.path] = node
        tree = nodes[root.path]["children"]
    return render(request, "musenor_site/site_map.html", {"root": root, "tree": tree})


def favicon(request):
    """``/favicon.ico``, which some clients ask for whatever the page declares: the SVG icon.

    A temporary redirect: the icon's address changes with its content (hashed
    static files)."""
    from django.http import HttpResponseRedirect
    from django.templatetags.static import static

    return HttpResponseRedirect(static("musenor_site/favicon.svg"))
