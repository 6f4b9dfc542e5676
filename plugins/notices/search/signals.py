"""The search index follows edits that Wagtail's own ``post_save`` indexing misses.

- A snippet's many-to-many vocabularies are written after the row (and after
  Wagtail indexed it), so a record is indexed again once it is published.
- A vocabulary entry renamed, or one that received another's records in a
  merge, changes the text of every record linked to it: those records are
  indexed again by a background task.

Deleting a record removes it from the index through Wagtail's own signal.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import published

from ..models import VOCABULARIES, LegalStatus, Record


@receiver(published, sender=Record)
def reindex_published_record(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


def reindex_term_records(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        # A new entry has no records yet.
        return
    from .tasks import reindex_linked_records

    label = sender._meta.label
    transaction.on_commit(lambda: reindex_linked_records.enqueue(label, instance.pk))


for vocabulary in VOCABULARIES:
    if vocabulary is LegalStatus:
        continue  # not part of the searched text
    post_save.connect(
        reindex_term_records,
        sender=vocabulary,
        dispatch_uid=f"notices-search-{vocabulary.__name__}",
    )
