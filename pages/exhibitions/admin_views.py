"""The admin screen of the OpenAgenda import: upload a file or give a URL, read the report."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .models import ExhibitionIndexPage
from .openagenda import FetchError, MalformedFile, import_events, read_file, read_url
from .openagenda.fetch import DEFAULT_MAX_BYTES

PERMISSION = "musenor_exhibitions.import_openagenda"


def can_import(user):
    return user.is_active and user.has_perm(PERMISSION)


def indexes_for(user):
    """The exhibition indexes under which ``user`` may publish pages."""
    pages = ExhibitionIndexPage.objects.select_related("locale").order_by("path")
    return [page for page in pages if page.permissions_for_user(user).can_publish_subpage()]


class ImportForm(forms.Form):
    index = forms.TypedChoiceField(
        label=_("Exhibition index"),
        coerce=int,
        help_text=_("The new exhibitions are created under this page."),
    )
    file = forms.FileField(
        label=_("JSON file"),
        required=False,
        help_text=_("The events as exported by OpenAgenda (API v2 format)."),
    )
    url = forms.URLField(
        label=_("Or the address of the events"),
        required=False,
        assume_scheme="https",
        help_text=_(
            "The events address of the agenda, "
            "e.g. https://api.openagenda.com/v2/agendas/12345678/events?key=…"
        ),
    )
    museum = forms.ModelChoiceField(
        label=_("Museum of the agenda"),
        queryset=None,
        required=False,
        help_text=_(
            "Events held outside any museum of the directory are attached to this museum, "
            "as off-site exhibitions."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run"),
        required=False,
        initial=True,
        help_text=_("Show what would change without saving anything."),
    )

    def __init__(self, *args, indexes, **kwargs):
        from musenor.pages.museums.models import MuseumPage

        super().__init__(*args, **kwargs)
        self.indexes = {page.pk: page for page in indexes}
        self.fields["index"].choices = [
            (page.pk, f"{page.title} ({page.locale.get_display_name()})") for page in indexes
        ]
        self.fields["museum"].queryset = MuseumPage.objects.live().order_by("title", "city")
        self.fields["museum"].label_from_instance = lambda museum: f"{museum.title} ({museum.city})"

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > DEFAULT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": DEFAULT_MAX_BYTES // 2**20}
            )
        return upload

    def clean(self):
        cleaned_data = super().clean()
        if bool(cleaned_data.get("file")) == bool(cleaned_data.get("url")):
            raise forms.ValidationError(_("Give either a JSON file or an address, not both."))
        return cleaned_data

    def events(self):
        """The events to import; FetchError or MalformedFile with a message for the editor."""
        if self.cleaned_data.get("file"):
            upload = self.cleaned_data["file"]
            return read_file(upload, source=upload.name)
        return read_url(self.cleaned_data["url"])


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    indexes = indexes_for(request.user)
    report = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, indexes=indexes)
        if form.is_valid():
            try:
                events = form.events()
            except (FetchError, MalformedFile) as error:
                form.add_error(None, str(error))
            else:
                report = import_events(
                    events,
                    form.indexes[form.cleaned_data["index"]],
                    default_museum=form.cleaned_data.get("museum"),
                    dry_run=form.cleaned_data.get("dry_run", False),
                )
    else:
        form = ImportForm(indexes=indexes, initial={"index": request.GET.get("index")})
    return render(
        request,
        "musenor_exhibitions/admin/import_openagenda.html",
        {"form": form, "report": report, "has_indexes": bool(indexes)},
    )
