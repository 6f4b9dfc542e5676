"""The site's registrations in Django's admin (``/django-admin/``).

django-taggit registers a tag admin whose "merge tags" view and action check
no permission (taggit 6.1): any staff member could merge, and so rewrite, every
tag of the site. It is replaced here by one that asks for them.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from taggit import admin as taggit_admin
from taggit.forms import MergeTagsForm
from taggit.models import Tag

SESSION_KEY = "selected_tag_ids"


class TagAdmin(taggit_admin.TagAdmin):
    """taggit's tag admin; merging tags needs ``change_tag``, and ``add_tag`` for a new tag."""

    @admin.action(description=_("Merge selected tags"), permissions=["change"])
    def render_tag_form(self, request, queryset):
        return super().render_tag_form(request, queryset)

    def merge_tags_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        # The selection lives in the session: keep only tags that still exist.
        selected = request.session.get(SESSION_KEY, "").split(",")
        ids = [value for value in selected if value.isdigit()]
        ids = [str(pk) for pk in Tag.objects.filter(pk__in=ids).values_list("pk", flat=True)]
        if not ids:
            request.session.pop(SESSION_KEY, None)
            messages.warning(request, _("Select the tags to merge first."))
            return redirect("admin:taggit_tag_changelist")
        request.session[SESSION_KEY] = ",".join(ids)
        if request.method == "POST":
            form = MergeTagsForm(request.POST)
            if (
                form.is_valid()
                and not Tag.objects.filter(name=form.cleaned_data["new_tag_name"]).exists()
                and not self.has_add_permission(request)
            ):
                raise PermissionDenied
        return super().merge_tags_view(request)


admin.site.unregister(Tag)
admin.site.register(Tag, TagAdmin)
