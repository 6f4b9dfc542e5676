import html
import re

from django import template
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from ..mailing import page_link

register = template.Library()


@register.filter
def richtext_to_text(value):
    """Rich text as plain text for the text part of a mail (paragraphs kept apart)."""
    source = expand_db_html(str(value or ""))
    source = re.sub(r"</(p|li|h\d)>", "\n", source)
    return html.unescape(strip_tags(source)).strip()


@register.simple_tag(takes_context=True)
def absolute_page_url(context, page):
    return page_link(page, context.get("base_url", ""))


@register.simple_tag
def exhibition_dates(page):
    start = date_format(page.start_date, "j F Y")
    if page.end_date is None:
        return _("Permanent display, since %(start)s") % {"start": start}
    end = date_format(page.end_date, "j F Y")
    return _("From %(start)s to %(end)s") % {"start": start, "end": end}


@register.simple_tag(takes_context=True)
def month_content_text(context, value):
    """The month's news and exhibitions block as plain text."""
    issue = context["issue"]
    content = issue.month_content()
    base_url = context.get("base_url", "")
    lines = []
    if value.get("news") and content["news"]:
        lines.append(_("News").upper())
        lines += [f"- {page.title}\n  {page_link(page, base_url)}" for page in content["news"]]
        lines.append("")
    if value.get("exhibitions") and content["exhibitions"]:
        lines.append(_("Exhibitions").upper())
        lines += [
            f"- {page.title} ({exhibition_dates(page)})\n  {page_link(page, base_url)}"
            for page in content["exhibitions"]
        ]
    return "\n".join(lines)
