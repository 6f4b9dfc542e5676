"""The members' space on the public site: signing in, becoming a member, the space itself.

The account views are Django's (``django.contrib.auth.views``) with the
portal's forms and templates. Every page of the space requires a signed-in,
active account: an anonymous visitor is sent to the sign-in page, then back.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import Group
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView

from musenor.plugins import members as member_hooks
from musenor.plugins.mail import send_mail_to
from musenor.site.accounts.models import User, WorkingGroup
from musenor.site.throttling import throttle_form

from . import membership
from .forms import (
    ApplicationForm,
    EmailChangeForm,
    PasswordResetForm,
    ProfileForm,
    SetPasswordForm,
    SignInForm,
)
from .models import Invitation, MemberProfile, MembershipApplication

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
EMAIL_CHANGE_SALT = "musenor.members.email-change"


class MembersSpaceMixin(LoginRequiredMixin):
    """A page of the members' space: signed-in members only, with the members' navigation."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "member_menu": member_hooks.member_menu(self.request),
        }


# --- Signing in and out, passwords -------------------------------------------


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "musenor_members/signin.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "musenor_members/password_reset.html"
    success_url = reverse_lazy("musenor_members:password_reset_done")

    def post(self, request, *args, **kwargs):
        throttled = throttle_form(request, "password_reset", request.POST.get("email", ""))
        return throttled or super().post(request, *args, **kwargs)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "musenor_members/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "musenor_members/password_reset_confirm.html"
    post_reset_login = True
    post_reset_login_backend = MODEL_BACKEND
    success_url = reverse_lazy("musenor_members:dashboard")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your new password is saved; you are signed in."))
        return response


class PasswordChangeView(MembersSpaceMixin, auth_views.PasswordChangeView):
    template_name = "musenor_members/password_change.html"
    success_url = reverse_lazy("musenor_members:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your new password is saved."))
        return response


# --- Becoming a member ---------------------------------------------------------


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class AcceptInvitationView(FormView):
    """The invitation's one-time link: choose a password, and the account exists, signed in."""

    form_class = SetPasswordForm
    template_name = "musenor_members/accept_invitation.html"

    def dispatch(self, request, *args, **kwargs):
        self.invitation = Invitation.objects.by_token(kwargs["token"])
        if self.invitation is None or membership.account_exists(self.invitation.email):
            return TemplateResponse(request, "musenor_members/invitation_invalid.html", status=410)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        invitation = self.invitation
        user = User(
            email=invitation.email,
            first_name=invitation.first_name,
            last_name=invitation.last_name,
        )
        return {**super().get_form_kwargs(), "user": user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "invitation": self.invitation}

    def form_valid(self, form):
        user = membership.accept_invitation(self.invitation, form.save(commit=False))
        login(self.request, user, backend=MODEL_BACKEND)
        messages.success(self.request, _("Welcome to the members' space!"))
        return redirect("musenor_members:dashboard")


class ApplyView(FormView):
    """A professional applies; the answer is the same whoever they are."""

    form_class = ApplicationForm
    template_name = "musenor_members/apply.html"
    success_url = reverse_lazy("musenor_members:apply_done")

    def post(self, request, *args, **kwargs):
        throttled = throttle_form(request, "application", request.POST.get("email", ""))
        return throttled or super().post(request, *args, **kwargs)

    def form_valid(self, form):
        application = form.save(commit=False)
        application.language = self.request.LANGUAGE_CODE
        pending = MembershipApplication.objects.filter(
            email__iexact=application.email, status=MembershipApplication.PENDING
        )
        # Someone with an account, or an application already waiting: nothing new
        # for staff; the mail, not the page, tells the address's owner.
        if membership.account_exists(application.email):
            membership.application_received(application)
        elif not pending.exists():
            application.save()
            membership.application_received(application)
        return super().form_valid(form)


class ApplyDoneView(TemplateView):
    template_name = "musenor_members/apply_done.html"


# --- The members' space ------------------------------------------------------------


class DashboardView(MembersSpaceMixin, TemplateView):
    template_name = "musenor_members/dashboard.html"

    def get_context_data(self, **kwargs):
        MemberProfile.for_user(self.request.user)
        return {
            **super().get_context_data(**kwargs),
            "panels": member_hooks.dashboard_panels(self.request),
        }


class ProfileView(MembersSpaceMixin, FormView):
    form_class = ProfileForm
    template_name = "musenor_members/profile.html"
    success_url = reverse_lazy("musenor_members:profile")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": MemberProfile.for_user(self.request.user)}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Your profile is saved."))
        return super().form_valid(form)


class EmailChangeView(MembersSpaceMixin, FormView):
    """A new address: a confirmation link goes there; the account changes when it is opened."""

    template_name = "musenor_members/email_change.html"
    success_url = reverse_lazy("musenor_members:profile")

    def get_form(self, form_class=None):
        return EmailChangeForm(self.request.user, **self.get_form_kwargs())

    def post(self, request, *args, **kwargs):
        throttled = throttle_form(request, "email_change", request.user.email)
        return throttled or super().post(request, *args, **kwargs)

    def form_valid(self, form):
        user = self.request.user
        email = form.cleaned_data["email"]
        recipient = User(email=email, language=user.language, first_name=user.first_name)
        if membership.account_exists(email):
            # The page does not say that an account uses that address; its owner learns it.
            send_mail_to(
                recipient,
                gettext_lazy("This address already has a Musenor account"),
                "musenor_members/mail/email_change_taken",
                {"signin_url": membership.mail_url(recipient, "musenor_members:signin")},
            )
        else:
            token = signing.dumps(
                {"u": user.pk, "e": email, "o": user.email}, salt=EMAIL_CHANGE_SALT
            )
            send_mail_to(
                recipient,
                gettext_lazy("Confirm your new e-mail address"),
                "musenor_members/mail/email_change",
                {
                    "confirm_url": membership.mail_url(
                        recipient, "musenor_members:email_confirm", token=token
                    )
                },
            )
        messages.success(
            self.request,
            _("A confirmation link was sent to %(email)s. Your address changes when you open it.")
            % {"email": email},
        )
        return super().form_valid(form)


class EmailConfirmView(TemplateView):
    """The link of the confirmation mail: GET asks, POST changes the address (once)."""

    template_name = "musenor_members/email_confirm.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            data = signing.loads(
                kwargs["token"], salt=EMAIL_CHANGE_SALT, max_age=settings.PASSWORD_RESET_TIMEOUT
            )
            self.user = User.objects.get(pk=data["u"], email=data["o"], is_active=True)
            self.email = data["e"]
        except (signing.BadSignature, KeyError, TypeError, User.DoesNotExist):
            return TemplateResponse(
                request, "musenor_members/email_confirm_invalid.html", status=410
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "email": self.email}

    def post(self, request, *args, **kwargs):
        if membership.account_exists(self.email):
            return TemplateResponse(
                request, "musenor_members/email_confirm_invalid.html", status=410
            )
        old = User(email=self.user.email, language=self.user.language)
        self.user.email = self.email
        self.user.save(update_fields=["email"])
        send_mail_to(
            old,
            gettext_lazy("Your Musenor e-mail address was changed"),
            "musenor_members/mail/email_changed",
            {"email": self.email},
        )
        messages.success(
            request, _("Your e-mail address is now %(email)s.") % {"email": self.email}
        )
        if request.user.is_authenticated and request.user.pk == self.user.pk:
            return redirect("musenor_members:profile")
        return redirect("musenor_members:signin")


class DirectoryView(MembersSpaceMixin, TemplateView):
    """The members who chose to be listed, showing only what each lets others see."""

    template_name = "musenor_members/directory.html"
    paginate_by = 30

    def get_context_data(self, **kwargs):
        query = self.request.GET.get("q", "").strip()
        group = WorkingGroup.objects.filter(slug=self.request.GET.get("groupe", "")).first()
        profiles = (
            MemberProfile.objects.filter(listed=True, user__is_active=True)
            .select_related("user", "museum")
            .prefetch_related(
                Prefetch(
                    "user__groups",
                    queryset=Group.objects.filter(working_group__isnull=False)
                    .select_related("working_group")
                    .order_by("working_group__name"),
                    to_attr="working_group_memberships",
                )
            )
            .order_by("user__last_name", "user__first_name")
        )
        if query:
            profiles = profiles.filter(
                Q(user__first_name__icontains=query)
                | Q(user__last_name__icontains=query)
                | Q(show_museum=True, museum__title__icontains=query)
                | Q(show_job_title=True, job_title__icontains=query)
            )
        if group:
            profiles = profiles.filter(show_working_groups=True, user__groups=group.group)
        page = Paginator(profiles, self.paginate_by).get_page(self.request.GET.get("page"))
        return {
            **super().get_context_data(**kwargs),
            "page_obj": page,
            "profiles": page.object_list,
            "query": query,
            "working_groups": WorkingGroup.objects.all(),
            "group": group,
        }
