"""The members' space's own entries in its navigation and dashboard, given as a plugin would."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from musenor.plugins import DashboardPanel, MenuItem, hookimpl


@hookimpl
def member_menu_items(request):
    return [
        MenuItem(_("Dashboard"), reverse("musenor_members:dashboard"), order=0),
        MenuItem(_("My profile"), reverse("musenor_members:profile"), order=10),
        MenuItem(_("Members' directory"), reverse("musenor_members:directory"), order=20),
        MenuItem(
            _("Notifications"), reverse("musenor_plugins:notification_preferences"), order=900
        ),
    ]


@hookimpl
def member_dashboard_panels(request):
    from musenor.site.accounts.models import WorkingGroup

    from .models import MemberProfile

    user = request.user
    return [
        DashboardPanel(
            title=_("My working groups"),
            template="musenor_members/panels/working_groups.html",
            context={
                "groups": list(WorkingGroup.objects.for_user(user)),
                "profile_url": reverse("musenor_members:profile"),
            },
            order=10,
        ),
        DashboardPanel(
            title=_("My profile"),
            template="musenor_members/panels/profile.html",
            context={
                "profile": MemberProfile.objects.select_related("museum").filter(user=user).first(),
                "member": user,
                "profile_url": reverse("musenor_members:profile"),
            },
            order=20,
        ),
    ]
