"""Demo content: the MuséoSciences exhibitions and a few of today's (data/exhibitions.csv).

Runs after the operations' demo module: exhibitions are linked to the museum
pages of the directory (found by title and city) and to their operation.
``CURRENT`` holds exhibitions invented for the demo, dated around
November 2026, so that the "current" and "upcoming" sections are not empty.
"""

import csv
from datetime import date
from pathlib import Path

from django.utils.text import slugify

from musenor.site.demo import publish_child

from .choices import ExhibitionKind
from .models import ExhibitionIndexPage, ExhibitionPage

DATA = Path(__file__).resolve().parent / "data"

INDEX = {
    "title": "Expositions",
    "intro": (
        "Les expositions des musées du réseau : celles qui sont ouvertes, celles qui "
        "s'annoncent, et toutes celles qui ont marqué nos opérations."
    ),
}

KINDS = {
    "exposition": ExhibitionKind.EXHIBITION,
    "focus": ExhibitionKind.FOCUS,
    "exposition virtuelle": ExhibitionKind.VIRTUAL,
    "exposition hors les murs": ExhibitionKind.OFF_SITE,
    "parcours permanent": ExhibitionKind.PERMANENT,
    "programme en ligne": ExhibitionKind.ONLINE,
}

SUMMARIES = {
    "Regarder les nuages : pour une histoire de l'art du paysage": (
        "Des ciels de la peinture ancienne aux relevés des météorologues, la manière dont les "
        "artistes ont observé et représenté les nuages."
    ),
    "Cosmos, silence ça tourne !": (
        "Planètes, fusées et voyages dans l'espace : le cosmos vu par les artistes et par le "
        "cinéma, dans les collections du LAAC."
    ),
    "Un autre monde /// dans notre monde": (
        "Les œuvres de la collection du FRAC Grand Large qui dialoguent avec les sciences, "
        "entre fiction et observation du réel."
    ),
    "La momie dorée d'Antinoé": (
        "Hors les murs, le musée de Boulogne-sur-Mer présente une momie d'époque romaine "
        "découverte à Antinoé, en Égypte, et ce que les sciences en apprennent aujourd'hui."
    ),
    "De l'image reproductible à la préphotographie": (
        "Avant la photographie, comment reproduire une image ? Estampes, procédés optiques et "
        "premières expériences, de la gravure au daguerréotype."
    ),
    "Éphéméride virtuel": (
        "Chaque jour d'octobre 2020, une découverte scientifique ou technique liée à la mine, "
        "publiée en ligne par le Centre historique minier."
    ),
    "Coquillages, de la science au kitsch": (
        "Des cabinets de curiosités aux souvenirs de bord de mer, les coquillages vus par les "
        "naturalistes, les nacriers et les amateurs de bibelots."
    ),
    "La médecine de guerre en 1914-1918": (
        "Une exposition virtuelle sur la médecine de la Grande Guerre : chirurgie, ambulances "
        "et soins aux blessés de la face."
    ),
    "Henri Dupuis, 200 ans de passion": (
        "Le collectionneur Henri Dupuis et ses cabinets d'histoire naturelle : deux siècles de "
        "passion pour les oiseaux, les coquillages et les minéraux."
    ),
    "Eadweard Muybridge : Toilet, putting on a dress and turning around": (
        "Un focus sur une planche de Muybridge, pionnier de la décomposition du mouvement par "
        "la photographie."
    ),
    "Les secrets de Modigliani": (
        "Ce que l'imagerie scientifique révèle des œuvres de Modigliani conservées au LaM : "
        "dessins sous-jacents, repentirs et techniques du peintre."
    ),
    "Le cabinet de curiosités des musées d'Amiens": (
        "Un parcours permanent qui réunit coquillages, minéraux, objets d'art et curiosités "
        "des collections amiénoises, à la manière des cabinets d'autrefois."
    ),
    "Esquisses d'une œuvre. Le dessein de Francis Tattegrain": (
        "Dessins, esquisses et tableaux de Francis Tattegrain, le peintre de Berck et de ses "
        "pêcheurs."
    ),
}

# Invented for the demo (not in the association's documents): dated around
# 22 November 2026 so that the index shows current and upcoming exhibitions.
CURRENT = [
    {
        "title": "Arras, reconstruire la ville (1918-1934)",
        "museum": ("Musée des Beaux-Arts d'Arras", "Arras"),
        "start": date(2026, 10, 3),
        "end": date(2027, 2, 28),
        "kind": ExhibitionKind.EXHIBITION,
        "operation": "Musées et Reconstructions",
        "summary": (
            "Plans d'architectes, photographies et maquettes racontent comment Arras a relevé "
            "ses places et son abbaye Saint-Vaast après la Grande Guerre."
        ),
        "body": (
            "<p>L'exposition suit les architectes, les artisans et les habitants qui ont "
            "reconstruit la ville, de l'armistice aux années 1930.</p>"
            "<p>Visites commentées le premier dimanche du mois à 15 h.</p>"
        ),
        "tags": ["reconstruction", "architecture", "Grande Guerre"],
    },
    {
        "title": "Focus : un métier Leavers remis en marche",
        "museum": ("Cité internationale de la dentelle et de la mode", "Calais"),
        "start": date(2026, 11, 7),
        "end": date(2027, 1, 3),
        "kind": ExhibitionKind.FOCUS,
        "operation": "",
        "summary": (
            "Restauré par les équipes du musée, un métier à dentelle Leavers reprend du service "
            "sous les yeux des visiteurs, avec les gestes des tullistes."
        ),
        "body": (
            "<p>Démonstrations du mercredi au dimanche à 11 h et à 16 h, en compagnie d'un "
            "ancien tulliste.</p>"
        ),
        "tags": ["dentelle", "textile", "savoir-faire"],
    },
    {
        "title": "Saint-Quentin, des ruines à la ville Art déco",
        "museum": ("Musée Antoine Lécuyer", "Saint-Quentin"),
        "start": date(2027, 2, 13),
        "end": date(2027, 6, 6),
        "kind": ExhibitionKind.EXHIBITION,
        "operation": "Musées et Reconstructions",
        "summary": (
            "Détruite à la fin de la Grande Guerre, la ville s'est reconstruite dans le goût Art "
            "déco : façades, vitraux et mobilier racontent cette renaissance."
        ),
        "body": "",
        "tags": ["reconstruction", "Art déco"],
    },
]


def read_exhibitions():
    with open(DATA / "exhibitions.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def parse_date(value):
    return date.fromisoformat(value) if value else None


def load(home, seed, stdout):
    from musenor.pages.museums.models import MuseumPage
    from musenor.pages.operations.models import OperationPage

    index = publish_child(home, ExhibitionIndexPage, "expositions", show_in_menus=True, **INDEX)
    operations = {
        page.title: page for page in OperationPage.objects.filter(locale=home.locale).live()
    }

    def museum(title, city):
        page = MuseumPage.objects.filter(title=title, city=city, locale=home.locale).first()
        if page is None:
            stdout.write(f"Exhibitions: no museum page “{title}” in {city}.")
        return page

    def operation(title):
        if title and title not in operations:
            stdout.write(f"Exhibitions: no operation page “{title}”.")
        return operations.get(title) if title else None

    entries = [
        {
            "title": row["title"],
            "museum": (row["museum"], row["city"]),
            "start": parse_date(row["start"]),
            "end": parse_date(row["end"]),
            "kind": KINDS[row["kind"]],
            "operation": row["operation"],
            "summary": SUMMARIES[row["title"]],
            "body": "",
            "tags": [],
        }
        for row in read_exhibitions()
    ] + CURRENT
    for entry in entries:
        page_museum = museum(*entry["museum"])
        body = [("text", entry["body"])] if entry["body"] else []
        page = publish_child(
            index,
            ExhibitionPage,
            slugify(entry["title"])[:80],
            title=entry["title"],
            start_date=entry["start"],
            end_date=entry["end"],
            kind=entry["kind"],
            summary=entry["summary"],
            operation=operation(entry["operation"]),
            museums=[page_museum] if page_museum else [],
            # Without its museum the page still says where it is.
            venue="" if page_museum else ", ".join(entry["museum"]),
            body=body,
        )
        if set(page.tags.names()) != set(entry["tags"]):
            page.tags.set(entry["tags"])
            page.save_revision().publish()
    stdout.write(f"Exhibitions: {len(entries)} exhibitions ({len(CURRENT)} invented for the demo).")
