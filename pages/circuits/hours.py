"""A museum's week in a few lines, as a visitor planning a trip reads it.

“Every day except Tuesday: 10:00–18:00” when the museum keeps the same hours
on every day it opens; otherwise runs of consecutive days that share their
hours (the week wraps around, so Wednesday – Monday is one run).
"""

from dataclasses import dataclass

from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

# Day names inside a sentence (“sauf le mardi”): French writes them in lower case.
DAYS_IN_SENTENCE = [
    pgettext_lazy("inside a sentence", "Monday"),
    pgettext_lazy("inside a sentence", "Tuesday"),
    pgettext_lazy("inside a sentence", "Wednesday"),
    pgettext_lazy("inside a sentence", "Thursday"),
    pgettext_lazy("inside a sentence", "Friday"),
    pgettext_lazy("inside a sentence", "Saturday"),
    pgettext_lazy("inside a sentence", "Sunday"),
]


@dataclass(frozen=True)
class DayGroup:
    days: str
    hours: str
    is_open: bool


def _slots_text(slots):
    return ", ".join(f"{s.opens:%H:%M}–{s.closes:%H:%M}" for s in slots)


def _runs(texts):
    """``[(first index, last index, hours text)]`` of consecutive days, wrapping the week."""
    runs = []
    for index, text in enumerate(texts):
        if runs and runs[-1][2] == text:
            runs[-1][1] = index
        else:
            runs.append([index, index, text])
    if len(runs) > 1 and runs[0][2] == runs[-1][2]:
        last = runs.pop()
        runs[0][0] = last[0]
    return runs


def summarise_week(week):
    """Summarise :meth:`MuseumPage.opening_week` (seven ``(label, slots)`` pairs, Monday first).

    Returns :class:`DayGroup` items, or ``[]`` when the museum gave no hours at all.
    """
    texts = [_slots_text(slots) for _label, slots in week]
    open_hours = {text for text in texts if text}
    if not open_hours:
        return []
    closed = [index for index, text in enumerate(texts) if not text]
    if len(open_hours) == 1 and len(closed) <= 3:
        hours = open_hours.pop()
        if not closed:
            return [DayGroup(days=_("Every day"), hours=hours, is_open=True)]
        days = get_text_list([str(DAYS_IN_SENTENCE[i]) for i in closed], _("and"))
        return [
            DayGroup(
                days=_("Every day except %(days)s") % {"days": days}, hours=hours, is_open=True
            )
        ]
    groups = []
    for first, last, text in _runs(texts):
        if first == last:
            days = str(DAYS_IN_SENTENCE[first])
        else:
            days = _("%(first)s – %(last)s") % {
                "first": DAYS_IN_SENTENCE[first],
                "last": DAYS_IN_SENTENCE[last],
            }
        days = capfirst(days)
        groups.append(DayGroup(days=days, hours=text or _("closed"), is_open=bool(text)))
    return groups
