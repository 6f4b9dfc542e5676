# Every existing MuseumTheme is French, the language of the site's source tree.

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):

    dependencies = [
        ('musenor_museums', '0004_museumtheme_translatable_fields'),
    ]

    operations = [
        BootstrapTranslatableModel('musenor_museums.MuseumTheme'),
    ]
