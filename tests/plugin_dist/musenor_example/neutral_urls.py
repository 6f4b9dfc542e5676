"""URLs that exist once for every language, under the plugin's url_prefix (``/exemple/``)."""

from django.urls import path

from . import views

urlpatterns = [
    path("notes.json", views.notes_feed, name="notes"),
]
