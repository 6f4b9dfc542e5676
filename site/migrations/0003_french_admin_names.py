"""Wagtail's migrations name its default groups, workflow and task in English ("Editors",
"Moderators", "Moderators approval"), and the French admin shows those names as they are:
they are data, not translatable strings. They get French names here.

A name already taken (a group created by hand with the French name) is left alone.
"""

from django.db import migrations

GROUPS = {"Editors": "Rédacteurs", "Moderators": "Rédacteurs en chef"}
WORKFLOW = {"Moderators approval": "Validation avant publication"}


def rename(model, names):
    for old, new in names.items():
        if not model.objects.filter(name=new).exists():
            model.objects.filter(name=old).update(name=new)


def to_french(apps, schema_editor):
    rename(apps.get_model("auth", "Group"), GROUPS)
    rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOW)
    rename(apps.get_model("wagtailcore", "Task"), WORKFLOW)


def to_english(apps, schema_editor):
    rename(apps.get_model("auth", "Group"), {new: old for old, new in GROUPS.items()})
    back = {new: old for old, new in WORKFLOW.items()}
    rename(apps.get_model("wagtailcore", "Workflow"), back)
    rename(apps.get_model("wagtailcore", "Task"), back)


class Migration(migrations.Migration):
    dependencies = [
        ("musenor_site", "0002_sitelinks"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_french, to_english)]
