"""Demo content: two circuits across the network's museums.

Museums are looked up in the directory by name (``site/data/museums.csv``). So
that the circuits show opening days, the demo gives the museums it uses their
usual opening hours, but only to a museum that has none yet: hours an editor
entered are never overwritten.
"""

from datetime import time

from musenor.pages.museums.models import MuseumPage, OpeningHours
from musenor.site.demo import publish_child

from .models import CircuitIndexPage, CircuitPage, CircuitStop

INDEX = {
    "title": "Circuits",
    "intro": (
        "Plusieurs musées en une journée ou un week-end : des itinéraires avec les distances, "
        "les jours d'ouverture et une carte, à imprimer avant de partir."
    ),
}

HISTORIAL = "Historial de la Grande Guerre"
FROMELLES = "Musée de la Bataille de Fromelles"
BLERANCOURT = "Musée franco-américain"
LOUVRE_LENS = "Louvre-Lens"
LEWARDE = "Centre historique minier"
ESCAUDAIN = "Musée de la mine et des traditions populaires"

ALL_WEEK = range(7)
# weekday → [(opens, closes)], Monday = 0; a museum of the demo without hours keeps none.
HOURS = {
    HISTORIAL: (ALL_WEEK, [(time(9, 30), time(18))], "Fermé de mi-décembre à mi-janvier."),
    FROMELLES: ((0, 2, 3, 4, 5, 6), [(time(9, 30), time(17, 30))], ""),
    BLERANCOURT: (
        (0, 2, 3, 4, 5, 6),
        [(time(10), time(12, 30)), (time(14), time(17, 30))],
        "Les jardins restent ouverts le mardi.",
    ),
    LOUVRE_LENS: (
        (0, 2, 3, 4, 5, 6),
        [(time(10), time(18))],
        "Fermé le 1er janvier, 1er mai et 25 décembre.",
    ),
    LEWARDE: (
        ALL_WEEK,
        [(time(9), time(17, 30))],
        "Dernière descente au fond 1 h 30 avant la fermeture.",
    ),
}

CIRCUITS = [
    {
        "slug": "sur-les-traces-de-la-grande-guerre",
        "title": "Sur les traces de la Grande Guerre",
        "theme": "Mémoire de la Première Guerre mondiale",
        "intro": (
            "Du front de Flandre à la Somme et jusqu'aux portes de l'Aisne, trois musées pour "
            "comprendre comment les soldats et les civils ont vécu la guerre de 1914-1918, et "
            "comment on s'en souvient."
        ),
        "duration_days": 2,
        "practical_info": (
            "<ul><li>Une voiture est indispensable : les trois musées sont éloignés et mal "
            "desservis en transports en commun le week-end.</li>"
            "<li>Nuit conseillée à Péronne, à mi-chemin.</li>"
            "<li>Complétez la visite par les cimetières et mémoriaux proches de chaque musée, "
            "en accès libre.</li></ul>"
        ),
        "body": [
            ("heading", {"text": "Un front, trois regards", "level": "h2"}),
            (
                "text",
                "<p>À Fromelles, la bataille d'une nuit ; à Péronne, l'histoire culturelle de "
                "la guerre vue par les Français, les Britanniques et les Allemands ; à "
                "Blérancourt, l'engagement des volontaires américaines auprès des civils.</p>",
            ),
        ],
        "stops": [
            (
                FROMELLES,
                "Ouvert en 2014 près du cimetière de Pheasant Wood, le musée raconte la bataille "
                "du 19 juillet 1916, l'une des plus meurtrières pour les troupes australiennes.",
                90,
                1,
            ),
            (
                HISTORIAL,
                "Dans le château de Péronne, les collections comparent les sociétés française, "
                "britannique et allemande en guerre. Ne manquez pas les fosses où reposent les "
                "uniformes et équipements des soldats.",
                150,
                1,
            ),
            (
                BLERANCOURT,
                "Anne Morgan installa au château de Blérancourt les volontaires américaines qui "
                "secoururent la population de l'Aisne dévastée, à partir de 1917. Le musée "
                "retrace l'amitié franco-américaine.",
                120,
                2,
            ),
        ],
    },
    {
        "slug": "le-bassin-minier",
        "title": "Le bassin minier",
        "theme": "Patrimoine mondial de l'UNESCO",
        "intro": (
            "Inscrit au patrimoine mondial de l'UNESCO en 2012, le bassin minier du Nord et du "
            "Pas-de-Calais se visite aussi par ses musées : de l'art universel posé sur un "
            "ancien carreau de fosse à la descente dans les galeries."
        ),
        "duration_days": 2,
        "practical_info": (
            "<ul><li>Prévoyez des vêtements chauds pour la visite des galeries de Lewarde.</li>"
            "<li>Le Louvre-Lens est desservi par la navette gratuite depuis la gare de Lens.</li>"
            "<li>Le petit musée d'Escaudain a des horaires réduits : téléphonez avant de "
            "venir.</li></ul>"
        ),
        "body": [],
        "stops": [
            (
                LOUVRE_LENS,
                "Construit sur l'ancien carreau de la fosse 9 des mines de Lens, le musée "
                "présente dans la Galerie du temps cinq mille ans d'histoire de l'art.",
                180,
                1,
            ),
            (
                LEWARDE,
                "Sur le site de l'ancienne fosse Delloye, la visite des galeries reconstituées "
                "montre comment le travail au fond a changé, du pic au marteau-piqueur.",
                180,
                2,
            ),
            (
                ESCAUDAIN,
                "Les objets de la vie quotidienne des familles de mineurs : la maison, l'école, "
                "la fête. Une visite courte pour finir.",
                60,
                2,
            ),
        ],
    },
]


def _museums():
    names = {name for circuit in CIRCUITS for name, *_rest in circuit["stops"]}
    found = {}
    for page in MuseumPage.objects.filter(title__in=names, locale__language_code="fr"):
        found.setdefault(page.title, page)
    return found


def _give_hours(museum):
    if museum.title not in HOURS or museum.opening_hours.exists():
        return
    days, slots, note = HOURS[museum.title]
    for weekday in days:
        for opens, closes in slots:
            museum.opening_hours.add(OpeningHours(weekday=weekday, opens=opens, closes=closes))
    if note and not museum.opening_hours_note:
        museum.opening_hours_note = note
    museum.save_revision().publish()


def load(home, seed, stdout):
    index = publish_child(home, CircuitIndexPage, "circuits", show_in_menus=True, **INDEX)
    museums = _museums()
    for museum in museums.values():
        _give_hours(museum)
    for circuit in CIRCUITS:
        fields = {k: v for k, v in circuit.items() if k not in ("slug", "stops")}
        stops = []
        for name, note, minutes, day in circuit["stops"]:
            if name not in museums:
                stdout.write(f"Circuits: no museum “{name}” in the directory, stop left out.")
                continue
            stops.append(
                CircuitStop(
                    museum=museums[name],
                    note=note,
                    suggested_minutes=minutes,
                    day=day,
                    sort_order=len(stops),
                )
            )
        fields["stops"] = stops
        publish_child(index, CircuitPage, circuit["slug"], **fields)
    stdout.write(f"Circuits: {len(CIRCUITS)} circuits.")
