"""Admin views of the vocabularies: the listing with its merge buttons, and the merge."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import IndexView
from wagtail.snippets.widgets import AdminSnippetChooser


class TermIndexView(IndexView):
    """The vocabulary's listing: entries to review carry a "Merge" button."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission_for_instance("change", instance):
            buttons.append(
                ListingButton(
                    _("Merge into another entry"),
                    url=reverse(
                        f"{instance.snippet_viewset.get_admin_url_namespace()}:merge",
                        args=[instance.pk],
                    ),
                    icon_name="resubmit",
                    priority=25,
                )
            )
        return buttons


class MergeForm(forms.Form):
    def __init__(self, *args, term, **kwargs):
        super().__init__(*args, **kwargs)
        self.term = term
        model = type(term)
        self.fields["target"] = forms.ModelChoiceField(
            label=_("Merge into"),
            queryset=model.objects.exclude(pk=term.pk),
            widget=AdminSnippetChooser(model),
            help_text=_(
                "Every record linked to “%(label)s” is linked to this entry instead; "
                "“%(label)s” becomes one of its variants, so that imports find it."
            )
            % {"label": term.label},
        )


class TermMergeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Merge one entry (a variant, "huile sur toile") into another ("Huile sur toile.")."""

    model = None
    index_url_name = None
    edit_url_name = None
    header_icon = "resubmit"
    permission_required = "change"
    template_name = "musenor_notices/admin/term_merge.html"
    page_title = _("Merge")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.term = get_object_or_404(self.model, pk=unquote(str(kwargs["pk"])))

    def get_page_subtitle(self):
        return self.term.label

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": self.model._meta.verbose_name_plural.capitalize(),
            },
            {"url": reverse(self.edit_url_name, args=[self.term.pk]), "label": self.term.label},
            {"url": "", "label": _("Merge")},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "term": self.term}

    def get_form_class(self):
        return MergeForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            term=self.term,
            record_count=self.term.record_count(),
            action_url=self.request.path,
            submit_button_label=_("Merge"),
            submit_button_active_label=_("Merging…"),
        )
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        target = form.cleaned_data["target"]
        label = self.term.label
        count = self.term.merge_into(target)
        log(
            instance=target,
            action="musenor_notices.merge",
            user=self.request.user,
            title=target.label,
            data={"merged": label, "records": count},
        )
        messages.success(
            self.request,
            _("“%(merged)s” merged into “%(target)s”: %(count)d records relinked.")
            % {"merged": label, "target": target.label, "count": count},
        )
        return redirect(self.index_url_name)
