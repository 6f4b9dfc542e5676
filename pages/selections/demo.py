"""Demo content: "Choisir un musée", three selections and the quiz.

Called by ``manage.py load_demo`` (see :mod:`musenor.site.demo`). Pages are
found by slug, the quiz's answers keep stable ids, so running it again changes
nothing and a shared result link keeps working.
"""

from wagtail.models import Locale

from musenor.pages.museums.models import MuseumIndexPage, MuseumPage, MuseumTheme
from musenor.site.demo import publish_child

from .factories import answer, quiz_questions
from .models import QuizPage, SelectionIndexPage, SelectionMuseum, SelectionPage

INDEX = {
    "slug": "choisir-un-musee",
    "title": "Choisir un musée",
    "intro": (
        "Vous ne savez pas par où commencer ? Laissez-vous guider par nos sélections "
        "thématiques, ou répondez à quelques questions : nous vous proposerons les musées "
        "du réseau qui vous ressemblent."
    ),
}

SELECTIONS = [
    {
        "slug": "memoires-des-deux-guerres",
        "title": "Mémoires des deux guerres mondiales",
        "intro": (
            "Les Hauts-de-France ont été en première ligne en 1914-1918 comme en 1939-1945. "
            "Cinq musées du réseau racontent ces guerres, ceux qui les ont faites et ceux "
            "qui les ont subies."
        ),
        "picked": [
            (
                "Historial de la Grande Guerre",
                "La Première Guerre mondiale vue par trois de ses belligérants : la France, "
                "la Grande-Bretagne et l'Allemagne.",
            ),
            (
                "Musée de la Bataille de Fromelles",
                "La bataille des 19 et 20 juillet 1916, la première des soldats australiens "
                "sur le front occidental.",
            ),
            (
                "Musée franco-américain",
                "L'amitié entre la France et les États-Unis, des volontaires américains à la "
                "reconstruction des régions dévastées.",
            ),
            (
                "Mémorial de l'internement et de la déportation",
                "Sur le site du camp de Royallieu, d'où partirent des convois de déportés "
                "entre 1942 et 1944.",
            ),
            (
                "Musée de la Résistance et de la Déportation de Picardie",
                "La Résistance en Picardie et la mémoire des déportés.",
            ),
        ],
        "themes": [],
        "department": "",
    },
    {
        "slug": "beaux-arts-dans-le-nord",
        "title": "Les beaux-arts dans le Nord",
        "intro": (
            "Peinture flamande, sculpture du XIXe siècle, art moderne : le Nord compte "
            "quelques-unes des plus belles collections de France, de Lille à Cambrai."
        ),
        "picked": [
            (
                "Palais des Beaux-Arts de Lille",
                "L'un des plus grands musées de France : peinture européenne du XVe au XXe "
                "siècle et plans-reliefs des villes fortifiées.",
            ),
        ],
        "themes": ["beaux-arts"],
        "department": "59",
    },
    {
        "slug": "sciences-et-techniques",
        "title": "Sciences, nature et techniques",
        "intro": (
            "Papillons, mines, machines et inventions : des musées où l'on comprend comment "
            "marche le monde, à visiter en famille."
        ),
        "picked": [],
        "themes": ["sciences-et-techniques", "histoire-naturelle"],
        "department": "",
    },
]

ART = "Qu'aimez-vous regarder ?"
QUIZ = {
    "slug": "quel-musee-pour-vous",
    "title": "Quel musée est fait pour vous ?",
    "intro": (
        "Cinq questions, et nous vous proposons les musées du réseau qui vous correspondent "
        "le mieux, en vous disant pourquoi."
    ),
    "questions": [
        (
            "Avec qui venez-vous ?",
            "",
            False,
            [
                answer(
                    "En famille, avec des enfants",
                    themes=["histoire-naturelle", "sciences-et-techniques", "archeologie"],
                ),
                answer("Seul, en couple ou entre amis"),
            ],
        ),
        (
            ART,
            "Plusieurs réponses sont possibles.",
            True,
            [
                answer("Des tableaux et des sculptures", themes=["beaux-arts"], weight=2),
                answer("L'art d'aujourd'hui", themes=["art-moderne-et-contemporain"], weight=2),
                answer(
                    "Les objets du quotidien, la mode et les savoir-faire",
                    themes=["arts-decoratifs", "textile", "ethnographie"],
                    weight=2,
                ),
                answer(
                    "Les sciences, la nature et les machines",
                    themes=["sciences-et-techniques", "histoire-naturelle"],
                    weight=2,
                ),
                answer("L'histoire, les guerres et la mémoire", themes=["histoire"], weight=2),
                answer("Les fouilles et l'Antiquité", themes=["archeologie"], weight=2),
                answer("Les écrivains et les livres", themes=["litterature"], weight=2),
            ],
        ),
        (
            "Où voulez-vous aller ?",
            "",
            False,
            [
                answer("Dans l'Aisne", departments=["02"]),
                answer("Dans le Nord", departments=["59"]),
                answer("Dans l'Oise", departments=["60"]),
                answer("Dans le Pas-de-Calais", departments=["62"]),
                answer("Dans la Somme", departments=["80"]),
                answer("Peu importe"),
            ],
        ),
        (
            "Avez-vous besoin d'un accès adapté ?",
            "Les musées déclarent eux-mêmes leurs aménagements : en cas de doute, appelez-les "
            "avant de venir.",
            True,
            [
                answer(
                    "Je me déplace en fauteuil roulant", features=["wheelchair_access"], weight=2
                ),
                answer("Je suis aveugle ou malvoyant", features=["visual_impairment"], weight=2),
                answer("Je suis sourd ou malentendant", features=["hearing_impairment"], weight=2),
                answer(
                    "J'accompagne une personne en situation de handicap mental",
                    features=["mental_impairment"],
                    weight=2,
                ),
            ],
        ),
        (
            "Quand pensez-vous venir ?",
            "",
            False,
            [
                answer("Un samedi", features=["open_saturday"]),
                answer("Un dimanche", features=["open_sunday"]),
                answer("Un lundi", features=["open_monday"]),
                answer("Je ne sais pas encore"),
            ],
        ),
    ],
}


def load(home, seed, stdout):
    index = publish_child(
        home,
        SelectionIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        intro=INDEX["intro"],
        show_in_menus=True,
    )
    directory = MuseumIndexPage.objects.child_of(home).first()
    museums = {page.title: page for page in MuseumPage.objects.child_of(directory)}
    themes = {
        theme.slug: theme for theme in MuseumTheme.objects.filter(locale=Locale.get_default())
    }
    publish_child(
        index,
        QuizPage,
        QUIZ["slug"],
        title=QUIZ["title"],
        intro=QUIZ["intro"],
        questions=quiz_questions(QUIZ["questions"], key=QUIZ["slug"]),
        body=[
            {
                "type": "call_to_action",
                "value": {
                    "text": "Parcourir tous les musées",
                    "page": directory.pk,
                    "url": "",
                    "description": "Par département, par thème ou par ville.",
                },
            }
        ],
    )
    for data in SELECTIONS:
        publish_child(
            index,
            SelectionPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            department=data["department"],
            themes=[themes[slug] for slug in data["themes"] if slug in themes],
            picked_museums=[
                SelectionMuseum(museum=museums[name], note=note)
                for name, note in data["picked"]
                if name in museums
            ],
        )
    stdout.write(f"Selections: {len(SELECTIONS)} and a quiz under {index.url_path}.")
