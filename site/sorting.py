"""Sorting French names as a reader expects: "Étaples" among the E, not after Z.

Both databases sort text by code point by default (SQLite always; PostgreSQL
with the C collation), which puts every accented capital after "Z".
:func:`sort_key` is the key for lists sorted in Python; :class:`SortKey` the
same order in a query, on SQLite (a function registered on each connection)
and PostgreSQL (``unaccent``, the extension the search's migration installs).
"""

import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import Func, TextField
from django.dispatch import receiver


def fold(text):
    """``text`` without case or accents: what French alphabetical order compares first."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def sort_key(text):
    """Accents and case ignored first, then used to break ties ("Étaples" < "Eu" < "Évin")."""
    text = str(text or "")
    return (fold(text), text.casefold(), text)


class SortKey(Func):
    """``expression`` folded as :func:`fold` does, to ``order_by`` (then by the field itself)."""

    function = "musenor_fold"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="lower(unaccent(%(expressions)s))")


@receiver(connection_created)
def register_fold(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("musenor_fold", 1, fold, deterministic=True)
