"""The working groups in the Wagtail admin (staff edit them with their members)."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import WorkingGroup


class WorkingGroupForm(WagtailAdminModelForm):
    """A working group and its members (the users of its permission group)."""

    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=get_user_model().objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("members", list(self.instance.members))

    def _save_m2m(self):
        super()._save_m2m()
        group = self.instance.group
        inactive = group.user_set.filter(is_active=False)
        group.user_set.set([*self.cleaned_data["members"], *inactive])


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = _("Working groups")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "slug"]
    edit_handler = ObjectList(
        [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("members")],
        base_form_class=WorkingGroupForm,
    )


register_snippet(WorkingGroupViewSet)
