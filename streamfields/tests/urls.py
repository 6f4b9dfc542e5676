"""The site's URLs plus one page that renders a stream of every block, for browser tests.

``STREAM`` holds the raw stream to render (see :mod:`.sample`); the test that
uses this URLconf sets it. The page extends the site's base template, as
page types do. Uploaded files are served too, so that screenshots show them.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template import engines
from django.urls import path, re_path
from django.views.static import serve

from musenor.site.urls import urlpatterns as site_urlpatterns

from .sample import every_block_stream

STREAM = []

TEMPLATE = """{% extends "musenor_site/base.html" %}{% load wagtailcore_tags %}
{% block title %}Blocs{% endblock %}
{% block content %}<div class="wrap prose"><h1>Bibliothèque de blocs</h1>
{% include_block stream %}</div>{% endblock %}"""


def every_block(request):
    stream = every_block_stream().to_python([{"type": name, "value": raw} for name, raw in STREAM])
    template = engines["django"].from_string(TEMPLATE)
    return HttpResponse(template.render({"stream": stream}, request))


urlpatterns = [
    path("__blocks__/", every_block),
    # Uploaded images and media, which the live server does not serve otherwise.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
