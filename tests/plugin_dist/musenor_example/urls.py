"""Mounted by the core under the plugin's url_prefix, inside the language prefix."""

from django.urls import path

from . import views

app_name = "musenor_example"

urlpatterns = [
    path("", views.note_list, name="index"),
    path("<int:pk>/", views.note_detail, name="note"),
    path("tableau/", views.board, name="board"),
]
