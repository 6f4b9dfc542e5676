"""The boolean query language of the collection search, without a database."""

import random
import string

import pytest
from django.utils import translation

from musenor.plugins.notices.search.query import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    Group,
    Negation,
    Term,
    parse,
    terms,
)


@pytest.fixture(autouse=True)
def in_english():
    """The messages are asserted in English, the catalogues' source language."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ('("sport") AND (beaux-arts [Domaine])', "sport AND (beaux arts) [Domaine]"),
        ("huile sur toile [Technique]", "huile sur toile [Technique]"),
        ("a [TECH] OR b [techniques]", "a [Technique] OR b [Technique]"),
        ("portrait NOT (anonyme [Auteur])", "portrait AND NOT anonyme [Auteur]"),
        ("portrait SAUF anonyme", "portrait AND NOT anonyme"),
        ("chat ET chien OU oiseau", "(chat AND chien) OR oiseau"),
        ("chat OR chien oiseau", "chat OR (chien oiseau)"),
        ('"Grande Guerre" -affiche', '"Grande Guerre" AND NOT affiche'),
        ("« Grande Guerre »", '"Grande Guerre"'),
        ("(a OR b) [DOMN] c", "(a [Domaine] OR b [Domaine]) AND c"),
        ("vase [Dénomination]", "vase [Dénomination]"),
        ("vase [denomination]", "vase [Dénomination]"),
        ("Lille [Musée]", "Lille [Musée]"),
        ("NOT NOT chat", "chat"),
        ("chat and chien", "chat and chien"),
    ],
)
def test_the_syntax_of_the_former_portal(text, reading):
    parsed = parse(text)
    assert parsed.reading == reading
    assert parsed.messages == []


def test_the_tree_of_the_example_of_the_issue():
    parsed = parse('("sport") AND (beaux-arts [Domaine])')
    assert parsed.node == Group("AND", (Term(("sport",)), Term(("beaux", "arts"), field="domain")))


def test_a_phrase_keeps_its_words_together_and_a_field_applies_to_a_group():
    parsed = parse('"huile sur toile" [Technique] -(vase OR assiette) [Dénomination]')
    assert parsed.node == Group(
        "AND",
        (
            Term(("huile", "sur", "toile"), phrase=True, field="technique"),
            Negation(
                Group(
                    "OR",
                    (
                        Term(("vase",), field="denomination"),
                        Term(("assiette",), field="denomination"),
                    ),
                )
            ),
        ),
    )


@pytest.mark.parametrize(
    ("text", "reading", "message"),
    [
        ("(sport OR", "sport", "was not closed"),
        ("sport) peinture", "sport AND peinture", "no opening one"),
        ('"Grande Guerre', '"Grande Guerre"', "quotation mark"),
        ("peinture [Domane]", "peinture [Domaine]", "read as [Domaine]"),
        ("peinture [Couleur]", "peinture", "There is no field “Couleur”"),
        ("sport AND", "sport", "needs something on each side"),
        ("OR sport", "sport", "needs something on each side"),
        ("sport OR OR foot", "sport OR foot", "needs something on each side"),
        ("sport NOT", "sport", "must come before"),
        ("[Domaine] peinture", "peinture", "comes after the words"),
        ("peinture [Domaine", "peinture [Domaine]", "had no “]”"),
        ("sport () foot", "sport AND foot", "Empty parentheses"),
        ("NOT peinture [Domaine]", "NOT peinture [Domaine]", "every other record"),
        ("AND OR NOT", "", "no word to look for"),
        ("*** ^^ :", "", "no word to look for"),
    ],
)
def test_a_malformed_query_gets_a_message_and_its_closest_reading(text, reading, message):
    parsed = parse(text)
    assert parsed.reading == reading
    assert any(message in str(m) for m in parsed.messages), parsed.messages


def test_limits_on_length_terms_and_depth():
    assert len(parse("x" * 5000).text) == MAX_QUERY_LENGTH
    assert "cut" in str(parse("mot " * 200).messages[0])
    parsed = parse(" OR ".join(f"mot{i}" for i in range(40)))
    assert len(terms(parsed.node)) == MAX_TERMS
    assert any("Only the first" in str(m) for m in parsed.messages)
    # Deep nesting neither recurses without end nor loses the word.
    assert parse("(" * 40 + "chat" + ")" * 40).reading == "chat"


ALPHABET = string.ascii_letters + string.digits + ' "()[]-«»“”\x00\t*:^\\' + "éÉàç"
TOKENS = ["AND", "OR", "NOT", "ET", "OU", "SAUF", "[Domaine]", "[Auteur]", "[x", "(", ")", '"', "-"]


def test_fuzzing_never_raises_and_the_reading_reads_the_same():
    """Any text gives a reading; reading the reading gives it back, with no message."""
    rng = random.Random(8)
    for _ in range(3000):
        parts = [
            rng.choice(TOKENS)
            if rng.random() < 0.4
            else "".join(rng.choices(ALPHABET, k=rng.randint(1, 6)))
            for _ in range(rng.randint(0, 12))
        ]
        text = " ".join(parts) if rng.random() < 0.7 else "".join(parts)
        parsed = parse(text)
        again = parse(parsed.reading)
        assert again.node == parsed.node, (text, parsed.reading, again.reading)
        for term in terms(parsed.node):
            assert term.words and all(word.isalnum() for word in term.words)
