"""Demo content: three thematic paths, written as the network's mediators would.

Museums are looked up in the directory by name (``site/data/museums.csv``); a
step whose museum is missing is left out and reported. Works are described as
free text: public-domain works that the museums hold.
"""

from wagtail import blocks

from musenor.pages.museums.models import MuseumPage
from musenor.site.demo import publish_child

from .models import PathIndexPage, ThematicPathPage

PBA_LILLE = "Palais des Beaux-Arts de Lille"
MBA_VALENCIENNES = "Musée des Beaux-Arts de Valenciennes"
PISCINE = "La Piscine - musée d'art et d'industrie André Diligent"

INDEX = {
    "title": "Parcours thématiques",
    "intro": (
        "Des visites pensées par les médiateurs du réseau, étape par étape : en famille, "
        "en classe ou en amateur d'art, choisissez votre parcours."
    ),
}


def text(*paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


PATHS = [
    {
        "slug": "en-famille-au-palais-des-beaux-arts-de-lille",
        "title": "En famille au Palais des Beaux-Arts de Lille",
        "intro": (
            "Une heure et quart pour découvrir l'un des plus grands musées de France avec des "
            "enfants de 6 à 12 ans : des questions à se poser devant les œuvres et un jeu pour "
            "finir."
        ),
        "for_families": True,
        "duration": 75,
        "level": "easy",
        "steps": [
            (
                "museum",
                {
                    "museum": PBA_LILLE,
                    "note": text(
                        "Rendez-vous dans l'atrium, sous les grands lustres. Déposez les "
                        "manteaux au vestiaire : les mains libres, on regarde mieux !"
                    ),
                },
            ),
            (
                "work",
                {
                    "title": "Les Plans-reliefs",
                    "date": "XVIIIe siècle",
                    "museum": PBA_LILLE,
                    "text": text(
                        "Au sous-sol, des villes entières tiennent sur une table : ces maquettes "
                        "servaient aux rois pour préparer la défense des places fortes.",
                        "Cherchez les remparts en forme d'étoile. Combien de pointes comptez-"
                        "vous ? Saurez-vous retrouver l'église la plus haute ?",
                    ),
                },
            ),
            (
                "work",
                {
                    "title": "Les Vieilles (dit aussi Le Temps)",
                    "artist": "Francisco de Goya",
                    "date": "vers 1808–1812",
                    "museum": PBA_LILLE,
                    "text": text(
                        "Deux très vieilles dames se regardent dans un miroir. Derrière elles, "
                        "un vieil homme ailé tient un balai : c'est le Temps.",
                        "Que va-t-il faire de son balai ? Lisez ensemble ce qui est écrit au dos "
                        "du miroir : « Qué tal ? » veut dire « Comment ça va ? ».",
                    ),
                },
            ),
            (
                "text",
                {
                    "title": "À vous de jouer : le détective des animaux",
                    "text": text(
                        "Dans les salles de peinture flamande, partez à la chasse aux animaux : "
                        "un chien, un cheval, un oiseau, un poisson. Le premier qui en trouve "
                        "quatre a gagné !",
                        "Astuce : regardez les coins des tableaux, les peintres y cachent "
                        "souvent des détails.",
                    ),
                },
            ),
            (
                "work",
                {
                    "title": "La Descente de croix",
                    "artist": "Pierre Paul Rubens",
                    "date": "vers 1616–1617",
                    "museum": PBA_LILLE,
                    "text": text(
                        "Un immense tableau, peint pour l'église des Capucins de Lille. Suivez "
                        "le grand drap blanc : il guide votre regard du haut jusqu'en bas.",
                        "Combien de personnes aident à porter Jésus ? Quelles couleurs le "
                        "peintre a-t-il choisies pour leurs habits ?",
                    ),
                },
            ),
            (
                "text",
                {
                    "title": "Avant de partir",
                    "text": text(
                        "Installez-vous sur un banc et dessinez votre œuvre préférée de la "
                        "visite. Les crayons sont prêtés à l'accueil."
                    ),
                },
            ),
        ],
    },
    {
        "slug": "carpeaux-et-watteau-deux-enfants-de-valenciennes",
        "title": "Carpeaux et Watteau, deux enfants de Valenciennes",
        "intro": (
            "Le peintre des fêtes galantes et le sculpteur du Second Empire sont nés à "
            "Valenciennes, à un siècle et demi d'écart. Leur ville conserve des ensembles "
            "remarquables de leurs œuvres : un parcours pour les regarder ensemble."
        ),
        "for_art_lovers": True,
        "duration": 90,
        "level": "intermediate",
        "steps": [
            (
                "museum",
                {
                    "museum": MBA_VALENCIENNES,
                    "note": text(
                        "Commencez par la grande nef des sculptures, au rez-de-chaussée : "
                        "plâtres, terres cuites et marbres de Carpeaux y dialoguent."
                    ),
                },
            ),
            (
                "work",
                {
                    "title": "Ugolin et ses fils",
                    "artist": "Jean-Baptiste Carpeaux",
                    "date": "1860–1862",
                    "museum": MBA_VALENCIENNES,
                    "text": text(
                        "Le comte Ugolin, enfermé avec ses enfants, se ronge les doigts. "
                        "Carpeaux emprunte le sujet à Dante et la puissance des corps à "
                        "Michel-Ange.",
                        "Tournez autour du groupe : chaque point de vue raconte un autre moment "
                        "du drame.",
                    ),
                },
            ),
            (
                "work",
                {
                    "title": "La Danse, esquisse",
                    "artist": "Jean-Baptiste Carpeaux",
                    "date": "1865–1869",
                    "museum": MBA_VALENCIENNES,
                    "text": text(
                        "Le modèle du groupe commandé pour la façade de l'Opéra Garnier. On le "
                        "jugea indécent à l'époque : une bouteille d'encre fut même jetée sur "
                        "le marbre.",
                    ),
                },
            ),
            (
                "text",
                {
                    "title": "Des fêtes galantes aux bals de l'Empire",
                    "text": text(
                        "Watteau (1684–1721) a inventé un genre, la fête galante ; Carpeaux "
                        "(1827–1875) l'admirait au point de lui élever une statue dans leur "
                        "ville natale. Cherchez ce qui les rapproche : le mouvement, la musique, "
                        "le goût de l'instant saisi."
                    ),
                },
            ),
            (
                "work",
                {
                    "title": "Portrait du sculpteur Antoine Pater",
                    "artist": "Antoine Watteau",
                    "date": "vers 1715–1720",
                    "museum": MBA_VALENCIENNES,
                    "text": text(
                        "Un sculpteur valenciennois, père du peintre Jean-Baptiste Pater qui "
                        "fut l'élève de Watteau. Observez la touche rapide du visage et des mains."
                    ),
                },
            ),
        ],
    },
    {
        "slug": "la-piscine-de-roubaix-avec-sa-classe",
        "title": "La Piscine de Roubaix avec sa classe",
        "intro": (
            "Un musée dans une piscine : de quoi étonner les élèves du CP au collège. Un parcours "
            "d'une heure autour du bassin, pensé aussi pour les élèves en "
            "situation de handicap."
        ),
        "for_schools": True,
        "for_accessibility": True,
        "duration": 60,
        "level": "easy",
        "steps": [
            (
                "museum",
                {
                    "museum": PISCINE,
                    "note": text(
                        "Réservez le créneau de la classe auprès du service des publics et "
                        "signalez les besoins particuliers des élèves : le musée adapte la "
                        "visite."
                    ),
                },
            ),
            (
                "text",
                {
                    "title": "Le grand bassin",
                    "text": text(
                        "Construite par l'architecte Albert Baert et inaugurée en 1932, la "
                        "piscine municipale de Roubaix est devenue un musée en 2001. Le bassin "
                        "est toujours là, les sculptures sont posées tout autour.",
                        "Fermez les yeux une minute : entendez-vous l'eau ? Les vitraux en "
                        "forme de soleil levant ont-ils changé de couleur quand vous les "
                        "rouvrez ?",
                    ),
                },
            ),
            (
                "work",
                {
                    "title": "Les cabines de douche et de bain",
                    "date": "1932",
                    "museum": PISCINE,
                    "text": text(
                        "Autrefois, beaucoup d'ouvriers roubaisiens n'avaient pas de salle de "
                        "bains : ils venaient se laver ici. Les cabines accueillent aujourd'hui "
                        "des collections.",
                    ),
                },
            ),
            (
                "text",
                {
                    "title": "Roubaix, ville du textile",
                    "text": text(
                        "Le musée conserve des milliers d'échantillons de tissus des usines "
                        "de la ville. Demandez à toucher les tissus de la mallette pédagogique : "
                        "laine, coton, soie… lequel est le plus doux ?"
                    ),
                },
            ),
        ],
    },
]


def _museums(names):
    found = {}
    for page in MuseumPage.objects.filter(title__in=names, locale__language_code="fr"):
        found.setdefault(page.title, page)
    return found


TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock)


def _raw_steps(steps, museums, stdout):
    raw = []
    stream = ThematicPathPage._meta.get_field("steps").stream_block
    for kind, value in steps:
        # Empty texts as the editor stores them (""), not None: wagtail-localize
        # cannot extract a None text, and the path could not be translated.
        texts = stream.child_blocks[kind].child_blocks.items()
        value = {name: "" for name, block in texts if isinstance(block, TEXT_BLOCKS)} | value
        if "museum" in value:
            museum = museums.get(value["museum"])
            if museum is None and kind == "museum":
                stdout.write(
                    f"Paths: no museum “{value['museum']}” in the directory, step left out."
                )
                continue
            # A work keeps its step when its museum is missing; it just says less.
            value["museum"] = museum.pk if museum is not None else None
        raw.append({"type": kind, "value": value})
    return raw


def load(home, seed, stdout):
    index = publish_child(home, PathIndexPage, "parcours", show_in_menus=True, **INDEX)
    names = {v["museum"] for p in PATHS for _k, v in p["steps"] if "museum" in v}
    museums = _museums(names)
    for path in PATHS:
        fields = {k: v for k, v in path.items() if k not in ("slug", "steps")}
        fields["steps"] = _raw_steps(path["steps"], museums, stdout)
        publish_child(index, ThematicPathPage, path["slug"], **fields)
    stdout.write(f"Thematic paths: {len(PATHS)} paths.")
