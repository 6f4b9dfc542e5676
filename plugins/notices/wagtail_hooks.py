"""The plugin in the Wagtail admin: records and vocabularies as snippets, the permission policy."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin import RecordViewSet, VocabularyViewSetGroup
from .models import Record
from .permissions import record_permission_policy

# Registered before the viewset reads it (Wagtail's fallback policy would win otherwise).
register_permission_policy(Record, record_permission_policy, exact_class=True)

register_snippet(RecordViewSet)
register_snippet(VocabularyViewSetGroup)
