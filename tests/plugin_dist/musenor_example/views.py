from django.apps import apps
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .models import ExampleNote


def note_list(request):
    per_page = apps.get_app_config("musenor_example").get_setting("NOTES_PER_PAGE")
    return TemplateResponse(
        request,
        "musenor_example/note_list.html",
        {"notes": ExampleNote.objects.all()[:per_page]},
    )


def note_detail(request, pk):
    note = get_object_or_404(ExampleNote, pk=pk)
    return TemplateResponse(request, "musenor_example/note_detail.html", {"note": note})
