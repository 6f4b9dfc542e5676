"""Durations in minutes, as visitors read them (“1 h 30”) and as machines do (ISO 8601)."""

from django.utils.translation import gettext as _


def format_minutes(minutes):
    """``90`` → “1 h 30”, ``60`` → “1 h”, ``45`` → “45 min”; empty for no duration."""
    if not minutes:
        return ""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return _("%(minutes)d min") % {"minutes": rest}
    if not rest:
        return _("%(hours)d h") % {"hours": hours}
    return _("%(hours)d h %(minutes)02d") % {"hours": hours, "minutes": rest}


def iso_duration(minutes):
    """The ``datetime`` attribute of a ``<time>`` element: ``90`` → ``PT1H30M``."""
    if not minutes:
        return ""
    hours, rest = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")
