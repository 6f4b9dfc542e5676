"""How the site search reads French: stems without accents, the same on every database.

PostgreSQL indexes and queries through the ``musenor_french`` text search
configuration (migration ``0001_french_search_config``): ``unaccent`` then the
Snowball ``french_stem`` dictionary. SQLite's FTS5 has neither, so the SQLite
backend (``musenor.search.database``) passes the indexed text and every word of
a query through :func:`normalise`: lower case, accents removed, then the same
Snowball French stemmer, in PostgreSQL's order. "Broderies", "broderie" and
"BRODERIE" all become ``broder``; "Musée", "musees" both ``muse``. Outside
phrases, a query leaves out PostgreSQL's French stop words ("de", "la", "les"),
as PostgreSQL does.
"""

import unicodedata
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from .query import words_of

#: The PostgreSQL text search configurations the migration creates: searches,
#: and autocompletion (no stems, no accents).
POSTGRES_CONFIG = "musenor_french"
POSTGRES_AUTOCOMPLETE_CONFIG = "musenor_simple"

_stemmer = snowballstemmer.stemmer("french")


def _stop_words():
    lines = (Path(__file__).parent / "data" / "french_stop.txt").read_text("utf-8").splitlines()
    words = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(words | {strip_accents(word) for word in words})


def strip_accents(text):
    """``text`` without its combining marks ("Étaples" -> "Etaples", "œ" stays)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


STOP_WORDS = _stop_words()


@lru_cache(maxsize=4096)
def stem(word):
    """The search term of one word: lower-cased, without accents, stemmed as French."""
    return _stemmer.stemWord(strip_accents(word.lower()))


def normalise(text, *, drop_stop_words=False):
    """The search terms of ``text``, in order, separated by spaces.

    With ``drop_stop_words``, the stop words are left out unless nothing else
    would be left ("les" alone is still looked for).
    """
    words = words_of(text)
    if drop_stop_words:
        words = [word for word in words if word.lower() not in STOP_WORDS] or words
    return " ".join(stem(word) for word in words)
