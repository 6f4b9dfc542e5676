"""A narrow index of the public records' ids, museums and photo flags (PostgreSQL only).

The collection search counts its facets over the public records
(``live AND cleared_for_publication``). Read from the table, whose rows hold
every Joconde field, that is a scan of the whole collection; read from this
partial index, which carries the three columns the counts need, PostgreSQL
answers from the index alone (an index-only scan, once autovacuum has visited
the table). SQLite has no covering indexes: nothing to do there.
"""

from django.db import migrations

from musenor.site.migration_operations import RunSQLOnPostgreSQL

INDEX = "musenor_notices_record_public_ids"


class Migration(migrations.Migration):
    dependencies = [("musenor_notices", "0004_admin_imports")]

    operations = [
        RunSQLOnPostgreSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON musenor_notices_record (id) "
            "INCLUDE (museum_id, has_image) WHERE live AND cleared_for_publication",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
