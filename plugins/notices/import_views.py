"""The import screen of the Wagtail admin: upload, dry run, confirm, follow, report.

A museum editor (or association staff) uploads an export and its ZIP of
photographs; the file is first *checked* (a dry run, in the background), and
the report says row by row what the import would do; a button then runs the
import itself on the same file. Each run's page shows its progress while the
task works (it reloads itself every few seconds; no script needed) and keeps
its report: the counts, the problems of the whole file, the values kept for
review, the likely duplicates, the first rows and the CSV of the rows to
correct. Every view asks the records' permission policy for the run's museum
(``importer.access.can_import``).
"""

import zipfile

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from musenor.site import uploads

from .importer.access import can_import
from .importer.fields import FIELD_CODES
from .importer.report import OUTCOMES
from .importer.runs import enqueue
from .models import ImportMapping, ImportRun

ENCODINGS = [
    ("", _("Detect")),
    ("utf-8", "UTF-8"),
    ("iso-8859-1", "ISO-8859-1 (Latin-1)"),
    ("windows-1252", "Windows-1252"),
]
DELIMITERS = [("", _("Detect")), (";", _("semicolon (;)")), (",", _("comma (,)"))]


def importable_museums(user):
    """The museums (French pages) ``user`` may import into: their own, or all for staff."""
    from .permissions import museums_edited_by

    museums = museums_edited_by(user).filter(
        locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
    )
    return museums.order_by("title") if can_import_somewhere(user) else museums.none()


def can_import_somewhere(user):
    from .permissions import record_permission_policy

    return user.is_authenticated and all(
        record_permission_policy.user_has_any_permission(user, [action])
        for action in ("add", "change")
    )


def run_for(request, pk):
    run = get_object_or_404(ImportRun.objects.select_related("museum", "user"), pk=pk)
    if not can_import(request.user, run.museum):
        raise PermissionDenied
    return run


class ImportForm(forms.Form):
    museum = forms.ModelChoiceField(label=_("Museum"), queryset=None)
    file = uploads.UploadFormField(
        kind="notices_import",
        label=_("Export file (CSV or XLSX)"),
        help_text=_(
            "Joconde codes as column headers (INV, DOMN, STAT, TICO…), or the museum's "
            "saved column mapping. Separator and encoding are detected."
        ),
    )
    photos = uploads.UploadFormField(
        kind="notices_photos",
        label=_("Photographs (ZIP)"),
        required=False,
        help_text=_("Named as in the REFIM column of the file."),
    )
    encoding = forms.ChoiceField(label=_("Encoding"), choices=ENCODINGS, required=False)
    delimiter = forms.ChoiceField(label=_("Separator"), choices=DELIMITERS, required=False)
    clear_for_publication = forms.BooleanField(
        label=_("Clear the records created for publication"),
        required=False,
        help_text=_("Published records are then shown to visitors; otherwise they stay private."),
    )
    email_report = forms.BooleanField(
        label=_("E-mail the report to the museum's contact"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["museum"].queryset = importable_museums(user)

    def clean_photos(self):
        photos = self.cleaned_data.get("photos")
        if photos and not zipfile.is_zipfile(photos):
            raise ValidationError(_("The photographs must be a ZIP file."))
        if photos:
            photos.seek(0)
        return photos


class MappingForm(forms.Form):
    mapping = forms.CharField(
        label=_("Column mapping"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "One column per line: the header as in the museum's export, “=”, then the Joconde "
            "code. For example: “Numéro d'inventaire = INV”."
        ),
    )

    def clean_mapping(self):
        mapping, errors = {}, []
        for number, line in enumerate(self.cleaned_data["mapping"].splitlines(), 1):
            if not line.strip():
                continue
            header, sign, code = line.rpartition("=")
            header, code = header.strip(), code.strip().upper()
            if not sign or not header:
                errors.append(_("Line %(n)d: write “header = CODE”.") % {"n": number})
            elif code not in FIELD_CODES:
                errors.append(
                    _("Line %(n)d: “%(code)s” is not a Joconde code the import reads.")
                    % {"n": number, "code": code}
                )
            else:
                mapping[header] = code
        if errors:
            raise ValidationError(errors)
        return mapping


class ImportMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import_somewhere(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("notices_imports:index"), "label": _("Import records")},
            *self.extra_breadcrumbs(),
        ]

    def extra_breadcrumbs(self):
        return []


class ImportIndexView(ImportMixin, TemplateView):
    template_name = "musenor_notices/admin/imports/index.html"
    page_title = _("Import records")

    def get_context_data(self, **kwargs):
        museums = importable_museums(self.request.user)
        runs = ImportRun.objects.filter(museum__in=museums).select_related("museum", "user")
        return super().get_context_data(runs=runs[:50], museums=museums[:200], **kwargs)


class ImportCreateView(ImportMixin, FormView):
    template_name = "musenor_notices/admin/imports/form.html"
    page_title = _("New import")

    def extra_breadcrumbs(self):
        return [{"url": "", "label": _("New import")}]

    def get_form_class(self):
        return ImportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        museum = self.request.GET.get("museum")
        return {"museum": museum} if museum and museum.isdigit() else {}

    def form_valid(self, form):
        data = form.cleaned_data
        saved = ImportMapping.objects.filter(museum=data["museum"]).first()
        with transaction.atomic():
            run = ImportRun(
                museum=data["museum"],
                user=self.request.user,
                file_name=data["file"].name[:255],
                encoding=data["encoding"],
                delimiter=data["delimiter"],
                mapping=saved.mapping if saved else {},
                clear_for_publication=data["clear_for_publication"],
                email_report=data["email_report"],
                dry_run=True,
            )
            run.file.save(data["file"].name, data["file"], save=False)
            if data["photos"]:
                run.photos.save(data["photos"].name, data["photos"], save=False)
            run.size = run.file.size
            run.save()
            enqueue(run)
        messages.success(
            self.request,
            _("“%(file)s” is being checked: nothing is written before you confirm.")
            % {"file": run.file_name},
        )
        return redirect("notices_imports:detail", run.pk)


class ImportDetailView(ImportMixin, TemplateView):
    template_name = "musenor_notices/admin/imports/detail.html"
    #: Seconds between two reloads of the page of a run in progress.
    refresh_seconds = 3

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.run = None

    def get(self, request, *args, **kwargs):
        self.run = run_for(request, kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_page_title(self):
        return (
            _("Check of %(file)s") % {"file": self.run.file_name}
            if self.run.dry_run
            else (_("Import of %(file)s") % {"file": self.run.file_name})
        )

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        run = self.run
        summary = run.summary or {}
        return super().get_context_data(
            run=run,
            summary=summary,
            entries=report_rows(summary.get("entries", [])),
            refresh_seconds=self.refresh_seconds if run.is_active else None,
            confirmation=run.confirmations.order_by("-pk").first() if run.dry_run else None,
            **kwargs,
        )


def report_rows(entries):
    """The report's rows for the table: rejected rows first, each group in file order;
    a created record's changes ("*": every field) are not listed."""
    rows = [
        {
            **entry,
            "outcome_label": OUTCOMES.get(entry["outcome"], entry["outcome"]),
            "changes": [] if entry.get("changes") == ["*"] else entry.get("changes") or [],
        }
        for entry in entries
    ]
    return sorted(rows, key=lambda row: (row["outcome"] != "rejected", row.get("line") or 0))


class ImportConfirmView(View):
    """Run the import itself on the file a finished dry run checked."""

    def post(self, request, pk):
        dry_run = run_for(request, pk)
        if not dry_run.can_confirm:
            messages.error(request, _("This check cannot be confirmed (already done, or failed)."))
            return redirect("notices_imports:detail", dry_run.pk)
        with transaction.atomic():
            run = ImportRun.objects.create(
                museum=dry_run.museum,
                user=request.user,
                file_name=dry_run.file_name,
                file=dry_run.file.name,
                photos=dry_run.photos.name,
                encoding=dry_run.encoding,
                delimiter=dry_run.delimiter,
                mapping=dry_run.mapping,
                clear_for_publication=dry_run.clear_for_publication,
                email_report=dry_run.email_report,
                dry_run=False,
                checked_by=dry_run,
                size=dry_run.size,
            )
            enqueue(run)
        messages.success(request, _("The import has started."))
        return redirect("notices_imports:detail", run.pk)


class ImportRestartView(View):
    """Start again a run that failed or stopped half-way: what was written is matched."""

    def post(self, request, pk):
        run = run_for(request, pk)
        if not (run.status == ImportRun.Status.FAILED or run.is_stalled):
            messages.error(request, _("Only a run that failed or stopped can be started again."))
            return redirect("notices_imports:detail", run.pk)
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED, error="")
        with transaction.atomic():
            enqueue(run)
        messages.success(request, _("The run has started again."))
        return redirect("notices_imports:detail", run.pk)


def corrections(request, pk):
    run = run_for(request, pk)
    if not run.corrections:
        raise Http404
    return FileResponse(
        run.corrections.open("rb"),
        as_attachment=True,
        filename=f"corrections-{run.file_name.rsplit('.', 1)[0]}.csv",
        content_type="text/csv; charset=utf-8",
    )


class MappingView(ImportMixin, FormView):
    template_name = "musenor_notices/admin/imports/mapping.html"
    form_class = MappingForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.museum = None

    def dispatch(self, request, *args, **kwargs):
        museums = importable_museums(request.user)
        self.museum = get_object_or_404(museums, pk=kwargs["museum_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Column mapping of %(museum)s") % {"museum": self.museum.title}

    def extra_breadcrumbs(self):
        return [{"url": "", "label": self.get_page_title()}]

    def get_initial(self):
        saved = ImportMapping.objects.filter(museum=self.museum).first()
        lines = [f"{header} = {code}" for header, code in (saved.mapping if saved else {}).items()]
        return {"mapping": "\n".join(lines)}

    def form_valid(self, form):
        ImportMapping.objects.update_or_create(
            museum=self.museum,
            defaults={"mapping": form.cleaned_data["mapping"], "updated_by": self.request.user},
        )
        messages.success(
            self.request,
            _("The column mapping of %(museum)s is saved; the next imports use it.")
            % {"museum": self.museum.title},
        )
        return redirect("notices_imports:index")


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import_somewhere(request.user)


class ImportViewSet(ViewSet):
    name = "notices_imports"
    icon = "upload"
    menu_label = _("Import records")
    menu_order = 252
    add_to_admin_menu = True

    def get_menu_item(self, order=None):
        return ImportMenuItem(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=order if order is not None else self.menu_order,
        )

    @property
    def menu_url(self):
        return reverse("notices_imports:index")

    def get_urlpatterns(self):
        return [
            path("", ImportIndexView.as_view(), name="index"),
            path("new/", ImportCreateView.as_view(), name="add"),
            path("<int:pk>/", ImportDetailView.as_view(), name="detail"),
            path("<int:pk>/confirm/", ImportConfirmView.as_view(), name="confirm"),
            path("<int:pk>/restart/", ImportRestartView.as_view(), name="restart"),
            path("<int:pk>/corrections.csv", corrections, name="corrections"),
            path("mapping/<int:museum_id>/", MappingView.as_view(), name="mapping"),
        ]
