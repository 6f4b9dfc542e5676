"""A museum's week in a few lines: consecutive days with the same hours go together."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class DayGroup:
    days: str
    hours: str
    is_open: bool


def _slots_text(slots):
    return ", ".join(f"{s.opens:%H:%M}–{s.closes:%H:%M}" for s in slots)


def summarise_week(week):
    """Group :meth:`MuseumPage.opening_week` into runs of days that share their hours.

    ``[("Monday", []), ("Tuesday", [10–18]), …, ("Sunday", [10–18])]`` becomes
    “Monday: closed” and “Tuesday – Sunday: 10:00–18:00”.
    """
    runs = []
    for label, slots in week:
        hours = _slots_text(slots)
        if runs and runs[-1][2] == hours:
            runs[-1][1] = label
        else:
            runs.append([label, label, hours])
    groups = []
    for first, last, hours in runs:
        days = (
            first
            if first == last
            else _("%(first)s – %(last)s")
            % {
                "first": first,
                "last": last,
            }
        )
        groups.append(DayGroup(days=days, hours=hours or _("closed"), is_open=bool(hours)))
    return groups
