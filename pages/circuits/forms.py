"""The circuit's editing form: checks that need the page and its stops together."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm


class CircuitPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        stops = self.formsets.get("stops")
        if stops is None:
            return cleaned_data
        stops.is_valid()  # clean the stop forms now: the checks below read their data
        forms = [
            form
            for form in stops.forms
            if hasattr(form, "cleaned_data") and not form.cleaned_data.get("DELETE")
        ]
        forms.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        days = cleaned_data.get("duration_days")
        previous = None
        for form in forms:
            museum = form.cleaned_data.get("museum")
            day = form.cleaned_data.get("day")
            if days and day and day > days:
                form.add_error(
                    "day",
                    ngettext(
                        "The circuit lasts %(days)d day: the stop's day can only be 1.",
                        "The circuit lasts %(days)d days: choose a day from 1 to %(days)d.",
                        days,
                    )
                    % {"days": days},
                )
            if museum is not None and previous is not None and museum.pk == previous.pk:
                form.add_error(
                    "museum",
                    _("This museum is already the previous stop: remove one of the two."),
                )
            previous = museum
        return cleaned_data
