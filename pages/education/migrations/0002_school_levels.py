"""The five school levels of the French system: fixed rows that showcases point to."""

from django.db import migrations

LEVELS = ["cycle-1", "cycle-2", "cycle-3", "cycle-4", "lycee"]


def create_levels(apps, schema_editor):
    SchoolLevel = apps.get_model("musenor_education", "SchoolLevel")
    for position, code in enumerate(LEVELS):
        SchoolLevel.objects.update_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("musenor_education", "0001_initial")]

    operations = [migrations.RunPython(create_levels, migrations.RunPython.noop)]
