"""The exhibition index's filters: a plain GET form, so they work without JavaScript.

Choices list only what the index holds (museums and operations that have a
live exhibition here), in one query each, whatever the number of exhibitions.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from musenor.pages.museums.choices import Department

from .choices import ExhibitionKind


class ExhibitionFilterForm(forms.Form):
    museum = forms.ChoiceField(label=_("Museum"), required=False)
    department = forms.ChoiceField(
        label=_("Département"), required=False, choices=[("", _("All"))] + Department.choices
    )
    operation = forms.ChoiceField(label=_("Network operation"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All"))] + ExhibitionKind.choices
    )

    def __init__(self, *args, exhibitions, **kwargs):
        from musenor.pages.museums.models import MuseumPage
        from musenor.pages.operations.models import OperationPage

        super().__init__(*args, **kwargs)
        museums = (
            MuseumPage.objects.live()
            .filter(exhibitions__in=exhibitions.values("pk"))
            .distinct()
            .order_by("title", "city")
            .values_list("slug", "title", "city")
        )
        self.fields["museum"].choices = [("", _("All"))] + [
            (slug, f"{title} ({city})") for slug, title, city in museums
        ]
        operations = (
            OperationPage.objects.live()
            .filter(exhibitions__in=exhibitions.values("pk"))
            .distinct()
            .order_by("-start_year", "title")
            .values_list("slug", "title")
        )
        self.fields["operation"].choices = [("", _("All"))] + list(operations)

    def has_filters(self):
        return any(self.cleaned_data.get(name) for name in self.fields)

    def filter(self, exhibitions):
        from .models import ExhibitionPage

        data = self.cleaned_data
        # Conditions on the museums go through a subquery: an exhibition in two
        # museums of the same département must be listed once, without DISTINCT.
        if data.get("museum"):
            exhibitions = exhibitions.filter(
                pk__in=ExhibitionPage.objects.filter(museums__slug=data["museum"]).values("pk")
            )
        if data.get("department"):
            exhibitions = exhibitions.filter(
                pk__in=ExhibitionPage.objects.filter(museums__department=data["department"]).values(
                    "pk"
                )
            )
        if data.get("operation"):
            exhibitions = exhibitions.filter(operation__slug=data["operation"])
        if data.get("kind"):
            exhibitions = exhibitions.filter(kind=data["kind"])
        return exhibitions
