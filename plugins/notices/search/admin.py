"""The selections of records in the Wagtail admin (registered from the plugin's wagtail_hooks)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import RecordSelection


class RecordSelectionViewSet(SnippetViewSet):
    model = RecordSelection
    icon = "image"
    menu_label = _("Selections of records")
    menu_name = "notices_selections"
    menu_order = 252
    add_to_admin_menu = True
    list_display = ["title", "query"]
    search_fields = ["title", "query"]
    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("query"), FieldPanel("with_image_only")],
            heading=_("Records found by a search"),
        ),
        InlinePanel(
            "items",
            heading=_("Or records picked by hand"),
            label=_("Record"),
            panels=[FieldPanel("record")],
        ),
    ]
