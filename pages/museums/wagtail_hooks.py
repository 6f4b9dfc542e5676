"""The museums' report in the Wagtail admin: pages lacking hours, accessibility or a photo."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class IncompleteMuseumsMenuItem(MenuItem):
    def is_shown(self, request):
        from wagtail.permission_policies.pages import PagePermissionPolicy

        return PagePermissionPolicy().user_has_any_permission(request.user, ["change", "publish"])


@hooks.register("register_admin_urls")
def register_report_urls():
    from .reports import IncompleteMuseumsView

    return [
        path(
            "reports/incomplete-museums/",
            IncompleteMuseumsView.as_view(),
            name="musenor_museums_incomplete",
        ),
        path(
            "reports/incomplete-museums/results/",
            IncompleteMuseumsView.as_view(results_only=True),
            name="musenor_museums_incomplete_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return IncompleteMuseumsMenuItem(
        _("Incomplete museum pages"),
        reverse("musenor_museums_incomplete"),
        name="incomplete-museums",
        icon_name="warning",
        order=750,
    )
