"""A narrow index of the public records' ids, museums and photo flags (PostgreSQL only).

The collection search counts its facets over the public records
(``live AND cleared_for_publication``). Read from the table, whose rows hold
every Joconde field, that is a scan of the whole collection; read from this
partial index, which carries the three columns the counts need, PostgreSQL
answers from the index alone (an index-only scan, once autovacuum has visited
the table). SQLite has no covering indexes: nothing to do there.
"""

from django.db import migrations

INDEX = "musenor_notices_record_public_ids"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("musenor_notices", "Record")._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} (id) INCLUDE (museum_id, has_image) "
            "WHERE live AND cleared_for_publication"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("musenor_notices", "0004_admin_imports")]

    operations = [migrations.RunPython(create, drop)]
