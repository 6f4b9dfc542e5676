"""The query parser, and every search input of the site fed hostile text.

The hostile inputs run against the real database backend of the test run:
SQLite's FTS5 by default, PostgreSQL's tsquery when DATABASE_URL names one.
"""

from urllib.parse import quote_from_bytes

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from musenor.pages.museums.factories import make_museum
from musenor.search.query import MAX_ITEMS, MAX_QUERY_LENGTH, clean_text, parse_query

HOSTILE = [
    '"',
    '"""',
    'Grande "Guerre',
    "\x00",
    "guerre\x00",
    "*",
    "guerre*",
    "-",
    "--",
    "-guerre",
    "NEAR",
    "NEAR(grande guerre)",
    "grande NEAR/2 guerre",
    "AND OR",
    "OR",
    "NOT guerre",
    "guerre AND",
    "(",
    ")",
    "(grande OR",
    "^",
    "^guerre",
    ":",
    "title:guerre",
    "{title body}: guerre",
    "'",
    "'guerre'",
    "\\",
    "%",
    "_",
    "!guerre & | <-> :*",
    "x" * 10_000,
    "guerre " * 2_000,
    "😀",
    "Grande 🎖️ Guerre",
    "\ud800",
    "guerre\udfff",
    "\u202egreuG",
    "\u200b",
    "ｇｕｅｒｒｅ",
    "\x1b[31mguerre",
    "\r\n\t",
]


def words(query):
    """A readable form of a parsed query, for assertions."""
    if isinstance(query, PlainText):
        return query.query_string
    if isinstance(query, Phrase):
        return f'"{query.query_string}"'
    if isinstance(query, Not):
        return ("NOT", words(query.subquery))
    if isinstance(query, (And, Or)):
        return (type(query).__name__.upper(), *[words(q) for q in query.subqueries])
    raise AssertionError(query)


# --- the parser -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("grande guerre", "grande guerre"),
        ('"Grande Guerre"', '"Grande Guerre"'),
        ("« Grande Guerre »", '"Grande Guerre"'),
        ("“Grande Guerre”", '"Grande Guerre"'),
        ('musée "Grande Guerre" Péronne', ("AND", "musée Péronne", '"Grande Guerre"')),
        ('"Grande Guerre', '"Grande Guerre"'),  # an unclosed quote runs to the end
        ("verne OR dix", ("OR", "verne", "dix")),
        ("verne AND dix", "verne dix"),
        ("verne -lune", ("AND", "verne", ("NOT", "lune"))),
        ('verne -"de la lune"', ("AND", "verne", ("NOT", ("AND", "de", "la", "lune")))),
        ("beaux-arts", "beaux arts"),
        ("l'imaginaire", "l imaginaire"),
        ("NEAR(grande guerre)", "NEAR grande guerre"),
        ("title:guerre^2*", "title guerre 2"),
        ("a\x00b", "ab"),
        ("Grande 🎖️ Guerre", "Grande Guerre"),
        ("ｇｕｅｒｒｅ", "guerre"),
    ],
)
def test_parse_query(text, expected):
    assert words(parse_query(text)) == expected


@pytest.mark.parametrize(
    "text", ["", None, '"', "-", "-guerre", "*", "AND OR", "😀", "\ud800", "\x00", '""', "()"]
)
def test_text_without_a_word_to_find_is_no_query(text):
    assert parse_query(text) is None


def test_text_is_cleaned_and_bounded():
    assert clean_text(" a\x00b\tc\r\nd\u200b\ud800 ") == "ab c d"
    assert len(clean_text("x" * 10_000)) == MAX_QUERY_LENGTH
    assert clean_text("x" * 50, max_length=10) == "x" * 10
    query = parse_query(" ".join(f'"w{n}"' for n in range(100)))
    assert len(query.subqueries) == MAX_ITEMS


def test_no_word_of_a_parsed_query_holds_search_syntax():
    for text in HOSTILE:
        query = parse_query(text)
        stack = [query] if query is not None else []
        while stack:
            node = stack.pop()
            if isinstance(node, (PlainText, Phrase)):
                assert all(char.isalnum() or char == " " for char in node.query_string), text
            elif isinstance(node, Not):
                stack.append(node.subquery)
            else:
                stack.extend(node.subqueries)


# --- every search input of the site ---------------------------------------------------


@pytest.fixture
def museums(directory):
    with translation.override("fr"):
        return {
            "peronne": make_museum(
                directory,
                title="Historial de Péronne",
                city="Péronne",
                summary="Le musée de la Grande Guerre, au pied du château.",
            ),
            "other": make_museum(
                directory,
                title="Musée de la guerre froide",
                city="Lille",
                summary="Une grande collection d'objets de la guerre froide.",
            ),
        }


def listed(response):
    return [museum.title for museum in response.context["museums"]]


def found(response):
    return [page.title for page in response.context["search_results"]]


@pytest.mark.django_db
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_breaks_a_search(client, museums, directory, text):
    # Lone surrogates reach the server as the bytes a careless encoder sends.
    query = "q=" + quote_from_bytes(text.encode("utf-8", "surrogatepass"))
    search = client.get(f"{reverse('search')}?{query}")
    assert search.status_code == 200
    listing = client.get(f"{directory.url}?{query}")
    assert listing.status_code == 200


@pytest.mark.django_db
def test_a_quoted_phrase_finds_the_words_together(client, museums, directory):
    both = ["Historial de Péronne", "Musée de la guerre froide"]
    assert sorted(found(client.get(reverse("search"), {"q": "grande guerre"}))) == both
    assert found(client.get(reverse("search"), {"q": '"Grande Guerre"'})) == [
        "Historial de Péronne"
    ]
    assert found(client.get(reverse("search"), {"q": "« grande guerre »"})) == [
        "Historial de Péronne"
    ]
    assert found(client.get(reverse("search"), {"q": 'guerre -"guerre froide"'})) == [
        "Historial de Péronne"
    ]
    assert found(client.get(reverse("search"), {"q": "guerre -château"})) == [
        "Musée de la guerre froide"
    ]
    # The directory matches names and cities by substring, the rest through the index.
    assert listed(client.get(directory.url, {"q": '"Grande Guerre"'})) == ["Historial de Péronne"]
    assert sorted(listed(client.get(directory.url, {"q": "grande guerre"}))) == both


@pytest.mark.django_db
def test_the_search_page_shows_the_cleaned_text(client, museums):
    response = client.get(reverse("search"), {"q": 'grande\x00 "guerre'})
    assert response.context["search_query"] == 'grande "guerre'
    assert "\x00" not in response.content.decode()


# --- the backend beneath every caller ----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("text", ['"', '"""', "\x00", "^(:", "*"])
def test_the_backend_strips_syntax_from_any_caller(museums, text):
    from wagtail.models import Page

    # A string, and query objects built elsewhere (as the Wagtail admin does).
    assert list(Page.objects.live().search(text)) is not None
    query = And([PlainText(text), Phrase(text), Not(PlainText(text + " x"))])
    assert list(Page.objects.live().search(query)) is not None
    # What is left are the words, still found.
    found = Page.objects.live().search(f"{text} Historial {text}")
    assert [page.title for page in found] == ["Historial de Péronne"]


@pytest.mark.django_db
def test_the_admin_search_boxes_survive_quotes_and_nul(client, museums):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser(
        email="staff@musenor.test", password="pw", first_name="A", last_name="B"
    )
    client.force_login(user)
    for url in ("/admin/pages/search/", "/admin/documents/", "/admin/choose-page/search/"):
        for text in ('"', "a%00b", "%22Grande%20Guerre"):
            assert client.get(f"{url}?q={text}").status_code == 200, (url, text)
    response = client.get("/admin/pages/search/?q=%22Historial%22%00")
    assert "Historial de Péronne" in response.content.decode()
