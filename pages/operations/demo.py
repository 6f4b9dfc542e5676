"""Demo content: the network's "Trésors" operations since 1972 (data/operations.csv).

The introductions are written as the association would present each
operation; MuséoSciences gets its participating museums from the
exhibitions (exhibitions.csv), and a body.
"""

import csv
from pathlib import Path

from django.utils.text import slugify

from musenor.site.demo import publish_child

from .models import OperationIndexPage, OperationPage, Organiser

DATA = Path(__file__).resolve().parent / "data"

INDEX = {
    "title": "Les opérations du réseau",
    "intro": (
        "Depuis 1972, les musées du réseau montent ensemble des opérations «\u00a0Trésors\u00a0» : "
        "un thème, plusieurs années, des expositions dans toute la région."
    ),
}

ORGANISERS = {
    "Nord-Pas de Calais": Organiser.NORD_PAS_DE_CALAIS,
    "Picardie": Organiser.PICARDIE,
    "Nord-Pas de Calais et Picardie": Organiser.BOTH,
    "Hauts-de-France": Organiser.HAUTS_DE_FRANCE,
}

INTROS = {
    "La peinture hollandaise au XVIIe siècle": (
        "La première opération du réseau : les musées du Nord-Pas de Calais réunissent les "
        "tableaux hollandais du Siècle d'or conservés dans leurs salles et leurs réserves."
    ),
    "La peinture française (1770-1830)": (
        "De la fin du règne de Louis XV à la Restauration, la peinture française des musées de "
        "la région, du néoclassicisme aux premiers romantiques."
    ),
    "La peinture flamande au temps de Rubens": (
        "Autour de Rubens et de son atelier, les collections flamandes du XVIIe siècle des "
        "musées du Nord-Pas de Calais."
    ),
    "La peinture française aux XVIIe et XVIIIe siècles": (
        "Du classicisme au siècle des Lumières, les tableaux français des musées de la région "
        "étudiés et présentés ensemble."
    ),
    "La sculpture française de Carpeaux à Matisse": (
        "De Carpeaux le Valenciennois à Matisse, né au Cateau-Cambrésis : un siècle de "
        "sculpture française dans les collections régionales."
    ),
    "Le nord de la France de Théodose à Charles Martel": (
        "L'Antiquité tardive et le haut Moyen Âge dans le nord de la France : objets de "
        "fouilles, parures et monnaies des musées de la région."
    ),
    "La peinture italienne aux XVIIe et XVIIIe siècles : de Carrache à Guardi": (
        "De Bologne à Venise, deux siècles de peinture italienne conservés dans les musées du "
        "Nord-Pas de Calais."
    ),
    "Richesses de la céramique dans les musées de Picardie": (
        "Faïences, porcelaines et grès : les musées de Picardie font découvrir la diversité de "
        "leurs collections de céramique."
    ),
    "La majolique italienne": (
        "Les faïences italiennes de la Renaissance, leurs décors historiés et leurs ateliers, à "
        "travers les collections du Nord-Pas de Calais."
    ),
    "La sculpture française de Matisse à aujourd'hui": (
        "La suite de l'opération de 1982 : la sculpture française du XXe siècle, de Matisse aux "
        "artistes d'aujourd'hui."
    ),
    ("Les salons retrouvés. Éclat de la vie artistique dans la France du nord de 1815 à 1848"): (
        "Les œuvres montrées aux salons des villes du Nord entre 1815 et 1848, retrouvées dans "
        "les musées de la région, font revivre la vie artistique de l'époque."
    ),
    "Dessins français du XIXe siècle dans les musées de Picardie": (
        "Les musées de Picardie ouvrent leurs cartons de dessins : études, esquisses et feuilles "
        "achevées du XIXe siècle."
    ),
    "Océanie : curieux navigateurs et savants": (
        "Les objets rapportés d'Océanie par les navigateurs et les savants, conservés dans les "
        "musées du Nord-Pas de Calais, et l'histoire de leurs voyages."
    ),
    "160 ans de photographie en Nord-Pas de Calais": (
        "Du daguerréotype à l'an 2000, la photographie dans la région à travers les fonds des "
        "musées."
    ),
    ("La peinture nordique 1400-1550 dans les collections des musées du Nord-Pas de Calais"): (
        "Primitifs flamands et peintres de la première Renaissance du Nord : les panneaux peints "
        "entre 1400 et 1550 conservés dans la région."
    ),
    "Les Beffrois de la culture": (
        "Les musées s'associent autour des beffrois, symboles des libertés communales du Nord, "
        "pour une saison culturelle dans toute la région."
    ),
    "Feuille à feuille. Estampe images imprimées": (
        "Gravure sur bois, taille-douce, lithographie : l'estampe sous toutes ses formes dans les "
        "collections des musées du Nord-Pas de Calais."
    ),
    "La Renaissance italienne du 14e au 16e siècle": (
        "Peintures, sculptures et objets d'art de la Renaissance italienne conservés dans la "
        "région, du Trecento au Cinquecento."
    ),
    "Dessiner-Tracer. Le dessin dans tous ses états": (
        "Les musées du Nord-Pas de Calais et de Picardie réunis autour du dessin, de l'esquisse à "
        "l'œuvre achevée, des maîtres anciens aux artistes d'aujourd'hui."
    ),
    "Guerres et Paix": (
        "Pendant le centenaire de la Première Guerre mondiale, les musées explorent la guerre et "
        "la paix dans leurs collections, du front à la reconstruction."
    ),
    "Thomas Couture": (
        "Les musées de Picardie consacrent une opération au peintre Thomas Couture, né à Senlis, "
        "à son œuvre, à son atelier et à ses élèves."
    ),
    "Heures italiennes": (
        "La première opération de la région Hauts-de-France : les tableaux italiens des musées, "
        "étudiés, restaurés et présentés dans tout le réseau."
    ),
    "Napoléon dans les Hauts-de-France": (
        "Le camp de Boulogne, les portraits impériaux, les souvenirs de l'Empire : les musées "
        "racontent Napoléon et son époque dans la région."
    ),
    "MuséoSciences": (
        "Les musées des Hauts-de-France montrent comment les sciences éclairent leurs "
        "collections, de l'astronomie à la médecine, des nuages aux momies."
    ),
    "Textile(s)": (
        "Fibres, dentelles, tissus et vêtements : les musées explorent le textile, art et "
        "industrie de la région."
    ),
    "Musées et Reconstructions": (
        "Après les guerres, les villes et leurs musées se reconstruisent : une opération en cours "
        "sur les reconstructions et les collections sauvées."
    ),
}

MUSEOSCIENCES_BODY = [
    ("heading", {"text": "Les sciences au musée", "level": "h2"}),
    (
        "text",
        "<p>De 2019 à 2022, une douzaine de musées du réseau ont regardé leurs collections avec "
        "les yeux des sciences : l'observation du ciel et des nuages, l'imagerie qui révèle le "
        "dessin sous la peinture, la médecine de guerre, la nacre et les coquillages.</p>"
        "<p>Expositions, focus, parcours permanents et programmes en ligne : chaque musée a "
        "choisi sa forme. Retrouvez-les ci-dessous.</p>",
    ),
]

# The museums of MuséoSciences: those of its exhibitions (exhibitions.csv).
MUSEOSCIENCES_MUSEUMS = [
    ("Centre historique minier", "Lewarde"),
    ("FRAC Grand Large Hauts-de-France", "Dunkerque"),
    ("Historial de la Grande Guerre", "Péronne"),
    ("LAAC", "Dunkerque"),
    (
        "LaM - Lille Métropole musée d'art moderne d'art contemporain et d'art brut",
        "Villeneuve-d'Ascq",
    ),
    ("MUba Eugène Leroy", "Tourcoing"),
    ("Musée de Boulogne-sur-Mer", "Boulogne-sur-Mer"),
    ("Musée de Picardie", "Amiens"),
    ("Musée de l'hôtel Sandelin", "Saint-Omer"),
    ("Musée de la nacre et de la tabletterie", "Méru"),
    ("Musée des Beaux-Arts de Cambrai", "Cambrai"),
    ("Musée du dessin et de l'estampe originale", "Gravelines"),
]

# Invented for the demo, like the exhibitions they go with (see the exhibitions' demo).
RECONSTRUCTIONS_MUSEUMS = [
    ("Musée des Beaux-Arts d'Arras", "Arras"),
    ("Musée Antoine Lécuyer", "Saint-Quentin"),
]


def read_operations():
    with open(DATA / "operations.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def find_museums(pairs, locale, stdout):
    from musenor.pages.museums.models import MuseumPage

    found = []
    for title, city in pairs:
        museum = MuseumPage.objects.filter(title=title, city=city, locale=locale).first()
        if museum is None:
            stdout.write(f"Operations: no museum page “{title}” in {city}; left out.")
        else:
            found.append(museum)
    return found


def load(home, seed, stdout):
    index = publish_child(home, OperationIndexPage, "operations", show_in_menus=True, **INDEX)
    participants = {
        "MuséoSciences": find_museums(MUSEOSCIENCES_MUSEUMS, home.locale, stdout),
        "Musées et Reconstructions": find_museums(RECONSTRUCTIONS_MUSEUMS, home.locale, stdout),
    }
    rows = read_operations()
    for row in rows:
        title = row["title"]
        fields = {
            "title": title,
            "start_year": int(row["start_year"]),
            "end_year": int(row["end_year"]) if row["end_year"] else None,
            "organiser": ORGANISERS[row["organiser"]],
            "intro": INTROS[title],
            "museums": participants.get(title, []),
        }
        if title == "MuséoSciences":
            fields["body"] = MUSEOSCIENCES_BODY
        publish_child(index, OperationPage, slugify(title)[:80], **fields)
    stdout.write(f"Operations: {len(rows)} operations.")
