from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from musenor.plugins import MenuItem
from musenor.plugins.members import member_menu

register = template.Library()


def core_menu():
    """The members' space's own entries; the plugins' come after them."""
    return [
        MenuItem(_("Dashboard"), reverse("musenor_members:dashboard")),
        MenuItem(_("My profile"), reverse("musenor_members:profile")),
        MenuItem(_("Members' directory"), reverse("musenor_members:directory")),
        MenuItem(_("Notifications"), reverse("musenor_plugins:notification_preferences")),
    ]


@register.inclusion_tag("musenor_members/includes/nav.html", takes_context=True)
def members_nav(context):
    """The members' navigation: the space's own entries, then every enabled plugin's."""
    request = context["request"]
    return {
        "items": core_menu(),
        "plugin_items": member_menu(request),
        "current": request.path,
        "request": request,
    }


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    """A dashboard panel: its template with its own context, plus ``request`` and ``panel``."""
    request = context.get("request")
    return render_to_string(
        panel.template, {**(panel.context or {}), "panel": panel}, request=request
    )
