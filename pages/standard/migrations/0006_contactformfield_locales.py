# Each existing contact form field takes its page's locale. The fields of a
# page's translations (copies made before the fields were translatable) share
# the translation key of the source's field at the same position.

import uuid

from django.db import migrations


def bootstrap(apps, schema_editor):
    ContactFormField = apps.get_model("musenor_standard", "ContactFormField")
    Page = apps.get_model("wagtailcore", "Page")
    keys = {}
    rows = ContactFormField.objects.filter(translation_key__isnull=True).order_by(
        "page_id", "sort_order", "pk"
    )
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=rows.values("page_id")).only(
            "pk", "locale_id", "translation_key"
        )
    }
    position = {}
    for row in rows:
        page = pages[row.page_id]
        index = position.get(row.page_id, 0)
        position[row.page_id] = index + 1
        key = keys.setdefault((page.translation_key, index), uuid.uuid4())
        row.translation_key, row.locale_id = key, page.locale_id
        row.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):

    dependencies = [
        ('musenor_standard', '0005_contactformfield_translatable_fields'),
    ]

    operations = [
        migrations.RunPython(bootstrap, migrations.RunPython.noop),
    ]
