"""Template filters of the forum: post HTML sanitised again when shown."""

from django import template
from django.utils.safestring import mark_safe

from ..markup import sanitize

register = template.Library()


@register.filter
def forum_safe(html):
    """``html`` (a post's stored rendering) through the allow-list, marked safe.

    Posts are sanitised when saved; this second pass covers renderings stored
    before the plugin or by other means (imports, the shell).
    """
    return mark_safe(sanitize(str(html or "")))  # noqa: S308


@register.filter
def forum_markup(text):
    """Markdown a member wrote (a preview), rendered and sanitised like a saved post."""
    from ..markup import render

    return mark_safe(render(str(text or "")))  # noqa: S308


@register.simple_tag(takes_context=True)
def forum_subscribed(context, forum):
    """Whether the signed-in reader follows ``forum`` (``ForumSubscription``)."""
    from ..models import ForumSubscription

    user = context["request"].user
    return (
        user.is_authenticated and ForumSubscription.objects.filter(user=user, forum=forum).exists()
    )
