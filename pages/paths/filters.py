"""The paths' filters: a plain GET form, so they work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Audience, Level


class PathFilterForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("For"), required=False, choices=[("", _("Everyone")), *Audience.choices]
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels")), *Level.choices]
    )

    def has_filters(self):
        return any(self.cleaned_data.get(name) for name in self.fields)

    def filter(self, paths):
        data = self.cleaned_data
        if data.get("audience"):
            paths = paths.filter(**{Audience(data["audience"]).field_name: True})
        if data.get("level"):
            paths = paths.filter(level=data["level"])
        return paths

    def full_clean(self):
        super().full_clean()
        # Tie each error message to its field for screen readers.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"id_{name}-error"}
                )
