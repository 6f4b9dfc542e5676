"""The record form of the Wagtail admin: a museum's editor picks among their museums only."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .permissions import museums_edited_by


class TermsField(forms.CharField):
    """Vocabulary values as written, separated by ``;`` (as in a Joconde file).

    Each value is matched against the vocabulary (its labels and variants);
    a value that matches nothing is kept as written, as an entry to review.
    """

    widget = forms.TextInput

    def __init__(self, *, vocabulary, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault(
            "help_text",
            _("Separate values with “;”. A value not in the list is kept and listed for review."),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str) or value is None:
            return value or ""
        labels = []
        for item in value:
            if hasattr(item, "label"):
                labels.append(item.label)
            else:
                term = self.vocabulary.objects.filter(pk=item).first()
                if term is not None:
                    labels.append(term.label)
        return " ; ".join(labels)

    def to_python(self, value):
        value = super().to_python(value)
        return [part.strip() for part in value.split(";") if part.strip()]


class RecordForm(WagtailAdminModelForm):
    #: Multi-valued vocabularies typed as text (hundreds of authors do not fit a select).
    text_vocabularies = (
        "denominations",
        "authors",
        "schools",
        "periods",
        "techniques",
        "subjects",
        "places",
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "museum" in self.fields:
            self.fields["museum"].queryset = museums_edited_by(for_user).order_by("title")
        for name in self.text_vocabularies:
            if name not in self.fields:
                continue
            old = self.fields[name]
            self.fields[name] = TermsField(
                vocabulary=old.queryset.model, label=old.label, required=False
            )
            if self.instance.pk:
                self.initial[name] = list(getattr(self.instance, name).all())
        self.new_terms = []

    def save(self, commit=True):
        # Entries are created here, not while validating: a form that fails
        # leaves no entry behind.
        for name in self.text_vocabularies:
            if name in self.fields:
                terms, created = self.fields[name].vocabulary.resolve(self.cleaned_data[name])
                self.cleaned_data[name] = terms
                self.new_terms += created
        if self.new_terms:
            self.instance.needs_review = True
        return super().save(commit=commit)
