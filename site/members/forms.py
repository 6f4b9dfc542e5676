"""The members' forms: Django's auth forms in the portal's terms, the profile, applications."""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from musenor.plugins.mail import absolute_url, send_mail_to, user_language
from musenor.site.accounts.models import WorkingGroup

from .models import MemberProfile, MembershipApplication


def museum_choices():
    """The directory's live museums, in the site's first language, by name."""
    from wagtail.models import Locale

    from musenor.pages.museums.models import MuseumPage

    return MuseumPage.objects.live().filter(locale=Locale.get_default()).order_by("title")


class SignInForm(auth_forms.AuthenticationForm):
    """Django's sign-in form, asking for the e-mail address (the account's login).

    Its error is the same whether the address has an account or not, and
    django-axes (``musenor.site.throttling``) counts its failures.
    """

    username = auth_forms.UsernameField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        **auth_forms.AuthenticationForm.error_messages,
        "invalid_login": _("This e-mail address and password do not match an active account."),
    }


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, its mail sent by the portal's mail helper in the member's language.

    An address without an account gets no mail and the same answer.
    """

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        user = context["user"]
        with translation.override(user_language(user)):
            path = reverse(
                "musenor_members:password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
        send_mail_to(
            user,
            _("Choose a new password"),
            "musenor_members/mail/password_reset",
            {"reset_url": absolute_url(path)},
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    """Choosing a password (after a reset, or on accepting an invitation)."""


class EmailChangeForm(forms.Form):
    """A new e-mail address, confirmed by the current password; the change waits for a link."""

    email = forms.EmailField(
        label=_("New e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.user.email:
            raise forms.ValidationError(_("This is already your e-mail address."))
        return email

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your current password."))
        return password


class ProfileForm(forms.ModelForm):
    """A member's own profile: name, museum, job, photo, working groups, what others see."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    working_groups = forms.ModelMultipleChoiceField(
        label=_("Working groups"),
        queryset=WorkingGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Join the groups whose exchanges you want to take part in."),
    )

    class Meta:
        model = MemberProfile
        fields = [
            "museum",
            "job_title",
            "photo",
            "listed",
            "show_email",
            "show_museum",
            "show_job_title",
            "show_photo",
            "show_working_groups",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        self.fields["museum"].queryset = museum_choices()
        self.fields["museum"].empty_label = _("(no museum)")
        self.initial.setdefault("first_name", user.first_name)
        self.initial.setdefault("last_name", user.last_name)
        self.initial.setdefault("working_groups", list(WorkingGroup.objects.for_user(user)))

    def visibility_fields(self):
        return [self[name] for name in self.Meta.fields if name == "listed" or name[:5] == "show_"]

    def save(self, commit=True):
        profile = super().save(commit)
        user = profile.user
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        chosen = set(self.cleaned_data["working_groups"])
        for group in WorkingGroup.objects.all():
            if group in chosen:
                group.add_member(user)
            else:
                group.remove_member(user)
        return profile


class ApplicationForm(forms.ModelForm):
    """A professional's application to become a member."""

    class Meta:
        model = MembershipApplication
        fields = ["first_name", "last_name", "email", "museum", "job_title", "message"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        help_texts = {
            "museum": _("The museum of the directory you work for, if any."),
            "message": _("What you do, and what you expect from the network (optional)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["museum"].queryset = museum_choices()
        self.fields["museum"].empty_label = _("(not a museum of the directory)")
