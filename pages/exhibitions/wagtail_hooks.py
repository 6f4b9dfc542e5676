"""The OpenAgenda import in the Wagtail admin: a settings menu item and a button on the index."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from .admin_views import can_import, import_view


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("exhibitions/import-openagenda/", import_view, name="musenor_import_openagenda")]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("OpenAgenda import"),
        reverse("musenor_import_openagenda"),
        name="openagenda-import",
        icon_name="download",
        order=850,
    )


@hooks.register("register_page_header_buttons")
def import_button(page, user, view_name, next_url=None):
    from .models import ExhibitionIndexPage

    if page.specific_class is ExhibitionIndexPage and can_import(user):
        url = reverse("musenor_import_openagenda") + f"?index={page.pk}"
        yield Button(_("Import from OpenAgenda"), url, icon_name="download", priority=80)


@hooks.register("register_permissions")
def register_import_permission():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="musenor_exhibitions", codename="import_openagenda"
    )
