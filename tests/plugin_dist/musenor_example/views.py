from django.apps import apps
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.search.backends import get_search_backend

from .models import ExampleNote


def note_list(request):
    """Every note, or those matching ``?q=`` (where the site search's "all results" leads)."""
    per_page = apps.get_app_config("musenor_example").get_setting("NOTES_PER_PAGE")
    query = request.GET.get("q", "").strip()[:200]
    notes = ExampleNote.objects.all()
    if query:
        notes = get_search_backend().search(query, notes)
    return TemplateResponse(
        request,
        "musenor_example/note_list.html",
        {"notes": notes[:per_page], "query": query},
    )


def note_detail(request, pk):
    note = get_object_or_404(ExampleNote, pk=pk)
    return TemplateResponse(request, "musenor_example/note_detail.html", {"note": note})
