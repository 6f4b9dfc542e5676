"""Staff's side of membership in the Wagtail admin: invitations, and applications to decide on."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView, InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import membership
from .admin_forms import InvitationAdminForm
from .models import Invitation, MembershipApplication


class InvitationCreateView(CreateView):
    def save_instance(self):
        invitation = self.form.save(commit=False)
        membership.invite(invitation, invited_by=self.request.user)
        self.form.save_m2m()
        return invitation

    def get_success_message(self, instance):
        return _("The invitation was sent to %(email)s.") % {"email": instance.email}


class InvitationInspectView(InspectView):
    """An invitation, with a button to send it again (a new link, a new expiry)."""

    def post(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        invitation = self.object
        if invitation.accepted_at is None:
            membership.resend(invitation)
            messages.success(
                request,
                _("The invitation was sent again to %(email)s.") % {"email": invitation.email},
            )
        return redirect(self.index_url_name)


class InvitationViewSet(ModelViewSet):
    model = Invitation
    url_namespace = "musenor_members_invitation"
    url_prefix = "membres/invitations"
    icon = "mail"
    menu_label = gettext_lazy("Invitations")
    add_view_class = InvitationCreateView
    inspect_view_class = InvitationInspectView
    inspect_view_enabled = True
    inspect_template_name = "musenor_members/admin/invitation_inspect.html"
    list_display = [
        "email",
        "first_name",
        "last_name",
        "status",
        "created_at",
        "expires_at",
    ]
    list_filter = ["accepted_at"]
    search_fields = ["email", "first_name", "last_name"]
    inspect_view_fields = [
        "email",
        "first_name",
        "last_name",
        "museum",
        "job_title",
        "language",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "user",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("email"),
            FieldPanel("first_name"),
            FieldPanel("last_name"),
            FieldPanel("museum"),
            FieldPanel("job_title"),
            FieldPanel("working_groups"),
            FieldPanel("language"),
        ],
        base_form_class=InvitationAdminForm,
    )


class ApplicationInspectView(InspectView):
    """An application, with the staff's decision: approve (an invitation goes) or refuse."""

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "pending": self.object.status == MembershipApplication.PENDING,
            "can_decide": self.permission_policy.user_has_permission(self.request.user, "change"),
        }

    def post(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        application = self.object
        decision = request.POST.get("decision")
        if application.status != MembershipApplication.PENDING or decision not in {
            "approve",
            "refuse",
        }:
            messages.error(request, _("This application was already decided on."))
        elif decision == "approve":
            membership.approve(application, request.user)
            messages.success(
                request,
                _("Application approved: an invitation was sent to %(email)s.")
                % {"email": application.email},
            )
        else:
            membership.refuse(application, request.user, request.POST.get("reason", "").strip())
            messages.success(
                request,
                _("Application refused: %(email)s was told by e-mail.")
                % {"email": application.email},
            )
        return redirect(self.index_url_name)


class MembershipApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    url_namespace = "musenor_members_membershipapplication"
    url_prefix = "membres/candidatures"
    icon = "user"
    menu_label = gettext_lazy("Applications")
    inspect_view_class = ApplicationInspectView
    inspect_view_enabled = True
    inspect_template_name = "musenor_members/admin/application_inspect.html"
    list_display = ["__str__", "museum", "job_title", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["email", "first_name", "last_name", "job_title"]
    inspect_view_fields = [
        "first_name",
        "last_name",
        "email",
        "museum",
        "job_title",
        "message",
        "language",
        "status",
        "created_at",
        "decided_at",
        "decided_by",
        "invitation",
    ]
    form_fields = ["first_name", "last_name", "email", "museum", "job_title", "message"]


class MembershipViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Membership")
    menu_icon = "group"
    menu_order = 260
    items = (InvitationViewSet, MembershipApplicationViewSet)


@hooks.register("register_admin_viewset")
def register_membership_viewsets():
    return MembershipViewSetGroup()
