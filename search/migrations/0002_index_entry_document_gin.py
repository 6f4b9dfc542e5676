"""A GIN index on ``title || body`` of Wagtail's search index entries (PostgreSQL only).

Wagtail's PostgreSQL backend matches a query against the two vectors joined;
its own GIN indexes cover each column alone, which that expression cannot use.
With this index a search reads the entries that hold its words instead of
every entry (:mod:`musenor.search.postgres`). Nothing to do on SQLite, whose
FTS5 table is its own index.
"""

from django.db import migrations

INDEX = "musenor_indexentry_document_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("musenor_search", "0001_french_search_config"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
