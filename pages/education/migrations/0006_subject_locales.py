# Every existing Subject is French, the language of the site's source tree.

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):

    dependencies = [
        ('musenor_education', '0005_subject_translatable_fields'),
    ]

    operations = [
        BootstrapTranslatableModel('musenor_education.Subject'),
    ]
