"""Demo content: the association's news of 2026, as its communication officer wrote them.

Runs after the operations' and the standard pages' demo modules: the call for
“Musées et Reconstructions” links to the operation page and to its campaign
page. The facts are those of ``site/data`` and ``pages/*/data``; the people,
the meeting dates and the figures not found there are invented for the demo.
"""

from datetime import date

from django.utils.text import slugify

from musenor.site.demo import publish_child

from .models import NewsIndexPage, NewsPage

AUTHOR = "Claire Vasseur, chargée de communication"

INDEX = {
    "title": "Actualités",
    "intro": (
        "La vie du réseau Musenor : nos opérations, nos appels à participation, les rendez-vous "
        "des musées et les outils partagés entre professionnels."
    ),
}

NEWS = [
    {
        "title": "Le nouveau portail Musenor est en ligne",
        "date": date(2026, 11, 16),
        "author": AUTHOR,
        "intro": (
            "Un seul site pour les quatre-vingt-dix musées du réseau : l'annuaire, les "
            "expositions, les parcours, les ressources pédagogiques et, pour les adhérents, "
            "l'espace professionnel."
        ),
        "tags": ["vie du réseau", "numérique"],
        "body": [
            ("heading", {"text": "Ce qui change pour le public", "level": "h2"}),
            (
                "text",
                "<p>Chaque musée dispose désormais de sa page : adresse, horaires, accessibilité, "
                "thèmes des collections. La carte et les filtres par département, par thème ou "
                "par ville permettent de trouver le musée le plus proche, et le questionnaire "
                "« Quel musée pour moi ? » propose une sélection selon vos envies.</p>"
                "<p>Les expositions en cours et à venir se consultent sur une seule page et "
                "s'ajoutent à votre agenda en un clic.</p>",
            ),
            ("heading", {"text": "Ce qui change pour les adhérents", "level": "h2"}),
            (
                "text",
                "<p>L'espace professionnel réunit le forum des groupes de travail, la "
                "documentation, l'annuaire des compétences et la bourse au matériel. Chaque "
                "équipe de musée met à jour elle-même sa page et ses expositions.</p>"
                "<p>Une question, une erreur à signaler ? Écrivez-nous : le portail s'améliorera "
                "avec vos retours.</p>",
            ),
        ],
        "museums": [],
    },
    {
        "title": "« Musées et Reconstructions » : l'appel à participation 2027 est ouvert",
        "date": date(2026, 10, 5),
        "author": AUTHOR,
        "intro": (
            "Après les deux guerres mondiales, des villes entières et leurs musées se sont "
            "relevés. Pour sa prochaine saison, l'opération du réseau invite chaque musée à "
            "raconter sa reconstruction : dépôt des projets jusqu'au 31 janvier 2027."
        ),
        "tags": ["Musées et Reconstructions", "appel à participation", "patrimoine"],
        "body": [
            (
                "text",
                "<p>Lancée en 2023, l'opération « Musées et Reconstructions » réunit déjà le "
                "musée des Beaux-Arts d'Arras et le musée Antoine Lécuyer de Saint-Quentin. "
                "La saison 2027 s'ouvre à tous les musées du réseau : exposition, focus sur une "
                "œuvre, parcours dans la ville reconstruite ou programme en ligne, toutes les "
                "formes sont bienvenues.</p>",
            ),
            ("heading", {"text": "Comment participer", "level": "h2"}),
            (
                "text",
                "<ul><li>Présentez votre projet en une page : sujet, forme, dates envisagées, "
                "œuvres et documents concernés.</li>"
                "<li>Joignez-y, si vous le pouvez, deux ou trois visuels libres de droits.</li>"
                "<li>Envoyez le tout avant le 31 janvier 2027 ; le comité de pilotage répondra "
                "début mars.</li></ul>"
                "<p>L'association prend en charge la communication commune (affiche, dépliant, "
                "pages du portail) et peut prêter ses deux expositions itinérantes.</p>",
            ),
        ],
        "museums": [
            ("Musée des Beaux-Arts d'Arras", "Arras"),
            ("Musée Antoine Lécuyer", "Saint-Quentin"),
        ],
        "links": ["operation", "campaign"],
    },
    {
        "title": "Bourse au matériel : empruntez le matériel de conservation de l'association",
        "date": date(2026, 6, 12),
        "author": AUTHOR,
        "intro": (
            "Thermo-hygromètres, luxmètres, kits d'anoxie : le matériel de conservation "
            "préventive de l'association se réserve désormais en ligne, et le Louvre-Lens "
            "cède des vitrines et des socles aux musées du réseau."
        ),
        "tags": ["vie du réseau", "conservation préventive"],
        "body": [
            (
                "text",
                "<p>L'association met à la disposition des musées adhérents six "
                "thermo-hygromètres enregistreurs, quatre luxmètres, un aspirateur à "
                "micro-aspiration et deux kits d'anoxie statique pour traiter les infestations. "
                "Le prêt est gratuit ; un calendrier évite que deux réservations se "
                "chevauchent.</p>",
            ),
            ("heading", {"text": "Des expositions et du mobilier à partager", "level": "h2"}),
            (
                "text",
                "<p>Les deux expositions itinérantes, « 1914-1918. Les artistes face à la "
                "Guerre » et « MuséoSciences », se prêtent elles aussi gratuitement. Le "
                "Louvre-Lens offre douze vitrines de la Galerie du temps et une vingtaine de "
                "socles : premier arrivé, premier servi.</p>",
            ),
        ],
        "museums": [("Louvre-Lens", "Lens")],
    },
    {
        "title": "Journées européennes du patrimoine : les musées du réseau vous attendent",
        "date": date(2026, 9, 8),
        "author": AUTHOR,
        "intro": (
            "Les 19 et 20 septembre 2026, les musées des Hauts-de-France ouvrent leurs réserves, "
            "leurs ateliers et leurs coulisses. Visites guidées, démonstrations et entrée "
            "souvent gratuite : voici quelques rendez-vous du réseau."
        ),
        "tags": ["patrimoine", "rendez-vous"],
        "body": [
            (
                "text",
                "<p>À Lewarde, le Centre historique minier propose des visites des galeries "
                "avec d'anciens mineurs. À Péronne, l'Historial de la Grande Guerre présente les "
                "coulisses de ses réserves. À Amiens, le musée de Picardie ouvre son cabinet de "
                "curiosités en visite commentée.</p>"
                "<p>Le programme complet de chaque musée se trouve sur sa page, dans "
                "l'annuaire. Pensez à réserver : certaines visites sont limitées à quinze "
                "personnes.</p>",
            ),
        ],
        "museums": [
            ("Centre historique minier", "Lewarde"),
            ("Historial de la Grande Guerre", "Péronne"),
            ("Musée de Picardie", "Amiens"),
        ],
    },
    {
        "title": "Groupe Médiation : une journée sur l'accessibilité des musées",
        "date": date(2026, 2, 10),
        "author": "Le bureau de Musenor",
        "intro": (
            "Le groupe de travail Médiation se réunit le 26 mars 2026 pour partager les "
            "pratiques des musées du réseau en matière d'accessibilité : visites en langue des "
            "signes, outils en facile à lire et à comprendre, parcours tactiles."
        ),
        "tags": ["vie du réseau", "rendez-vous", "médiation", "accessibilité"],
        "body": [
            (
                "text",
                "<p>Au programme : les retours d'expérience de trois musées, un atelier sur la "
                "rédaction en facile à lire et à comprendre, et un temps d'échange sur les "
                "aides financières disponibles.</p>"
                "<p>La journée est réservée aux professionnels des musées adhérents. "
                "L'inscription se fait sur le forum du groupe, dans l'espace professionnel.</p>",
            ),
        ],
        "museums": [],
    },
]


def find_museums(pairs, locale, stdout):
    from musenor.pages.museums.models import MuseumPage

    found = []
    for title, city in pairs:
        museum = MuseumPage.objects.filter(title=title, city=city, locale=locale).first()
        if museum is None:
            stdout.write(f"News: no museum page “{title}” in {city}; left out.")
        else:
            found.append(museum)
    return found


def find_links(home):
    """The operation page and its campaign page, when their demo modules made them."""
    from musenor.pages.operations.models import OperationPage
    from musenor.pages.standard.models import LandingPage

    return {
        "operation": (
            OperationPage.objects.live()
            .filter(title="Musées et Reconstructions", locale=home.locale)
            .first(),
            "Découvrir l'opération « Musées et Reconstructions »",
        ),
        "campaign": (
            LandingPage.objects.child_of(home)
            .live()
            .filter(slug="musees-et-reconstructions-2027")
            .first(),
            "Déposer un projet pour la saison 2027",
        ),
    }


def call_to_action(page, text):
    """A call-to-action block leading to ``page``."""
    return ("call_to_action", {"text": text, "page": page, "url": "", "description": ""})


def load(home, seed, stdout):
    index = publish_child(home, NewsIndexPage, "actualites", show_in_menus=True, **INDEX)
    links = find_links(home)
    for item in NEWS:
        fields = {key: item[key] for key in ("title", "date", "author", "intro")}
        fields["body"] = list(item["body"]) + [
            call_to_action(*links[name]) for name in item.get("links", ()) if links[name][0]
        ]
        slug = slugify(item["title"])[:80].rstrip("-")
        # Not publish_child: the keywords live in memory until the revision is published.
        news = NewsPage.objects.child_of(index).filter(slug=slug).first()
        if news is None:
            news = NewsPage(slug=slug, **fields)
            index.add_child(instance=news)
        else:
            for key, value in fields.items():
                setattr(news, key, value)
        news.related_museums = find_museums(item["museums"], home.locale, stdout)
        news.tags.set(item["tags"])
        news.save_revision().publish()
    stdout.write(f"News: {len(NEWS)} news items.")
