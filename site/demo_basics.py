"""Demo content of the site's basics: contact form, legal notice, privacy, accessibility.

The pages are out of the main menu: the footer links to them through the
"footer links" settings (:class:`musenor.site.models.SiteLinks`). What only the
association knows (its registered office, its publication director, its host)
is left for the staff to fill in, said so plainly, never invented.
"""

from wagtail.models import Site

# The accessibility statement follows the RGAA model ("déclaration
# d'accessibilité", RGAA 4.1.2, annex). Without an audit of the RGAA criteria the
# site must be declared "non conforme"; what was tested is said as it is.
ACCESSIBILITY_BODY = [
    (
        "text",
        "<p>L'association Musenor s'engage à rendre son site internet accessible "
        "conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>"
        "<p>Cette déclaration d'accessibilité s'applique au portail Musenor (pages publiques "
        "en français, en anglais et en néerlandais).</p>",
    ),
    ("heading", {"text": "État de conformité", "level": "h2"}),
    (
        "text",
        "<p>Le portail Musenor est <b>non conforme</b> avec le RGAA 4.1.2 : aucun audit de "
        "conformité aux 106 critères du RGAA n'a encore été réalisé, et une déclaration ne "
        "peut indiquer un taux de conformité sans audit.</p>",
    ),
    ("heading", {"text": "Résultats des tests", "level": "h2"}),
    (
        "text",
        "<p>Faute d'audit, aucun taux de conformité n'est publié. Le portail est en revanche "
        "vérifié à chaque modification de son code par des tests automatiques : le moteur "
        "axe-core (règles WCAG 2.1 niveaux A et AA et bonnes pratiques) est exécuté dans le "
        "navigateur Chromium sur chaque type de page, en affichage ordinateur et mobile, et "
        "ne relève aucune erreur sur les 25 pages testées. La navigation au clavier, le lien "
        "d'évitement, le menu sans JavaScript et la lecture des formulaires sont aussi "
        "testés.</p>"
        "<p>Les tests automatiques ne couvrent qu'une partie des critères du RGAA (par "
        "exemple, ils ne jugent ni la pertinence d'une alternative textuelle ni celle d'un "
        "titre) : ils ne remplacent pas un audit.</p>",
    ),
    ("heading", {"text": "Contenus non accessibles", "level": "h2"}),
    (
        "text",
        "<p>Les points suivants sont connus et seront traités :</p>"
        "<ul><li>les documents (PDF, diaporamas) déposés par les musées n'ont pas été "
        "vérifiés et peuvent ne pas être accessibles ;</li>"
        "<li>les vidéos intégrées depuis d'autres plateformes dépendent du lecteur de ces "
        "plateformes ;</li>"
        "<li>la carte des musées est doublée d'une liste, qui reste la manière accessible "
        "de trouver un musée.</li></ul>"
        "<p>Contenus non soumis à l'obligation d'accessibilité : les contenus de tiers qui "
        "ne sont ni financés ni développés par l'association, comme les fonds de carte.</p>",
    ),
    ("heading", {"text": "Établissement de cette déclaration d'accessibilité", "level": "h2"}),
    (
        "text",
        "<p>Technologies utilisées pour la réalisation du site : HTML5, CSS, JavaScript "
        "(le site reste utilisable sans JavaScript).</p>"
        "<p>Environnement de test : navigateur Chromium (sans interface), aux tailles "
        "d'écran d'un ordinateur et d'un téléphone.</p>"
        "<p>Outil utilisé pour vérifier l'accessibilité : axe-core.</p>",
    ),
    ("heading", {"text": "Retour d'information et contact", "level": "h2"}),
    (
        "text",
        "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez "
        "l'association par le formulaire de contact du site : nous vous orienterons vers "
        "une alternative accessible ou vous enverrons le contenu sous une autre forme.</p>",
    ),
    ("heading", {"text": "Voies de recours", "level": "h2"}),
    (
        "text",
        "<p>Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un "
        "contenu ou à un service du portail et que vous n'avez pas obtenu de réponse "
        "satisfaisante, vous pouvez :</p>"
        "<ul><li>écrire un message au Défenseur des droits "
        '(<a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a>) ;</li>'
        "<li>contacter le délégué du Défenseur des droits dans votre région "
        '(<a href="https://www.defenseurdesdroits.fr/saisir/delegues">liste des '
        "délégués</a>) ;</li>"
        "<li>envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : "
        "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.</li></ul>",
    ),
]

LEGAL_NOTICE_BODY = [
    ("heading", {"text": "Éditeur du site", "level": "h2"}),
    (
        "text",
        "<p>Le portail est édité par Musenor, l'association des professionnels des musées "
        "des Hauts-de-France.</p>"
        "<p><i>À compléter par l'association avant la mise en ligne : adresse du siège, "
        "numéro RNA, directeur ou directrice de la publication.</i></p>",
    ),
    ("heading", {"text": "Hébergement", "level": "h2"}),
    (
        "text",
        "<p><i>À compléter : nom, adresse et téléphone de l'hébergeur du portail.</i></p>",
    ),
    ("heading", {"text": "Contenus et droits", "level": "h2"}),
    (
        "text",
        "<p>Les textes sont rédigés par l'association et par les musées du réseau. Chaque "
        "image porte son crédit et sa licence ; sauf mention contraire, les images restent "
        "la propriété de leurs auteurs et des musées, et ne peuvent être reproduites sans "
        "leur accord. Les informations pratiques des musées reprennent la base Muséofile du "
        "ministère de la Culture (Licence Ouverte).</p>",
    ),
]

PRIVACY_BODY = [
    ("heading", {"text": "Ce que le site enregistre", "level": "h2"}),
    (
        "text",
        "<ul><li><b>Formulaire de contact</b> : votre nom, votre adresse électronique et "
        "votre message, transmis à l'équipe de l'association et conservés dans "
        "l'administration du site le temps de traiter votre demande, au plus un an.</li>"
        "<li><b>Lettre d'information</b> : votre adresse électronique, la date de votre "
        "inscription et de sa confirmation ; chaque lettre contient un lien de "
        "désinscription immédiate.</li>"
        "<li><b>Espace des membres</b> : les comptes des professionnels du réseau (nom, "
        "adresse électronique, musée).</li></ul>",
    ),
    ("heading", {"text": "Cookies", "level": "h2"}),
    (
        "text",
        "<p>Le site ne dépose aucun cookie de mesure d'audience ni de publicité, et "
        "n'intègre aucun traceur de tiers. Les seuls cookies sont ceux qui font fonctionner "
        "le site : la langue choisie, la protection des formulaires (jeton CSRF) et, pour "
        "les membres connectés, la session. Ils ne demandent pas de consentement.</p>"
        "<p>Quand une carte est affichée, votre navigateur télécharge les fonds de carte "
        "auprès du serveur de tuiles, qui reçoit alors votre adresse IP.</p>",
    ),
    ("heading", {"text": "Vos droits", "level": "h2"}),
    (
        "text",
        "<p>Vous pouvez accéder aux données qui vous concernent, les faire rectifier ou "
        "effacer, en écrivant à l'association par le formulaire de contact. Si vous estimez "
        "que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la "
        '<a href="https://www.cnil.fr/fr/plaintes">CNIL</a>.</p>',
    ),
]

CONTACT_FIELDS = [
    {"label": "Votre nom", "field_type": "singleline", "required": True},
    {"label": "Votre adresse électronique", "field_type": "email", "required": True},
    {
        "label": "Votre message",
        "field_type": "multiline",
        "required": True,
        "help_text": "Pour une question sur un musée, indiquez lequel.",
    },
]


def load(home):
    from musenor.pages.standard.models import ContactFormField, ContactPage, StandardPage
    from musenor.site.demo import publish_child
    from musenor.site.models import AccessibilityStatus, SiteLinks

    contact = ContactPage.objects.child_of(home).filter(slug="contact").first()
    if contact is None:
        contact = ContactPage(
            slug="contact",
            title="Contact",
            intro=(
                "Une question sur le réseau, un musée, une exposition ou l'adhésion ? "
                "Écrivez à l'équipe de l'association."
            ),
            thank_you_text=(
                "<p>Merci : votre message est bien arrivé. L'équipe de l'association vous "
                "répond par courriel, en général sous une semaine.</p>"
            ),
            to_address="contact@musenor.local",
            subject="Message du formulaire de contact du portail",
        )
        for order, field in enumerate(CONTACT_FIELDS):
            contact.form_fields.add(ContactFormField(sort_order=order, **field))
        home.add_child(instance=contact)
    contact.save_revision().publish()
    legal = publish_child(
        home, StandardPage, "mentions-legales", title="Mentions légales", body=LEGAL_NOTICE_BODY
    )
    privacy = publish_child(
        home,
        StandardPage,
        "confidentialite",
        title="Données personnelles et cookies",
        intro="Ce que le portail enregistre sur vous, pourquoi, et comment vous y opposer.",
        body=PRIVACY_BODY,
    )
    accessibility = publish_child(
        home,
        StandardPage,
        "accessibilite",
        title="Déclaration d'accessibilité",
        body=ACCESSIBILITY_BODY,
    )
    for site in Site.objects.filter(root_page=home):
        links = SiteLinks.for_site(site)
        links.contact_page = contact
        links.legal_notice_page = legal
        links.privacy_page = privacy
        links.accessibility_page = accessibility
        links.accessibility_status = AccessibilityStatus.NONE
        links.save()
