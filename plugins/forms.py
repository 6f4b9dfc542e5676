from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Delivery


class NotificationPreferencesForm(forms.Form):
    """The member's e-mail language and, per notification type, how they receive it."""

    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)

    def __init__(self, *args, types, preferences, language, **kwargs):
        super().__init__(*args, initial={"language": language}, **kwargs)
        self.types = types
        for key, kind in types.items():
            self.fields[self.field_name(key)] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=Delivery.choices,
                initial=preferences[key],
                widget=forms.RadioSelect,
            )

    @staticmethod
    def field_name(key):
        return f"type__{key}"

    def type_fields(self):
        return [self[self.field_name(key)] for key in self.types]

    def chosen(self):
        """``{type key: delivery}`` from the cleaned data."""
        return {key: self.cleaned_data[self.field_name(key)] for key in self.types}
