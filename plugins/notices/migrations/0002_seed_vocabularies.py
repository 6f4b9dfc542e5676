from django.db import migrations


def seed(apps, schema_editor):
    from musenor.plugins.notices.vocabularies import seed_vocabularies

    seed_vocabularies(apps)


class Migration(migrations.Migration):
    dependencies = [("musenor_notices", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
