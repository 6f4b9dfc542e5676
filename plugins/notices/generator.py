"""A seeded generator of Joconde-shaped object records, for tests, the demo and benchmarks.

The same seed gives the same records, row for row. The records look like the
exports museums send: the Joconde field codes of ``reference/joconde.md``,
multi-valued cells separated by ``;``, vocabulary values written as inventory
software writes them (case, trailing dots, spaces), and a share of dirty rows
(mojibake, missing required fields, near-duplicate inventory numbers) that an
import must report rather than swallow.

Nothing here touches the database: the museums are given by the caller
(``MuseumRef`` from the museum directory, see the ``generate_notices`` command).
Files are written streamed (CSV row by row, XLSX in openpyxl's write-only
mode), so a 300 MB file costs no more memory than a small one.
"""

import csv
import io
import random
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = [
    "FIELDS",
    "GeneratorOptions",
    "MuseumRef",
    "generate_records",
    "jpeg_bytes",
    "write_csv",
    "write_photos_zip",
    "write_xlsx",
]

FIELDS = [
    "REF",
    "INV",
    "MUSEO",
    "DOMN",
    "DENO",
    "TITR",
    "AUTR",
    "ECOL",
    "PERI",
    "MILL",
    "TECH",
    "DIMS",
    "INSC",
    "DESC",
    "REPR",
    "LIEUX",
    "STAT",
    "DACQ",
    "HIST",
    "LOCA",
    "PHOT",
    "COPY",
    "REFIM",
    "DMIS",
    "DMAJ",
]


@dataclass(frozen=True)
class MuseumRef:
    """A museum of the directory as the generator needs it: its name, Muséofile code, pk."""

    name: str
    museo: str = ""
    pk: int | None = None


@dataclass
class GeneratorOptions:
    """Shares of dirty rows, between 0 and 1.

    ``variants``: a vocabulary value written another way (case, trailing dot,
    spaces). ``mojibake``: UTF-8 read as Latin-1 in a text field.
    ``missing``: a required field left empty (the row must be rejected).
    ``unknown``: a vocabulary value no thesaurus knows. ``photos``: rows with a
    REFIM. ``ref``: rows that carry a REF.
    """

    variants: float = 0.15
    mojibake: float = 0.01
    missing: float = 0.005
    unknown: float = 0.02
    photos: float = 0.6
    ref: float = 0.5


# Vocabulary values as they appear in real Joconde records (POP); the records
# engineer's reference tables are seeded with the same canonical spellings.
DOMAINS = {
    "peinture": (
        ["tableau", "peinture murale", "esquisse"],
        ["huile sur toile", "huile sur bois", "tempera", "gouache"],
    ),
    "dessin": (
        ["dessin", "étude", "carnet de croquis"],
        ["mine de plomb", "fusain", "sanguine", "lavis", "aquarelle", "pastel"],
    ),
    "estampe": (["estampe", "affiche"], ["eau-forte", "burin", "lithographie", "gravure sur bois"]),
    "sculpture": (
        ["statue", "statuette", "buste", "bas-relief"],
        ["marbre", "bronze", "terre cuite", "plâtre", "bois sculpté"],
    ),
    "archéologie": (
        ["fibule", "vase", "outil", "monnaie", "tesson"],
        ["céramique", "bronze", "silex taillé", "verre"],
    ),
    "céramique": (
        ["assiette", "plat", "vase", "pichet"],
        ["faïence", "porcelaine", "grès", "terre vernissée"],
    ),
    "arts décoratifs": (
        ["coffret", "miroir", "pendule", "chaise"],
        ["bois", "laiton", "marqueterie", "dorure"],
    ),
    "costume - accessoires du costume": (
        ["robe", "coiffe", "éventail", "bonnet"],
        ["soie", "dentelle", "coton", "broderie"],
    ),
    "ethnologie": (
        ["outil", "jouet", "ex-voto", "enseigne"],
        ["bois", "fer forgé", "osier", "cuir"],
    ),
    "histoire naturelle": (
        ["spécimen", "fossile", "herbier"],
        ["naturalisation", "minéral", "papier"],
    ),
    "photographie": (
        ["photographie", "plaque de verre", "tirage"],
        ["tirage argentique", "gélatino-bromure d'argent", "albumine"],
    ),
    "sciences et techniques": (
        ["instrument de mesure", "machine", "maquette"],
        ["laiton", "acier", "bois", "verre"],
    ),
    "textile": (["tapisserie", "échantillon", "dentelle"], ["lin", "laine", "soie", "coton"]),
    "numismatique": (["monnaie", "médaille", "jeton"], ["argent", "bronze", "or", "cuivre"]),
    "vie domestique": (
        ["pot", "lampe", "fer à repasser", "moule"],
        ["fer", "étain", "cuivre", "grès"],
    ),
}
PERIODS = [
    ("Néolithique", None),
    ("Age du bronze", None),
    ("Epoque gallo-romaine", None),
    ("Moyen Age", None),
    ("16e siècle", (1500, 1599)),
    ("17e siècle", (1600, 1699)),
    ("18e siècle", (1700, 1799)),
    ("1er quart 19e siècle", (1800, 1824)),
    ("2e moitié 19e siècle", (1850, 1899)),
    ("4e quart 19e siècle", (1875, 1899)),
    ("1er quart 20e siècle", (1900, 1924)),
    ("2e quart 20e siècle", (1925, 1949)),
    ("2e moitié 20e siècle", (1950, 1999)),
]
SCHOOLS = ["France", "Flandres", "Pays-Bas", "Italie", "Allemagne", "Espagne", "Angleterre"]
AUTHORS = [
    "anonyme",
    "Corot Jean-Baptiste Camille",
    "Boudin Eugène",
    "Carpeaux Jean-Baptiste",
    "Matisse Henri",
    "Léger Fernand",
    "Breton Jules",
    "La Tour Maurice Quentin de",
    "Watteau Antoine",
    "Millet Jean-François",
    "Rodin Auguste",
    "Claudel Camille",
]
SUBJECTS = [
    "portrait",
    "paysage",
    "scène de genre",
    "nature morte",
    "figure mythologique",
    "scène biblique",
    "marine",
    "animal",
    "architecture",
    "ornement",
]
PLACES = ["Lille", "Amiens", "Arras", "Beauvais", "Laon", "Calais", "Boulogne-sur-Mer", "Paris"]
STATUSES = [
    "propriété de la commune",
    "propriété de l'Etat",
    "dépôt de l'Etat",
    "propriété du département",
    "propriété d'une association",
]
UNKNOWN = ["peinture sur verre églomisé", "technique mixte inconnue", "objet non identifié", "xx"]
TITLE_WORDS = [
    "Portrait de femme",
    "Paysage au moulin",
    "Vue du port",
    "Nature morte aux fruits",
    "La moisson",
    "Le retour des pêcheurs",
    "Étude de mains",
    "Tête de jeune homme",
    "Vase à décor floral",
    "Fibule zoomorphe",
    "Bouquet de fleurs",
    "Scène de marché",
    "L'Annonciation",
    "Allégorie de l'été",
]
DESCRIPTION = [
    "Signé en bas à droite.",
    "Cadre en bois doré d'origine.",
    "Restauration ancienne visible au revers.",
    "Inscription au revers à l'encre.",
    "Trouvé lors des fouilles de 1976.",
    "Œuvre déposée au musée après la guerre.",
    "Décor peint à la main, légères usures.",
]


def _variant(rng, value):
    """The same vocabulary value as another database would write it."""
    choice = rng.randrange(5)
    if choice == 0:
        return value.capitalize() + "."
    if choice == 1:
        return value.upper()
    if choice == 2:
        return f" {value} "
    if choice == 3:
        return value + "."
    return value.capitalize()


def _mojibake(value):
    """UTF-8 bytes read as Latin-1: 'Étude' becomes 'Ã‰tude'."""
    return value.encode("utf-8").decode("cp1252", errors="replace")


def _inventory(rng, year, number, serial):
    style = serial % 4
    if style == 0:
        return f"{year}.{number}.{serial % 7 + 1}"
    if style == 1:
        return f"Inv. {year}-{number}"
    if style == 2:
        return f"D.{year}.{number}"
    return f"{year}.0.{number}"


def generate_records(
    count: int,
    museums: list[MuseumRef],
    seed: int = 1,
    options: GeneratorOptions | None = None,
) -> Iterator[dict[str, str]]:
    """Yield ``count`` records, dicts of Joconde code to cell text, seeded by ``seed``.

    Records are spread over ``museums`` (a few large collections, many small
    ones, as in the network). Inventory numbers are unique per museum except
    for the rows deliberately made near-duplicates.
    """
    if not museums:
        raise ValueError("The generator needs at least one museum of the directory.")
    options = options or GeneratorOptions()
    rng = random.Random(seed)  # noqa: S311 (seeded on purpose: reproducible data)
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(museums))]
    domains = list(DOMAINS)
    for serial in range(count):
        museum = rng.choices(museums, weights)[0]
        domain = rng.choice(domains)
        denominations, techniques = DOMAINS[domain]
        period, years = rng.choice(PERIODS)
        year = rng.randint(1890, 2024)
        inventory = _inventory(rng, year, serial + 1, serial)
        row = dict.fromkeys(FIELDS, "")
        ref = ""
        if rng.random() < options.ref:
            ref = f"{(museum.pk or 0) % 100:02d}G{serial:08d}"[:11]
        technique = rng.sample(techniques, k=min(len(techniques), rng.randint(1, 2)))
        deno = rng.choice(denominations)
        if rng.random() < options.variants:
            technique = [_variant(rng, t) for t in technique]
            deno = _variant(rng, deno)
        if rng.random() < options.unknown:
            technique.append(rng.choice(UNKNOWN))
        title = rng.choice(TITLE_WORDS)
        description = " ".join(rng.sample(DESCRIPTION, k=rng.randint(1, 3)))
        if rng.random() < options.mojibake:
            description = _mojibake(description)
        height, width = rng.randint(5, 250), rng.randint(5, 250)
        row.update(
            REF=ref,
            INV=inventory,
            MUSEO=museum.museo,
            DOMN=domain if rng.random() > options.variants else _variant(rng, domain),
            DENO=deno,
            TITR=title,
            AUTR=rng.choice(AUTHORS),
            ECOL=rng.choice(SCHOOLS),
            PERI=period,
            MILL=str(rng.randint(*years)) if years else "",
            TECH=" ; ".join(technique),
            DIMS=f"Hauteur en cm {height} ; Largeur en cm {width}",
            INSC=rng.choice(["", "signature", "date", "monogramme"]),
            DESC=description,
            REPR=" ; ".join(rng.sample(SUBJECTS, k=rng.randint(0, 2))),
            LIEUX=rng.choice(["", *PLACES]),
            STAT=rng.choice(STATUSES),
            DACQ=str(rng.randint(1850, 2024)),
            HIST=rng.choice(["", "Don de la famille en 1921.", "Achat en vente publique."]),
            LOCA=museum.name,
            PHOT=rng.choice(["", "© Musée", "Photo : service des musées"]),
            COPY=rng.choice(["", "domaine public", "© ADAGP"]),
            DMIS=f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        )
        if rng.random() < options.photos:
            stem = inventory.replace(" ", "").replace("/", "-")
            images = [f"{stem}.jpg"]
            if rng.random() < 0.3:
                images.append(f"{stem}_2.jpg")
            row["REFIM"] = ";".join(f"{name},{title}" for name in images)
        if rng.random() < options.missing:
            row[rng.choice(["INV", "DOMN", "STAT"])] = ""
        yield row


def write_csv(
    path_or_handle,
    rows: Iterable[dict[str, str]],
    delimiter: str = ";",
    encoding: str = "utf-8",
    fields: list[str] | None = None,
) -> int:
    """Write ``rows`` as a Joconde CSV, streamed; returns the number of rows.

    Characters the encoding lacks ('œ' in ISO-8859-1) are written as '?', as
    inventory software does when it exports to Latin-1.
    """
    fields = fields or FIELDS
    own = isinstance(path_or_handle, (str, bytes)) or hasattr(path_or_handle, "__fspath__")
    handle = (
        open(path_or_handle, "w", encoding=encoding, errors="replace", newline="")  # noqa: SIM115
        if own
        else io.TextIOWrapper(path_or_handle, encoding=encoding, errors="replace", newline="")
    )
    try:
        writer = csv.DictWriter(handle, fields, delimiter=delimiter, extrasaction="ignore")
        writer.writeheader()
        written = 0
        for row in rows:
            writer.writerow(row)
            written += 1
        return written
    finally:
        if own:
            handle.close()
        else:
            handle.flush()
            handle.detach()


def write_xlsx(path, rows: Iterable[dict[str, str]], fields: list[str] | None = None) -> int:
    """Write ``rows`` as an XLSX workbook (one sheet, codes in the first row), streamed."""
    from openpyxl import Workbook

    fields = fields or FIELDS
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("notices")
    sheet.append(fields)
    written = 0
    for row in rows:
        sheet.append([row.get(field, "") for field in fields])
        written += 1
    workbook.save(path)
    return written


def jpeg_bytes(seed: int, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small JPEG of a seeded colour gradient."""
    from PIL import Image

    rng = random.Random(seed)  # noqa: S311 (seeded on purpose: reproducible data)
    base = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
    image = Image.new("RGB", size, base)
    stripe = Image.new("RGB", (size[0] // 3, size[1]), tuple(255 - c for c in base))
    image.paste(stripe, (rng.randrange(size[0] // 2), 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70)
    return out.getvalue()


def write_photos_zip(path, rows: Iterable[dict[str, str]], broken: set[str] = frozenset()) -> int:
    """Write a ZIP of one generated JPEG per file name of the rows' REFIM; returns the count.

    Names in ``broken`` get bytes that are not an image, for import tests.
    """
    seen = set()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for row in rows:
            for entry in (row.get("REFIM") or "").split(";"):
                name = entry.split(",")[0].strip()
                if not name or name in seen:
                    continue
                seen.add(name)
                data = b"not an image" if name in broken else jpeg_bytes(len(seen))
                archive.writestr(name, data)
    return len(seen)
