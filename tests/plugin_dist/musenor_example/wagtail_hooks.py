"""The Wagtail admin side, through Wagtail's own hooks: the notes are snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ExampleNote


class ExampleNoteViewSet(SnippetViewSet):
    model = ExampleNote
    icon = "doc-full"
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["title", "created_at"]
    search_fields = ["title", "body"]


register_snippet(ExampleNoteViewSet)
