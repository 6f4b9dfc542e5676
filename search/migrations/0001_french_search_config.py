"""PostgreSQL's text search configurations for French: accents removed, then stemmed.

``musenor_french`` copies PostgreSQL's ``french`` configuration and puts the
``unaccent`` dictionary before ``french_stem`` for words, so that "Étaples",
"etaples", "broderies" and "broderie" meet. ``musenor_simple`` is ``simple``
with ``unaccent`` before it: autocompletion, which matches the start of words
as written, without stems but without accents either. The search backend
(``musenor.search.database``) indexes and queries with them. Nothing to do on
SQLite (``musenor.search.french`` does the same in Python there).

The unaccent extension is trusted from PostgreSQL 13: the database's owner may
create it. After this migration, ``manage.py wagtail_update_index`` re-indexes
existing pages with the new configuration.
"""

from django.db import migrations

CONFIG = "musenor_french"
AUTOCOMPLETE_CONFIG = "musenor_simple"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.french);
        ALTER TEXT SEARCH CONFIGURATION {CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{AUTOCOMPLETE_CONFIG}') THEN
        CREATE TEXT SEARCH CONFIGURATION {AUTOCOMPLETE_CONFIG} (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION {AUTOCOMPLETE_CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""
DROP = f"""
DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};
DROP TEXT SEARCH CONFIGURATION IF EXISTS {AUTOCOMPLETE_CONFIG};
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create, drop)]
