from django import template
from django.template.loader import render_to_string

from musenor.plugins.members import member_menu

register = template.Library()


@register.inclusion_tag("musenor_members/includes/nav.html", takes_context=True)
def members_nav(context):
    """The members' navigation: the entries every enabled plugin gives this member."""
    request = context["request"]
    return {"items": member_menu(request), "current": request.path, "request": request}


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    """A dashboard panel: its template with its own context, plus ``request`` and ``panel``."""
    request = context.get("request")
    return render_to_string(
        panel.template, {**(panel.context or {}), "panel": panel}, request=request
    )
