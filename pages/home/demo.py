"""Demo content: the home page, and the site's frame in English and Dutch.

The command ``load_demo`` builds the home page (:func:`home_page`) before the
``load_demo_data`` hook runs, since the hook is given the site. :func:`load`,
run through the hook once the pages it translates exist, translates the home
page, "À propos" and the museum directory into English and Dutch, and one
museum into English (the translation workflow, shown on the demo).
"""

from wagtail.models import Locale, Page

from musenor.pages.museums.demo import INDEX as DIRECTORY_INDEX
from musenor.site.demo import ABOUT_INTRO, translate_page

from .models import HomePage

NETWORK = (
    "Musenor rassemble depuis 1972 les professionnels des musées du Nord, du "
    "Pas-de-Calais, de la Somme, de l'Oise et de l'Aisne. Ensemble, ils montent des "
    "opérations communes, partagent leur matériel et leurs savoir-faire."
)
ABOUT = ABOUT_INTRO
DIRECTORY = DIRECTORY_INDEX["intro"]
HOME = {
    "title": "Musenor",
    "hero_title": "Les musées des Hauts-de-France",
    "intro": (
        "Quatre-vingt-dix musées, de Dunkerque à Château-Thierry : trouvez le vôtre, "
        "suivez leurs expositions et découvrez leurs collections."
    ),
    "body": [
        ("heading", {"text": "Un réseau de professionnels", "level": "h2"}),
        ("text", f"<p>{NETWORK}</p>"),
    ],
}
# The home page's sections, in order; the page cards are filled in by ``compose``.
SECTIONS = [
    ("exhibitions_on_now", {"heading": "À l'affiche", "limit": 4}),
    (
        "directory",
        {
            "heading": "Trouver un musée",
            "text": "Par nom, par ville, par collection, par département ou sur la carte.",
        },
    ),
    ("latest_news", {"heading": "Actualités du réseau", "limit": 3}),
    ("operation_of_the_year", {"heading": "L'opération de l'année", "operation": None}),
    ("page_cards", {"heading": "Parcours, circuits et ressources pour les enseignants"}),
]
# The index pages the cards lead to: paths, circuits, teachers' resources.
CARD_INDEXES = [
    "musenor_paths.PathIndexPage",
    "musenor_circuits.CircuitIndexPage",
    "musenor_education.ShowcaseIndexPage",
]
TRANSLATIONS = {
    "en": {
        "Musenor": "Musenor",
        "Les musées des Hauts-de-France": "The museums of the Hauts-de-France",
        HOME["intro"]: (
            "Ninety museums from Dunkirk to Château-Thierry: find yours, follow their "
            "exhibitions and discover their collections."
        ),
        "Un réseau de professionnels": "A network of professionals",
        "Trouver un musée": "Find a museum",
        "À l'affiche": "On now and next",
        "Par nom, par ville, par collection, par département ou sur la carte.": (
            "By name, town, collection, département or on the map."
        ),
        "Actualités du réseau": "News of the network",
        "L'opération de l'année": "The operation of the year",
        "Parcours, circuits et ressources pour les enseignants": (
            "Paths, circuits and resources for teachers"
        ),
        "Les musées": "The museums",
        "À propos": "About",
        NETWORK: (
            "Since 1972 Musenor has brought together the museum professionals of the Nord, "
            "the Pas-de-Calais, the Somme, the Oise and the Aisne. Together they run joint "
            "operations and share their equipment and their know-how."
        ),
        ABOUT: "Musenor is the association of the museum professionals of the Hauts-de-France.",
        DIRECTORY: "The museums of the network, by département, theme or town.",
    },
    "nl": {
        "Musenor": "Musenor",
        "Les musées des Hauts-de-France": "De musea van Hauts-de-France",
        HOME["intro"]: (
            "Negentig musea van Duinkerke tot Château-Thierry: vind het uwe, volg hun "
            "tentoonstellingen en ontdek hun collecties."
        ),
        "Un réseau de professionnels": "Een netwerk van professionals",
        "Trouver un musée": "Een museum vinden",
        "À l'affiche": "Nu en binnenkort te zien",
        "Par nom, par ville, par collection, par département ou sur la carte.": (
            "Op naam, stad, collectie, departement of op de kaart."
        ),
        "Actualités du réseau": "Nieuws uit het netwerk",
        "L'opération de l'année": "De operatie van het jaar",
        "Parcours, circuits et ressources pour les enseignants": (
            "Routes, rondritten en materiaal voor leerkrachten"
        ),
        "Les musées": "De musea",
        "À propos": "Over ons",
        NETWORK: (
            "Sinds 1972 brengt Musenor de museumprofessionals van de Nord, de "
            "Pas-de-Calais, de Somme, de Oise en de Aisne samen. Samen organiseren zij "
            "gezamenlijke operaties en delen zij hun materiaal en hun vakkennis."
        ),
        ABOUT: "Musenor is de vereniging van de museumprofessionals van Hauts-de-France.",
        DIRECTORY: "De musea van het netwerk, per departement, thema of stad.",
    },
}

# One museum page in English as well: the translation workflow, shown on the demo.
MUSEUM_IN_ENGLISH = (
    "louvre-lens-lens",
    {
        "Louvre-Lens": "Louvre-Lens",
        "Un musée du réseau Musenor à Lens (Pas-de-Calais).": (
            "A museum of the Musenor network in Lens (Pas-de-Calais)."
        ),
        # Its opening hours come from the circuits' demo (pages/circuits/demo.py).
        "Fermé le 1er janvier, 1er mai et 25 décembre.": (
            "Closed on 1 January, 1 May and 25 December."
        ),
    },
)


def home_page(locale):
    """Create or update the French home page at the root of the tree, and publish it."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale).first()
    fields = {key: HOME[key] for key in ("title", "hero_title", "intro")}
    if home is None:
        home = HomePage(slug="accueil", locale=locale, body=HOME["body"], **fields)
        root.add_child(instance=home)
    else:
        for key, value in fields.items():
            setattr(home, key, value)
    home.save_revision().publish()
    # Wagtail's welcome page is of no use once the home page exists.
    for page in root.get_children().exclude(pk=home.pk).filter(depth=2):
        if page.specific_class is Page:
            page.delete()
    return home


def compose(home):
    """Give the home page its sections (once: an editor's later order is kept)."""
    from django.apps import apps

    if any(block.block_type in dict(SECTIONS) for block in home.body):
        return
    cards = []
    for name in CARD_INDEXES:
        model = apps.get_model(name)
        index = model.objects.child_of(home).live().first()
        if index is not None:
            cards.append(index)
    sections = []
    for block_type, value in SECTIONS:
        if block_type == "page_cards":
            if not cards:
                continue
            value = {**value, "pages": cards}
        sections.append((block_type, value))
    home.body = [*HOME["body"], *sections]
    home.save_revision().publish()


def load(home, seed, stdout):
    from musenor.pages.museums.models import MuseumIndexPage, MuseumPage
    from musenor.pages.standard.models import StandardPage
    from musenor.site import demo_images

    compose(home)
    demo_images.load(home, seed, stdout)

    about = StandardPage.objects.child_of(home).filter(slug="a-propos").first()
    directory = MuseumIndexPage.objects.child_of(home).first()
    for code in ("en", "nl"):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        for page in (home, about, directory):
            if page is not None:
                translate_page(page, locale, TRANSLATIONS[code])
    slug, strings = MUSEUM_IN_ENGLISH
    museum = MuseumPage.objects.filter(locale=home.locale, slug=slug).first()
    if museum is not None:
        translate_page(museum, Locale.objects.get(language_code="en"), strings)
        stdout.write(
            "Translations: home, about and directory in English and Dutch; "
            f"{museum.title} in English."
        )
