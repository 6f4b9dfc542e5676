"""Dates as each language writes them: "1er juin 2026" in French, "1 June 2026" in English.

Django's French date format is "j F Y", which writes "1 juin"; French writes
the first day of a month as an ordinal, "1er juin". :func:`long_date` formats
a date with the active language's ``DATE_FORMAT`` and fixes that first day.
Templates use it as the ``long_date`` filter (``{% load musenor_dates %}``).
"""

from django.utils import formats, translation


def long_date(value):
    """``value`` (a date or datetime) in the active language's long format; "" for None."""
    if not value:
        return ""
    text = formats.date_format(value, "DATE_FORMAT")
    if value.day == 1 and translation.get_language() == "fr" and text.startswith("1 "):
        text = "1er" + text[1:]
    return text
