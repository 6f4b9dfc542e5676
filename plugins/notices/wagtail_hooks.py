"""The plugin in the Wagtail admin: records and vocabularies as snippets, the permission policy."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin import RecordViewSet, VocabularyViewSetGroup
from .models import Record
from .permissions import record_permission_policy
from .search.admin import RecordSelectionViewSet

# Registered before the viewset reads it (Wagtail's fallback policy would win otherwise).
register_permission_policy(Record, record_permission_policy, exact_class=True)

register_snippet(RecordViewSet)
register_snippet(VocabularyViewSetGroup)
register_snippet(RecordSelectionViewSet)


@hooks.register("register_admin_viewset")
def register_import_viewset():
    # Imported here: its forms need the upload kinds the app registers when ready.
    from .import_views import ImportViewSet

    return ImportViewSet()


@hooks.register("register_log_actions")
def register_merge_action(actions):
    @actions.register_action("musenor_notices.merge")
    class MergeFormatter(LogFormatter):
        label = _("Merge")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Merged “%(merged)s” into this entry (%(records)s records relinked)") % {
                "merged": data.get("merged", "?"),
                "records": data.get("records", 0),
            }
