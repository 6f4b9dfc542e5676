from django import template

from musenor.plugins.members import member_menu

register = template.Library()


@register.inclusion_tag("musenor_members/includes/nav.html", takes_context=True)
def members_nav(context):
    """The members' navigation: the entries every enabled plugin gives this member."""
    request = context["request"]
    return {"items": member_menu(request), "current": request.path, "request": request}
