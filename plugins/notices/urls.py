"""Mounted by the core under the plugin's url_prefix (/notices/), in every language."""

from django.urls import path

from . import views
from .search.views import collection_search

app_name = "musenor_notices"

urlpatterns = [
    # The collection search (plugins/notices/search/).
    path("", collection_search, name="search"),
    # A record's stable, readable address: its museum's slug and its inventory number.
    path("<slug:museum_slug>/<slug:record_slug>/", views.record_detail, name="record"),
]
