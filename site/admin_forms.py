"""Forms of the Wagtail admin that the portal adjusts."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form, with its password field labelled in the admin's language.

    Wagtail redeclares the field without a label, so Django shows the field's
    name, "Password", untranslated (Django's catalogue has "Mot de passe").
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
