"""Keep the row's image fields in step with the photographs."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Record, RecordImage


@receiver([post_save, post_delete], sender=RecordImage)
def refresh_record_images(sender, instance, raw=False, **kwargs):
    if raw:
        return
    record = Record.objects.filter(pk=instance.record_id).first()
    if record is not None:
        record.refresh_images()
