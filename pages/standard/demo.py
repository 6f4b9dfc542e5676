"""Demo content: the campaign page of “Musées et Reconstructions” 2027.

Runs after the operations' demo module (the page leads to the operation) and
before the news' (the call for projects links to this page).
"""

from musenor.site.demo import publish_child

from .models import LandingPage

SLUG = "musees-et-reconstructions-2027"

CAMPAIGN = {
    "title": "Musées et Reconstructions 2027",
    "hero_title": "Racontez la reconstruction de votre ville",
    "hero_text": (
        "Saison 2027 de l'opération du réseau : expositions, focus et parcours sur les villes "
        "relevées après les guerres. Déposez votre projet avant le 31 janvier 2027."
    ),
    "cta_text": "Découvrir l'opération",
    "search_description": (
        "Appel à participation des musées des Hauts-de-France à la saison 2027 de l'opération "
        "« Musées et Reconstructions »."
    ),
    "body": [
        ("heading", {"text": "Une opération du réseau depuis 2023", "level": "h2"}),
        (
            "text",
            "<p>Arras, Saint-Quentin, Béthune, Albert : après 1918 comme après 1945, les villes "
            "des Hauts-de-France ont été reconstruites, et leurs musées avec elles. Les "
            "collections sauvées, les architectes, les habitants : chaque musée a une histoire "
            "à raconter.</p>",
        ),
        ("heading", {"text": "Ce que l'association vous apporte", "level": "h2"}),
        (
            "text",
            "<ul><li>une communication commune : affiche, dépliant, pages du portail ;</li>"
            "<li>le prêt gratuit des expositions itinérantes et du matériel de "
            "conservation ;</li>"
            "<li>un comité de pilotage qui accompagne les projets jusqu'à l'ouverture.</li></ul>",
        ),
        (
            "quote",
            {
                "quote": (
                    "Reconstruire une ville, c'est aussi reconstruire ce qu'elle se raconte "
                    "d'elle-même."
                ),
                "author": "Le comité de pilotage",
                "source": "",
            },
        ),
    ],
}


def load(home, seed, stdout):
    from musenor.pages.operations.models import OperationPage

    operation = (
        OperationPage.objects.live()
        .filter(title="Musées et Reconstructions", locale=home.locale)
        .first()
    )
    fields = dict(CAMPAIGN, cta_page=operation)
    if operation is None:
        fields.update(cta_text="", cta_page=None)
    publish_child(home, LandingPage, SLUG, **fields)
    stdout.write("Standard pages: the campaign page “Musées et Reconstructions 2027”.")
