"""The museum chooser of the editor: one entry per museum, its town shown, a search box.

Every "museums" field of a page (an exhibition's, a news item's, an operation's)
lists the museums of the page's language only (a translated museum used to
appear twice), by title, each with its town, as check boxes that a search box
filters (``museum_chooser.js``; without JavaScript the whole list is there).
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class MuseumChooserWidget(forms.CheckboxSelectMultiple):
    template_name = "musenor_museums/widgets/museum_chooser.html"
    search_label = _("Search a museum or a town")

    class Media:
        js = ["musenor_museums/js/museum_chooser.js"]

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        instance = getattr(value, "instance", None)
        city = getattr(instance, "city", "")
        if city:
            label = f"{label} ({city})"
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"]["data-museum-search"] = label.lower()
        return option

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["search_label"] = self.search_label
        return context


def limit_museum_choices(form, locale_id):
    """Offer every museum field of ``form`` the museums of ``locale_id``, and those chosen."""
    from .models import MuseumPage

    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None or queryset.model is not MuseumPage:
            continue
        chosen = form.initial.get(name) or []
        chosen_ids = (
            [getattr(item, "pk", item) for item in chosen]
            if isinstance(chosen, list | tuple)
            else []
        )
        field.queryset = (
            MuseumPage.objects.filter(locale_id=locale_id)
            | MuseumPage.objects.filter(pk__in=chosen_ids)
        ).order_by("title", "city")
        if isinstance(field, forms.ModelMultipleChoiceField):
            field.widget = MuseumChooserWidget(choices=field.widget.choices)
            field.widget.choices = field.choices
