"""The directory's filters: a plain GET form, so they work without JavaScript."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from musenor.search.query import clean_text, parse_query
from musenor.site.sorting import sort_key
from musenor.site.translations import localized

from .choices import Department


class MuseumFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name, city, collection…")}
        ),
    )
    department = forms.ChoiceField(
        label=_("Département"), required=False, choices=[("", _("All"))] + Department.choices
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    near = forms.CharField(
        label=_("Nearest first, from the town of"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "towns", "autocomplete": "off"}),
        help_text=_("A town of the region, e.g. Arras."),
    )

    def __init__(self, *args, museums, **kwargs):
        from .models import MuseumTheme

        super().__init__(*args, **kwargs)
        # In the visitor's language; the value, the slug, is the same in all.
        themes = localized(MuseumTheme.objects.filter(museumpage__in=museums).distinct())
        self.fields["theme"].choices = [("", _("All"))] + [
            (theme.slug, theme.name) for theme in sorted(themes, key=lambda t: sort_key(t.name))
        ]
        self.fields["near"].widget.attrs["aria-describedby"] = "id_near-help"
        cities = sorted(set(museums.values_list("city", flat=True)), key=sort_key)
        self.fields["city"].choices = [("", _("All"))] + [(c, c) for c in cities]

    def has_filters(self):
        return any(self.cleaned_data.get(name) for name in self.fields)

    def clean_near(self):
        from .gazetteer import find_town

        name = clean_text(self.cleaned_data.get("near"), self.fields["near"].max_length)
        if not name:
            return None
        town = find_town(name)
        if town is None:
            raise forms.ValidationError(
                _(
                    "“%(name)s” is not among the towns we know: try the town of a museum "
                    "of the network, or a large town nearby."
                ),
                params={"name": name},
            )
        return town

    def clean_q(self):
        return clean_text(self.cleaned_data.get("q"), self.fields["q"].max_length)

    def filter(self, museums):
        data = self.cleaned_data
        if data.get("department"):
            museums = museums.filter(department=data["department"])
        if data.get("theme"):
            museums = museums.filter(themes__slug=data["theme"])
        if data.get("city"):
            museums = museums.filter(city=data["city"])
        if data.get("q"):
            museums = museums.filter(self.text_condition(data["q"])).distinct()
        return museums

    @staticmethod
    def text_condition(text):
        """Match names and cities by substring, and everything else through the search index."""
        from .models import MuseumPage

        condition = (
            Q(title__icontains=text) | Q(city__icontains=text) | Q(themes__name__icontains=text)
        )
        matched = []
        search_query = parse_query(text)
        if search_query is not None:
            matched = [page.pk for page in MuseumPage.objects.live().search(search_query)]
        if matched:
            condition |= Q(pk__in=matched)
        return condition
