"""Wagtail's document URLs, with the serve view that protects users' files.

Mounted by the site at ``documents/`` instead of ``wagtail.documents.urls``;
the URL names are Wagtail's, so document links are unchanged.
"""

from django.urls import path, re_path
from wagtail.documents.views import serve

from .serving import serve_document

urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
