from django.apps import apps
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from wagtail.search.backends import get_search_backend

from .models import ExampleNote


def _setting(key):
    return apps.get_app_config("musenor_example").get_setting(key)


def note_list(request):
    """Every note, or those matching ``?q=`` (where the site search's "all results" leads)."""
    query = request.GET.get("q", "").strip()[:200]
    notes = ExampleNote.objects.all()
    if query:
        notes = get_search_backend().search(query, notes)
    return TemplateResponse(
        request,
        "musenor_example/note_list.html",
        {"notes": notes[: _setting("NOTES_PER_PAGE")], "query": query},
    )


def note_detail(request, pk):
    note = get_object_or_404(ExampleNote, pk=pk)
    return TemplateResponse(request, "musenor_example/note_detail.html", {"note": note})


def board(request):
    # An unprefixed template of the wrapped library, overridden by the plugin.
    return TemplateResponse(request, "library_board.html", {})


def notes_feed(request):
    """The latest notes as JSON: one address for every language, canonical note URLs."""
    with translation.override(settings.LANGUAGE_CODE):
        notes = [
            {"title": note.title, "url": note.get_absolute_url()}
            for note in ExampleNote.objects.all()[: _setting("FEED_LENGTH")]
        ]
    return JsonResponse({"notes": notes})
