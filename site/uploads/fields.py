"""Form and model fields that check their uploads against a kind."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import models

from .kinds import get_kind
from .validation import UploadValidator, check_upload, clean_filename


class UploadFormField(forms.FileField):
    """A form ``FileField`` checked against an upload kind; its clean value has the clean name."""

    def __init__(self, *, kind, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)
        self.widget.attrs.setdefault(
            "accept", ",".join(f".{extension}" for extension in get_kind(kind).extensions)
        )

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            value.name = check_upload(value, self.kind).name
        return value


class UploadField(models.FileField):
    """A model ``FileField`` checked against an upload kind.

    New files are checked when the model is validated (``full_clean()``, model
    forms), and every stored name is cleaned, whichever way the file arrived.
    """

    def __init__(self, *args, kind, **kwargs):
        self.kind = kind
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["kind"] = self.kind
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        UploadValidator(self.kind)(value)

    def generate_filename(self, instance, filename):
        max_length = get_kind(self.kind).max_name_length
        return super().generate_filename(instance, clean_filename(filename, max_length))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadFormField, "kind": self.kind, **kwargs})
