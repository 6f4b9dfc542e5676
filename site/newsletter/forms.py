from django import forms
from django.utils.translation import gettext_lazy as _

# A field no person sees or fills, as on the contact form; robots give themselves away.
HONEYPOT_FIELD = "website_url"


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website_url = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


class TestSendForm(forms.Form):
    email = forms.EmailField(label=_("Test address"))
