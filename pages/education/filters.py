"""The showcase index's filters: a plain GET form, so they work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from musenor.site.sorting import sort_key
from musenor.site.translations import localized

from .choices import Level


class ShowcaseFilterForm(forms.Form):
    level = forms.ChoiceField(
        label=_("School level"), required=False, choices=[("", _("All"))] + Level.choices
    )
    subject = forms.ChoiceField(label=_("Subject"), required=False)

    def __init__(self, *args, showcases, **kwargs):
        from .models import Subject

        super().__init__(*args, **kwargs)
        # Only the subjects some published showcase teaches: no filter that finds nothing.
        # In the visitor's language; the value, the slug, is the same in all.
        taught = Subject.objects.filter(showcases__in=showcases.values("pk")).distinct()
        subjects = localized(taught)
        self.fields["subject"].choices = [("", _("All"))] + [
            (subject.slug, subject.name)
            for subject in sorted(subjects, key=lambda s: sort_key(s.name))
        ]

    def has_filters(self):
        return any(self.cleaned_data.get(name) for name in self.fields)

    def filter(self, showcases):
        data = self.cleaned_data
        if data.get("level"):
            showcases = showcases.filter(levels__code=data["level"])
        if data.get("subject"):
            showcases = showcases.filter(subjects__slug=data["subject"])
        return showcases
