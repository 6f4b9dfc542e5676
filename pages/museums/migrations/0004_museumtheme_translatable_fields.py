# The museumthemes become translatable (wagtail-localize), in three steps as Wagtail
# advises (BootstrapTranslatableMixin): nullable fields, then a locale and a
# translation key for each existing row, then the constraints.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('musenor_museums', '0003_body_block_library'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='museumtheme',
            name='translation_key',
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='museumtheme',
            name='locale',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale'),
        ),
    ]
