"""The collection search's query language: the boolean syntax of the former portal.

What visitors of the former Joconde-style portal type, and what this module reads::

    ("sport") AND (beaux-arts [Domaine])
    huile sur toile [Technique] OR aquarelle [Technique]
    portrait NOT (anonyme [Auteur])
    "Grande Guerre" -affiche

- Words next to each other must all be found; ``"..."`` (or « », “ ”) is a phrase.
- ``AND``/``ET``, ``OR``/``OU``, ``NOT``/``SAUF`` in capitals, and ``-`` before an
  item; ``AND`` binds tighter than ``OR``; parentheses group.
- ``[Field]`` after an item (a run of words, a phrase or a parenthesised group)
  restricts it to that field: the French names of the former portal (Domaine,
  Auteur, Titre, Dénomination, Période, Technique, Musée, Lieu…), their Joconde
  codes (DOMN, AUTR…) or English names, in any case, with or without accents.

Nothing a visitor types is an error: :func:`parse` always returns the closest
reading it can make of the text, and a message for each thing it had to read
differently (an unclosed parenthesis, an unknown field, an operator with
nothing on one side...). Every word goes through the core's
:func:`musenor.search.query.clean_text` and holds only letters and digits, so
no visitor text reaches a search backend's own syntax.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

from musenor.search.query import clean_text, words_of

#: Characters kept from what a visitor sends (the core's site search keeps 200).
MAX_QUERY_LENGTH = 300
#: Words or phrases in one query; the rest are ignored.
MAX_TERMS = 16
#: Nested parentheses; deeper ones are read as one level.
MAX_DEPTH = 8


@dataclass(frozen=True)
class SearchField:
    key: str
    #: How the field is written in queries and in the reading shown back.
    label: str
    aliases: tuple[str, ...]


#: The fields a ``[qualifier]`` may name, in the order the help lists them.
FIELDS = (
    SearchField("title", "Titre", ("titre", "titr", "appellation", "appl", "title")),
    SearchField("author", "Auteur", ("auteur", "autr", "artiste", "author", "artist")),
    SearchField("domain", "Domaine", ("domaine", "domn", "domain")),
    SearchField("denomination", "Dénomination", ("denomination", "deno", "objet")),
    SearchField("period", "Période", ("periode", "peri", "siecle", "period", "century")),
    SearchField("technique", "Technique", ("technique", "techniques", "tech", "materiaux")),
    SearchField("museum", "Musée", ("musee", "museo", "museum", "ville")),
    SearchField("place", "Lieu", ("lieu", "lieux", "place")),
    SearchField("school", "École", ("ecole", "ecol", "school", "pays")),
    SearchField("epoch", "Époque", ("epoque", "epoq", "style", "epoch")),
    SearchField("subject", "Sujet", ("sujet", "repr", "representation", "subject")),
    SearchField("inventory", "Inventaire", ("inventaire", "inv", "numero", "inventory", "ref")),
    SearchField("description", "Description", ("description", "desc")),
)
FIELDS_BY_KEY = {f.key: f for f in FIELDS}


def _fold(text):
    """Lower case, without accents or spaces: how field names are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


_ALIASES = {alias: f.key for f in FIELDS for alias in (*f.aliases, _fold(f.label))}

_OPERATORS = {"AND": "AND", "ET": "AND", "OR": "OR", "OU": "OR", "NOT": "NOT", "SAUF": "NOT"}
_QUOTES = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"'})
# A phrase (unclosed: to the end), a qualifier (unclosed: to the end), a parenthesis,
# a minus glued to what follows, or a run of other characters.
_TOKEN = re.compile(
    r'"(?P<phrase>[^"]*)(?P<phrase_end>"?)|\[(?P<field>[^\]]*)(?P<field_end>]?)|(?P<paren>[()])|(?P<minus>-)(?=[^\s-])|(?P<text>[^\s"()\[\]]+)'
)


# --- the tree ------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """Words that must all be found (a phrase: together, in this order), in one field or all."""

    words: tuple[str, ...]
    phrase: bool = False
    #: A key of :data:`FIELDS`, or None for every searched field.
    field: str | None = None


@dataclass(frozen=True)
class Group:
    """``AND`` or ``OR`` of two or more nodes."""

    operator: str
    children: tuple


@dataclass(frozen=True)
class Negation:
    child: object


def terms(node):
    """The :class:`Term` objects of ``node``, left to right."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Negation):
        return terms(node.child)
    if isinstance(node, Group):
        return [t for child in node.children for t in terms(child)]
    return []


def render(node, parent=None):
    """``node`` written back in the query language: the reading shown to the visitor."""
    if isinstance(node, Term):
        text = " ".join(node.words)
        if node.phrase or (len(node.words) > 1 and parent is not None):
            text = f'"{text}"' if node.phrase else f"({text})"
        if node.field:
            text = f"{text} [{FIELDS_BY_KEY[node.field].label}]"
        return text
    if isinstance(node, Negation):
        return f"NOT {render(node.child, 'NOT')}"
    if isinstance(node, Group):
        text = f" {node.operator} ".join(render(child, node.operator) for child in node.children)
        return f"({text})" if parent is not None else text
    return ""


def _group(operator, children):
    children = [c for c in children if c is not None]
    flat = []
    for child in children:
        # (a AND b) AND c is a AND b AND c.
        if isinstance(child, Group) and child.operator == operator:
            flat.extend(child.children)
        else:
            flat.append(child)
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else Group(operator, tuple(flat))


def _qualify(node, key):
    """``node`` with ``key`` as the field of every term that has none yet."""
    if isinstance(node, Term):
        return node if node.field else replace(node, field=key)
    if isinstance(node, Negation):
        return Negation(_qualify(node.child, key))
    return Group(node.operator, tuple(_qualify(c, key) for c in node.children))


# --- reading a text -----------------------------------------------------------------


@dataclass
class ParsedQuery:
    """What :func:`parse` read: the tree (None for no words at all), what it had to
    read differently, and the reading written back (``str(parsed)``)."""

    text: str
    node: object = None
    messages: list = field(default_factory=list)

    @property
    def reading(self):
        return render(self.node)

    @property
    def changed(self):
        """True when the reading is not what the visitor typed (once spaces and quotes agree)."""
        return _fold(self.reading) != _fold(self.text)

    def __str__(self):
        return self.reading

    def __bool__(self):
        return self.node is not None


@dataclass(frozen=True)
class _Token:
    kind: str  # "word", "phrase", "field", "(", ")", "AND", "OR", "NOT"
    value: object = None
    closed: bool = True


def _words(text):
    # A word spelt like an operator (``x-OR``, ``"ET"``) is a word: lower case, as
    # searches ignore case anyway, so that the reading written back reads the same.
    return tuple(w.lower() if w in _OPERATORS else w for w in words_of(text))


def _tokens(text):
    for match in _TOKEN.finditer(text.translate(_QUOTES)):
        if match["phrase"] is not None:
            yield _Token("phrase", _words(match["phrase"]), bool(match["phrase_end"]))
        elif match["field"] is not None:
            yield _Token("field", match["field"].strip(), bool(match["field_end"]))
        elif match["paren"]:
            yield _Token(match["paren"])
        elif match["minus"]:
            yield _Token("NOT", "-")
        elif match["text"] in _OPERATORS:
            yield _Token(_OPERATORS[match["text"]], match["text"])
        else:
            found = _words(match["text"])
            if found:
                yield _Token("word", found)


class _Parser:
    """Recursive descent with recovery: every input gives a tree or None, and messages."""

    def __init__(self, text):
        self.tokens = list(_tokens(text))
        self.position = 0
        self.messages = []
        self.term_count = 0
        self.notes = set()

    def note(self, key, message):
        # One message of a kind is enough.
        if key not in self.notes:
            self.notes.add(key)
            self.messages.append(message)

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def at_end_of_group(self, depth):
        token = self.peek()
        return token is None or (token.kind == ")" and depth > 0)

    def parse(self):
        node = self.parse_or(0)
        return node

    def parse_or(self, depth):
        children = [self.parse_and(depth)]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            if self.at_end_of_group(depth) or self.peek().kind in ("OR", "AND"):
                self.note(
                    "dangling-or",
                    _("“%(operator)s” needs something on each side; it was left out.")
                    % {"operator": token.value},
                )
                continue
            right = self.parse_and(depth)
            if (children[-1] is None or right is None) and self.term_count <= MAX_TERMS:
                self.note(
                    "dangling-or",
                    _("“%(operator)s” needs something on each side; it was left out.")
                    % {"operator": token.value},
                )
            children.append(right)
        return _group("OR", children)

    def parse_and(self, depth):
        children = []
        while True:
            token = self.peek()
            if token is None or token.kind == "OR":
                break
            if token.kind == ")":
                if depth > 0:
                    break
                self.take()
                self.note(
                    "extra-close", _("A closing parenthesis had no opening one; it was left out.")
                )
                continue
            if token.kind == "AND":
                self.take()
                nxt = self.peek()
                if not children or nxt is None or nxt.kind in ("OR", "AND", ")"):
                    self.note(
                        "dangling-and",
                        _("“%(operator)s” needs something on each side; it was left out.")
                        % {"operator": token.value},
                    )
                continue
            children.append(self.parse_unary(depth))
        return _group("AND", children)

    def parse_unary(self, depth):
        token = self.peek()
        if token.kind == "NOT":
            self.take()
            if self.at_end_of_group(depth) or self.peek().kind in ("OR", "AND"):
                self.note(
                    "dangling-not",
                    _("“%(operator)s” must come before what it excludes; it was left out.")
                    % {"operator": token.value},
                )
                return None
            child = self.parse_unary(depth)
            if child is None:
                return None
            # NOT NOT a is a.
            return child.child if isinstance(child, Negation) else Negation(child)
        return self.parse_qualified(depth)

    def parse_qualified(self, depth):
        node = self.parse_primary(depth)
        while (token := self.peek()) is not None and token.kind == "field":
            self.take()
            key = self.field_key(token)
            if node is None:
                self.note(
                    "lone-field",
                    _(
                        "“[%(field)s]” comes after the words to look for in that field; "
                        "it was left out."
                    )
                    % {"field": token.value},
                )
            elif key is not None:
                node = _qualify(node, key)
        return node

    def field_key(self, token):
        if not token.closed:
            self.note("unclosed-field", _("A “[” had no “]”; the field name runs to the end."))
        key = _ALIASES.get(_fold(token.value))
        if key is None:
            names = [f.label for f in FIELDS]
            close = difflib.get_close_matches(_fold(token.value), list(_ALIASES), n=1, cutoff=0.75)
            if close:
                key = _ALIASES[close[0]]
                self.note(
                    f"field-{token.value}",
                    _("There is no field “%(field)s”: read as [%(closest)s].")
                    % {"field": token.value, "closest": FIELDS_BY_KEY[key].label},
                )
            else:
                self.note(
                    f"field-{token.value}",
                    _(
                        "There is no field “%(field)s”, so every field was searched. "
                        "Fields: %(fields)s."
                    )
                    % {"field": token.value, "fields": ", ".join(names)},
                )
        return key

    def add_term(self, term):
        self.term_count += 1
        if self.term_count > MAX_TERMS:
            self.note(
                "too-many",
                _("Only the first %(count)s words or phrases were searched.")
                % {"count": MAX_TERMS},
            )
            return None
        return term

    def parse_primary(self, depth):
        token = self.take()
        if token.kind == "(" and depth >= MAX_DEPTH:
            self.note("too-deep", _("Parentheses nested too deep were left out."))
            return None
        if token.kind == "(":
            inner = self.parse_or(depth + 1)
            closing = self.peek()
            if closing is not None and closing.kind == ")":
                self.take()
            else:
                self.note(
                    "unclosed-paren",
                    _("A parenthesis was not closed; it was closed at the end."),
                )
            if inner is None:
                self.note("empty-paren", _("Empty parentheses were left out."))
            return inner
        if token.kind == "phrase":
            if not token.closed:
                self.note(
                    "unclosed-quote",
                    _("A quotation mark was not closed; it was closed at the end."),
                )
            if not token.value:
                return None
            return self.add_term(Term(token.value, phrase=len(token.value) > 1))
        if token.kind == "word":
            found = list(token.value)
            # A run of words with no operator between them is one term:
            # ``huile sur toile [Technique]``.
            while (nxt := self.peek()) is not None and nxt.kind == "word":
                found += self.take().value
            return self.add_term(Term(tuple(found)))
        if token.kind == "field":
            self.position -= 1
            return None
        # Operators are handled by the callers; ``)`` at depth 0 by parse_and.
        return None


def parse(value, *, max_length=MAX_QUERY_LENGTH):
    """Read ``value`` (anything a visitor sent) as a :class:`ParsedQuery`; never raises."""
    longer = clean_text(value, max_length * 2)
    text = longer[:max_length].strip()
    cut = len(longer) > max_length
    parser = _Parser(text)
    node = parser.parse()
    parsed = ParsedQuery(text=text, node=node, messages=parser.messages)
    if cut:
        parsed.messages.insert(
            0, _("The query was cut to its first %(count)s characters.") % {"count": max_length}
        )
    if node is None and text:
        parsed.messages.append(_("The query holds no word to look for."))
    elif isinstance(node, Negation) or (
        isinstance(node, Group)
        and node.operator == "AND"
        and all(isinstance(c, Negation) for c in node.children)
    ):
        parsed.messages.append(
            _("The query only says what to leave out: every other record is shown.")
        )
    return parsed
