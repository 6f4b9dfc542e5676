from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .models import ExampleNote


class LatestNotesBlock(blocks.StaticBlock):
    """The latest notes, placed in core pages through the "plugin content" block.

    The core block renders it with the editor's ``heading`` and ``limit`` in
    the context.
    """

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["notes"] = ExampleNote.objects.all()[: context.get("limit") or 6]
        return context

    class Meta:
        label = _("Latest example notes")
        admin_text = _("Shows the latest example notes.")
        template = "musenor_example/blocks/latest_notes.html"
