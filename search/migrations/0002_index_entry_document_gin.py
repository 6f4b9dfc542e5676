"""A GIN index on ``title || body`` of Wagtail's search index entries (PostgreSQL only).

Wagtail's PostgreSQL backend matches a query against the two vectors joined;
its own GIN indexes cover each column alone, which that expression cannot use.
With this index a search reads the entries that hold its words instead of
every entry (:mod:`musenor.search.postgres`). Nothing to do on SQLite, whose
FTS5 table is its own index.
"""

from django.db import migrations

from musenor.site.migration_operations import RunSQLOnPostgreSQL

INDEX = "musenor_indexentry_document_gin"


class Migration(migrations.Migration):
    dependencies = [
        ("musenor_search", "0001_french_search_config"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        RunSQLOnPostgreSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
