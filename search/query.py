"""The query parser: what a visitor types becomes Wagtail search query objects.

Visitor text is never handed to a search backend as a string. A string goes
into SQLite's FTS5 ``MATCH`` expression and PostgreSQL's ``tsquery`` with only
part of their syntax escaped (an odd number of ``"`` breaks FTS5, a NUL byte
breaks both databases), so every search input of the site goes through
:func:`parse_query`, which builds the query from ``wagtail.search.query``
objects whose words hold letters and digits only.

The syntax it understands, and nothing else::

    grande guerre            both words (the last one also as a prefix)
    "grande guerre"          the phrase; also with « », “ ” or „ “
    verne OR dix             either word (``OR`` in capitals, between two items)
    verne AND dix            both words (``AND`` is what items mean anyway)
    verne -lune              the first word, not the second (only beside a
                             positive item: ``-lune`` alone finds nothing)
    verne -"de la lune"      excludes what holds all of these words, together
                             or not (the PostgreSQL backend cannot negate a phrase)

Anything else (``*``, ``^``, ``:``, parentheses, ``NEAR``, ``NOT``) is
plain text: punctuation separates words, operator-like words are words.
"""

import re
import unicodedata
from dataclasses import dataclass

from wagtail.search.query import And, Not, Or, Phrase, PlainText

#: Characters kept from what a visitor sends; the rest is cut off.
MAX_QUERY_LENGTH = 200
#: Words and phrases in one query; the rest are ignored.
MAX_ITEMS = 16

_OR = "OR"
_OPERATORS = {"AND", _OR}
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"'})
# Letters and digits of any script; underscores and punctuation separate words.
_WORD = re.compile(r"[^\W_]+")
# A phrase (an optional minus, then quotes; an unclosed quote runs to the end)
# or a plain item (an optional minus, then a run of characters up to a space or quote).
_TOKEN = re.compile(r'(-?)"([^"]*)(?:"|$)|(-?)([^\s"]+)')


def clean_text(value, max_length=MAX_QUERY_LENGTH):
    """Visitor text made safe to show and to search: a str, NFKC-normalised,
    without control, format, private-use, unassigned characters or lone
    surrogates, whitespace collapsed, at most ``max_length`` characters."""
    if value is None:
        return ""
    # Cut early so that a huge input costs little: what follows strips some
    # characters, rarely three out of four.
    text = str(value)[: max_length * 4]
    # Lone surrogates cannot be encoded; drop them before anything else.
    text = text.encode("utf-8", "ignore").decode("utf-8")
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    return " ".join(text.split())[:max_length].strip()


def words_of(text):
    """The words of ``text``: runs of letters and digits of any script."""
    return _WORD.findall(text)


@dataclass(frozen=True)
class _Item:
    words: tuple[str, ...]
    phrase: bool = False
    negated: bool = False
    # This item is joined to the previous one by OR.
    or_previous: bool = False

    def query(self):
        text = " ".join(self.words)
        return Phrase(text) if self.phrase else PlainText(text)


def _items(text):
    """The words and phrases of ``text``, in order, with their operators."""
    items = []
    pending_or = False
    for match in _TOKEN.finditer(text.translate(_QUOTES)):
        phrase_minus, phrase, minus, token = match.groups()
        if not minus and token in _OPERATORS:
            # AND is what items mean anyway; OR joins the items on each side.
            pending_or = token == _OR and bool(items)
            continue
        words = tuple(_WORD.findall(phrase if token is None else token))
        if not words:
            continue
        items.append(
            _Item(
                words,
                phrase=token is None,
                negated=bool(phrase_minus or minus),
                or_previous=pending_or,
            )
        )
        pending_or = False
    return items[:MAX_ITEMS]


def _all_words(words):
    """What a negated item excludes: pages holding every one of its words.

    Not a Phrase (the PostgreSQL backend ignores Not() around a Phrase and
    searches the phrase itself) and not one PlainText of several words (that
    backend negates each word, excluding pages with any of them): one PlainText
    per word under an And, which both database backends negate as a whole.
    """
    if len(words) == 1:
        return PlainText(words[0])
    return And([PlainText(word) for word in words])


def parse_query(value, *, max_length=MAX_QUERY_LENGTH):
    """A ``wagtail.search.query`` object for visitor text, or None when it has no word.

    Consecutive plain words make one ``PlainText`` (all of them must match);
    phrases are ``Phrase``; items joined by ``OR`` make an ``Or``; negated items
    are ``Not`` inside the top-level ``And`` and are dropped when nothing
    positive remains (a search never means "everything but").
    """
    items = _items(clean_text(value, max_length))
    groups = []  # lists of positive items joined by OR
    negated = []
    for item in items:
        if item.negated:
            negated.append(item)
        elif item.or_previous and groups:
            groups[-1].append(item)
        else:
            groups.append([item])
    if not groups:
        return None
    parts = []
    plain_words = []
    for group in groups:
        if len(group) == 1 and not group[0].phrase:
            plain_words += group[0].words
        else:
            parts.append(
                Or([item.query() for item in group]) if len(group) > 1 else group[0].query()
            )
    if plain_words:
        parts.insert(0, PlainText(" ".join(plain_words)))
    parts += [Not(_all_words(item.words)) for item in negated]
    return parts[0] if len(parts) == 1 else And(parts)
