"""The Ministry of Culture's Muséofile list, matched to the network's museums.

``site/data/museofile-hdf.csv`` is the open Muséofile list for the
Hauts-de-France (street address, postcode, telephone, website, the building's
coordinates). Its names are not the network's: “musée municipal” in Cambrai is
the network's “Musée des Beaux-Arts de Cambrai”. So the facts are never
copied by name alone:

1. :func:`propose_matches` pairs the rows of both lists town by town, on
   normalised names (accents, case, punctuation and the generic words “musée”,
   “municipal”… removed), and pairs what is left when a town has exactly one
   museum on each side;
2. a person reviews the proposal, which is written to
   ``site/data/museofile-matches.csv`` (``manage.py museofile_matches``
   prints it), correcting or removing rows; only that reviewed table is used.

:func:`museum_facts` reads the reviewed table and returns, for each museum of
the network, the facts Muséofile gives, cleaned: a post-office box or an
“apply to the archbishop's office” is not a street address and is left out.
Nothing is invented where Muséofile is silent.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "site" / "data"
MUSEUMS_CSV = DATA_DIR / "museums.csv"
MUSEOFILE_CSV = DATA_DIR / "museofile-hdf.csv"
MATCHES_CSV = DATA_DIR / "museofile-matches.csv"
MATCH_FIELDS = ["name", "city", "museofile_name", "museofile_city", "method"]

# Words that say “a museum” rather than which one.
GENERIC_WORDS = {
    "musee", "musees", "museum", "municipal", "municipale", "de", "du", "des", "la", "le",
    "les", "l", "d", "et", "a", "au", "aux", "en", "sur", "centre", "ancien", "ancienne",
}  # fmt: skip


def fold(text):
    """Lower case, no accents, words separated by single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def name_words(name, city=""):
    """The distinctive words of a museum's name (its town's own words removed)."""
    town = set(fold(city).split())
    return {word for word in fold(name).split() if word not in GENERIC_WORDS | town}


def town_key(city):
    """A town as both lists may write it: “Etaples” and “Étaples-sur-Mer” are one town."""
    words = fold(city).split()
    if words[0] in {"le", "la", "les", "saint", "sainte"}:
        return " ".join(words[:2])
    return words[0]


def read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def similarity(a, b):
    if fold(a["name"]) == fold(b["name"]):
        return 1.0
    words_a, words_b = name_words(a["name"], a["city"]), name_words(b["name"], b["city"])
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


def propose_matches(museums=None, museofile=None):
    """Pairs ``(museum row, Muséofile row, method)`` to review, by town.

    ``method`` is ``name`` (shared distinctive words, best pairs first) or
    ``only-one-left`` (the last museum of a town on each side). Rows without a
    partner are left out.
    """
    museums = read(MUSEUMS_CSV) if museums is None else museums
    museofile = read(MUSEOFILE_CSV) if museofile is None else museofile
    towns = {}
    for row in museums:
        towns.setdefault(town_key(row["city"]), ([], []))[0].append(row)
    for row in museofile:
        towns.setdefault(town_key(row["city"]), ([], []))[1].append(row)
    pairs = []
    for ours, theirs in towns.values():
        scored = sorted(
            ((similarity(a, b), i, j) for i, a in enumerate(ours) for j, b in enumerate(theirs)),
            reverse=True,
        )
        used_ours, used_theirs = set(), set()
        for score, i, j in scored:
            if score > 0 and i not in used_ours and j not in used_theirs:
                pairs.append((ours[i], theirs[j], "name"))
                used_ours.add(i)
                used_theirs.add(j)
        left_ours = [a for i, a in enumerate(ours) if i not in used_ours]
        left_theirs = [b for j, b in enumerate(theirs) if j not in used_theirs]
        if len(left_ours) == 1 and len(left_theirs) == 1:
            pairs.append((left_ours[0], left_theirs[0], "only-one-left"))
    return pairs


def reviewed_matches():
    """The reviewed table: ``{(name, city) of the network: Muséofile row}``."""
    museofile = {(row["name"], row["city"]): row for row in read(MUSEOFILE_CSV)}
    return {
        (row["name"], row["city"]): museofile[(row["museofile_name"], row["museofile_city"])]
        for row in read(MATCHES_CSV)
    }


@dataclass(frozen=True)
class Facts:
    address: str
    postcode: str
    phone: str
    website: str
    latitude: Decimal | None
    longitude: Decimal | None


# A post-office box, or where to write rather than where to go.
NOT_A_PLACE = re.compile(r"^(BP\s*\d+|S'adresser\b.*)$", re.IGNORECASE)
TRAILING_BOX = re.compile(r"\s*[-,]?\s*BP\s*\d+$", re.IGNORECASE)


def clean_address(value):
    value = " ".join((value or "").split())
    if NOT_A_PLACE.match(value):
        return ""
    return TRAILING_BOX.sub("", value)


def clean_phone(value):
    """A French number written the French way: “03 27 82 27 90”; a note is kept after it."""
    value = " ".join((value or "").split())
    match = re.match(r"^(?:\+?33\s*\(0\)\s*|0)(\d(?:\s*\d{2}){4})(.*)$", value)
    if not match:
        return value
    digits = re.sub(r"\D", "", match.group(1))
    number = "0" + digits[0] + " " + " ".join(digits[i : i + 2] for i in range(1, 9, 2))
    return (number + match.group(2)).strip()


def clean_website(value):
    """A valid http(s) address, or nothing.

    One entry doubles its scheme (“https://hhttps://…”): the address after the
    last scheme is the one meant.
    """
    from django.core.exceptions import ValidationError
    from django.core.validators import URLValidator

    value = (value or "").strip()
    schemes = [match.start() for match in re.finditer(r"https?://", value)]
    if len(schemes) > 1:
        value = value[schemes[-1] :]
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


def facts_of(row):
    def decimal(value):
        return Decimal(value).quantize(Decimal("0.00001")) if value else None

    return Facts(
        address=clean_address(row["address"]),
        postcode=(row["postal_code"] or "").strip(),
        phone=clean_phone(row["phone"]),
        website=clean_website(row["website"]),
        latitude=decimal(row["latitude"]),
        longitude=decimal(row["longitude"]),
    )


def museum_facts():
    """``{(name, city) of the network: Facts}`` for every reviewed match."""
    return {key: facts_of(row) for key, row in reviewed_matches().items()}


def unmatched():
    """The rows of each list that the reviewed table leaves without a partner."""
    matches = read(MATCHES_CSV)
    ours = {(row["name"], row["city"]) for row in matches}
    theirs = {(row["museofile_name"], row["museofile_city"]) for row in matches}
    return (
        [row for row in read(MUSEUMS_CSV) if (row["name"], row["city"]) not in ours],
        [row for row in read(MUSEOFILE_CSV) if (row["name"], row["city"]) not in theirs],
    )
