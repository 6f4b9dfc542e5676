"""The ``long_date`` filter: a date as the active language writes it ("1er juin 2026")."""

from django import template

from musenor.site.dates import long_date

register = template.Library()
register.filter("long_date", long_date)
