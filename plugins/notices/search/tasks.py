"""Background work of the collection search."""

from django.apps import apps
from django_tasks import task

from .indexing import index_records


@task()
def reindex_linked_records(model_label, term_id):
    """Index again every record linked to the vocabulary entry ``term_id``; returns the count."""
    from ..models import Record

    model = apps.get_model(model_label)
    field = model.record_field()
    ids = Record.objects.filter(**{field.name: term_id}).values_list("pk", flat=True)
    return index_records(ids.order_by("pk").iterator())
