"""The Wagtail admin's form to invite someone."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .forms import museum_choices


class InvitationAdminForm(WagtailAdminModelForm):
    """An existing account cannot be invited; the museum is one of the directory's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["museum"].queryset = museum_choices()
        self.fields["working_groups"].widget = forms.CheckboxSelectMultiple(
            choices=self.fields["working_groups"].choices
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account already uses this e-mail address."))
        others = (
            type(self.instance).objects.pending().filter(email=email).exclude(pk=self.instance.pk)
        )
        if others.exists():
            raise forms.ValidationError(_("A pending invitation already goes to this address."))
        return email
