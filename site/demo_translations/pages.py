# ruff: noqa: E501 - the French source texts are the keys, quoted whole as wagtail-localize extracts them
"""The pages the demo translates by hand, one of every type, keyed by page type and slug."""

from .selections import SELECTIONS

# (page type, slug): {language: {French text: translation}}
PAGES = {
    ("musenor_standard.ContactPage", "contact"): {
        "en": {
            "Contact": "Contact",
            "Une question sur le réseau, un musée, une exposition ou l'adhésion ? Écrivez à l'équipe de l'association.": (
                "A question about the network, a museum, an exhibition or membership? "
                "Write to the association's team."
            ),
            "Merci : votre message est bien arrivé. L'équipe de l'association vous répond par courriel, en général sous une semaine.": (
                "Thank you: your message has arrived. The association's team answers by "
                "e-mail, usually within a week."
            ),
            "Votre nom": "Your name",
            "Votre adresse électronique": "Your e-mail address",
            "Votre message": "Your message",
            "Pour une question sur un musée, indiquez lequel.": (
                "For a question about a museum, say which one."
            ),
        },
        "nl": {
            "Contact": "Contact",
            "Une question sur le réseau, un musée, une exposition ou l'adhésion ? Écrivez à l'équipe de l'association.": (
                "Een vraag over het netwerk, een museum, een tentoonstelling of het "
                "lidmaatschap? Schrijf het team van de vereniging."
            ),
            "Merci : votre message est bien arrivé. L'équipe de l'association vous répond par courriel, en général sous une semaine.": (
                "Dank u: uw bericht is aangekomen. Het team van de vereniging antwoordt per "
                "e-mail, meestal binnen een week."
            ),
            "Votre nom": "Uw naam",
            "Votre adresse électronique": "Uw e-mailadres",
            "Votre message": "Uw bericht",
            "Pour une question sur un musée, indiquez lequel.": (
                "Voor een vraag over een museum: vermeld welk museum."
            ),
        },
    },
    ("musenor_museums.MuseumPage", "laac-dunkerque"): {
        "en": {
            "LAAC": "LAAC",
            "Un musée du réseau Musenor à Dunkerque (Nord).": (
                "A museum of the Musenor network in Dunkirk (Nord)."
            ),
        },
        "nl": {
            "LAAC": "LAAC",
            "Un musée du réseau Musenor à Dunkerque (Nord).": (
                "Een museum van het Musenor-netwerk in Duinkerke (Nord)."
            ),
        },
    },
    ("musenor_standard.LandingPage", "musees-et-reconstructions-2027"): {
        "en": {
            "Musées et Reconstructions 2027": "Museums and Reconstructions 2027",
            "Appel à participation des musées des Hauts-de-France à la saison 2027 de l'opération « Musées et Reconstructions ».": (
                "Call for the museums of the Hauts-de-France to take part in the 2027 season "
                "of the “Museums and Reconstructions” operation."
            ),
            "Racontez la reconstruction de votre ville": "Tell the story of your town's rebuilding",
            "Saison 2027 de l'opération du réseau : expositions, focus et parcours sur les villes relevées après les guerres. Déposez votre projet avant le 31 janvier 2027.": (
                "The 2027 season of the network's operation: exhibitions, focuses and trails "
                "about the towns rebuilt after the wars. Submit your project before "
                "31 January 2027."
            ),
            "Découvrir l'opération": "Discover the operation",
            "Une opération du réseau depuis 2023": "An operation of the network since 2023",
            "Arras, Saint-Quentin, Béthune, Albert : après 1918 comme après 1945, les villes des Hauts-de-France ont été reconstruites, et leurs musées avec elles. Les collections sauvées, les architectes, les habitants : chaque musée a une histoire à raconter.": (
                "Arras, Saint-Quentin, Béthune, Albert: after 1918 as after 1945, the towns of "
                "the Hauts-de-France were rebuilt, and their museums with them. The collections "
                "saved, the architects, the inhabitants: every museum has a story to tell."
            ),
            "Ce que l'association vous apporte": "What the association offers you",
            "une communication commune : affiche, dépliant, pages du portail ;": (
                "shared publicity: poster, leaflet, pages on the portal;"
            ),
            "le prêt gratuit des expositions itinérantes et du matériel de conservation ;": (
                "free loan of the travelling exhibitions and of conservation equipment;"
            ),
            "un comité de pilotage qui accompagne les projets jusqu'à l'ouverture.": (
                "a steering committee that supports projects until the opening."
            ),
            "Reconstruire une ville, c'est aussi reconstruire ce qu'elle se raconte d'elle-même.": (
                "Rebuilding a town also means rebuilding the story it tells about itself."
            ),
            "Le comité de pilotage": "The steering committee",
        },
        "nl": {
            "Musées et Reconstructions 2027": "Musea en Wederopbouw 2027",
            "Appel à participation des musées des Hauts-de-France à la saison 2027 de l'opération « Musées et Reconstructions ».": (
                "Oproep aan de musea van Hauts-de-France om deel te nemen aan het seizoen 2027 "
                "van de actie ‘Musea en Wederopbouw’."
            ),
            "Racontez la reconstruction de votre ville": "Vertel over de wederopbouw van uw stad",
            "Saison 2027 de l'opération du réseau : expositions, focus et parcours sur les villes relevées après les guerres. Déposez votre projet avant le 31 janvier 2027.": (
                "Seizoen 2027 van de actie van het netwerk: tentoonstellingen, uitlichtingen en "
                "routes over de steden die na de oorlogen zijn heropgebouwd. Dien uw project in "
                "vóór 31 januari 2027."
            ),
            "Découvrir l'opération": "Ontdek de actie",
            "Une opération du réseau depuis 2023": "Een actie van het netwerk sinds 2023",
            "Arras, Saint-Quentin, Béthune, Albert : après 1918 comme après 1945, les villes des Hauts-de-France ont été reconstruites, et leurs musées avec elles. Les collections sauvées, les architectes, les habitants : chaque musée a une histoire à raconter.": (
                "Arras, Saint-Quentin, Béthune, Albert: na 1918 en na 1945 zijn de steden van "
                "Hauts-de-France heropgebouwd, en hun musea mee. De geredde collecties, de "
                "architecten, de inwoners: elk museum heeft een verhaal te vertellen."
            ),
            "Ce que l'association vous apporte": "Wat de vereniging u biedt",
            "une communication commune : affiche, dépliant, pages du portail ;": (
                "gezamenlijke communicatie: affiche, folder, pagina's op het portaal;"
            ),
            "le prêt gratuit des expositions itinérantes et du matériel de conservation ;": (
                "gratis uitlening van de reizende tentoonstellingen en van conserveringsmateriaal;"
            ),
            "un comité de pilotage qui accompagne les projets jusqu'à l'ouverture.": (
                "een stuurgroep die de projecten begeleidt tot aan de opening."
            ),
            "Reconstruire une ville, c'est aussi reconstruire ce qu'elle se raconte d'elle-même.": (
                "Een stad heropbouwen is ook het verhaal heropbouwen dat ze over zichzelf vertelt."
            ),
            "Le comité de pilotage": "De stuurgroep",
        },
    },
    ("musenor_operations.OperationIndexPage", "operations"): {
        "en": {
            "Les opérations du réseau": "The network's operations",
            "Depuis 1972, les musées du réseau montent ensemble des opérations «\xa0Trésors\xa0» : un thème, plusieurs années, des expositions dans toute la région.": (
                "Since 1972 the network's museums have staged “Treasures” operations together: "
                "one theme, several years, exhibitions across the whole region."
            ),
        },
        "nl": {
            "Les opérations du réseau": "De acties van het netwerk",
            "Depuis 1972, les musées du réseau montent ensemble des opérations «\xa0Trésors\xa0» : un thème, plusieurs années, des expositions dans toute la région.": (
                "Sinds 1972 organiseren de musea van het netwerk samen ‘Schatten’-acties: één "
                "thema, meerdere jaren, tentoonstellingen in de hele regio."
            ),
        },
    },
    ("musenor_operations.OperationPage", "textiles"): {
        "en": {
            "Textile(s)": "Textile(s)",
            "Fibres, dentelles, tissus et vêtements : les musées explorent le textile, art et industrie de la région.": (
                "Fibres, lace, fabrics and clothes: the museums explore textiles, an art and an "
                "industry of the region."
            ),
        },
        "nl": {
            "Textile(s)": "Textiel",
            "Fibres, dentelles, tissus et vêtements : les musées explorent le textile, art et industrie de la région.": (
                "Vezels, kant, stoffen en kleding: de musea verkennen textiel, kunst en "
                "industrie van de regio."
            ),
        },
    },
    ("musenor_exhibitions.ExhibitionIndexPage", "expositions"): {
        "en": {
            "Expositions": "Exhibitions",
            "Les expositions des musées du réseau : celles qui sont ouvertes, celles qui s'annoncent, et toutes celles qui ont marqué nos opérations.": (
                "The exhibitions of the network's museums: those open now, those coming up, and "
                "all those that marked our operations."
            ),
        },
        "nl": {
            "Expositions": "Tentoonstellingen",
            "Les expositions des musées du réseau : celles qui sont ouvertes, celles qui s'annoncent, et toutes celles qui ont marqué nos opérations.": (
                "De tentoonstellingen van de musea van het netwerk: die nu open zijn, die eraan "
                "komen, en alle die onze acties hebben gekenmerkt."
            ),
        },
    },
    ("musenor_exhibitions.ExhibitionPage", "ephemeride-virtuel"): {
        "en": {
            "Éphéméride virtuel": "Virtual almanac",
            "Chaque jour d'octobre 2020, une découverte scientifique ou technique liée à la mine, publiée en ligne par le Centre historique minier.": (
                "Every day of October 2020, a scientific or technical discovery linked to "
                "mining, published online by the Centre historique minier."
            ),
        },
        "nl": {
            "Éphéméride virtuel": "Virtuele kalender",
            "Chaque jour d'octobre 2020, une découverte scientifique ou technique liée à la mine, publiée en ligne par le Centre historique minier.": (
                "Elke dag van oktober 2020 een wetenschappelijke of technische ontdekking rond "
                "de mijnbouw, online gepubliceerd door het Centre historique minier."
            ),
        },
    },
    ("musenor_news.NewsIndexPage", "actualites"): {
        "en": {
            "Actualités": "News",
            "La vie du réseau Musenor : nos opérations, nos appels à participation, les rendez-vous des musées et les outils partagés entre professionnels.": (
                "Life in the Musenor network: our operations, our calls for participation, the "
                "museums' events and the tools professionals share."
            ),
        },
        "nl": {
            "Actualités": "Nieuws",
            "La vie du réseau Musenor : nos opérations, nos appels à participation, les rendez-vous des musées et les outils partagés entre professionnels.": (
                "Het leven van het Musenor-netwerk: onze acties, onze oproepen, de afspraken "
                "van de musea en de hulpmiddelen die professionals delen."
            ),
        },
    },
    ("musenor_news.NewsPage", "groupe-mediation-une-journee-sur-laccessibilite-des-musees"): {
        "en": {
            "Groupe Médiation : une journée sur l'accessibilité des musées": (
                "Outreach group: a day on museum accessibility"
            ),
            "Le bureau de Musenor": "The Musenor board",
            "Le groupe de travail Médiation se réunit le 26 mars 2026 pour partager les pratiques des musées du réseau en matière d'accessibilité : visites en langue des signes, outils en facile à lire et à comprendre, parcours tactiles.": (
                "The Outreach working group meets on 26 March 2026 to share the network "
                "museums' accessibility practices: sign-language tours, easy-to-read tools, "
                "tactile trails."
            ),
            "Au programme : les retours d'expérience de trois musées, un atelier sur la rédaction en facile à lire et à comprendre, et un temps d'échange sur les aides financières disponibles.": (
                "On the programme: three museums share their experience, a workshop on writing "
                "in easy-to-read language, and a discussion of the funding available."
            ),
            "La journée est réservée aux professionnels des musées adhérents. L'inscription se fait sur le forum du groupe, dans l'espace professionnel.": (
                "The day is open to professionals of member museums only. Register on the "
                "group's forum, in the members' area."
            ),
        },
        "nl": {
            "Groupe Médiation : une journée sur l'accessibilité des musées": (
                "Werkgroep Publieksbemiddeling: een dag over de toegankelijkheid van musea"
            ),
            "Le bureau de Musenor": "Het bestuur van Musenor",
            "Le groupe de travail Médiation se réunit le 26 mars 2026 pour partager les pratiques des musées du réseau en matière d'accessibilité : visites en langue des signes, outils en facile à lire et à comprendre, parcours tactiles.": (
                "De werkgroep Publieksbemiddeling komt op 26 maart 2026 bijeen om de "
                "toegankelijkheidspraktijken van de musea van het netwerk te delen: "
                "rondleidingen in gebarentaal, hulpmiddelen in eenvoudige taal, tastroutes."
            ),
            "Au programme : les retours d'expérience de trois musées, un atelier sur la rédaction en facile à lire et à comprendre, et un temps d'échange sur les aides financières disponibles.": (
                "Op het programma: drie musea vertellen over hun ervaringen, een workshop "
                "schrijven in eenvoudige taal, en een gesprek over de beschikbare subsidies."
            ),
            "La journée est réservée aux professionnels des musées adhérents. L'inscription se fait sur le forum du groupe, dans l'espace professionnel.": (
                "De dag is alleen voor professionals van aangesloten musea. Inschrijven kan op "
                "het forum van de werkgroep, in de ledenruimte."
            ),
        },
    },
    ("musenor_paths.PathIndexPage", "parcours"): {
        "en": {
            "Parcours thématiques": "Themed trails",
            "Des visites pensées par les médiateurs du réseau, étape par étape : en famille, en classe ou en amateur d'art, choisissez votre parcours.": (
                "Visits designed by the network's museum educators, step by step: with your "
                "family, your class or as an art lover, choose your trail."
            ),
        },
        "nl": {
            "Parcours thématiques": "Thematische routes",
            "Des visites pensées par les médiateurs du réseau, étape par étape : en famille, en classe ou en amateur d'art, choisissez votre parcours.": (
                "Bezoeken stap voor stap bedacht door de museumeducatoren van het netwerk: met "
                "het gezin, met de klas of als kunstliefhebber, kies uw route."
            ),
        },
    },
    ("musenor_paths.ThematicPathPage", "la-piscine-de-roubaix-avec-sa-classe"): {
        "en": {
            "La Piscine de Roubaix avec sa classe": "La Piscine in Roubaix with your class",
            "Un musée dans une piscine : de quoi étonner les élèves du CP au collège. Un parcours d'une heure autour du bassin, pensé aussi pour les élèves en situation de handicap.": (
                "A museum in a swimming pool: enough to amaze pupils from year 2 to year 9. A "
                "one-hour trail around the pool, designed for pupils with disabilities too."
            ),
            "Réservez le créneau de la classe auprès du service des publics et signalez les besoins particuliers des élèves : le musée adapte la visite.": (
                "Book your class's time slot with the education department and mention any "
                "special needs of your pupils: the museum adapts the visit."
            ),
            "Le grand bassin": "The great pool",
            "Construite par l'architecte Albert Baert et inaugurée en 1932, la piscine municipale de Roubaix est devenue un musée en 2001. Le bassin est toujours là, les sculptures sont posées tout autour.": (
                "Built by the architect Albert Baert and opened in 1932, Roubaix's municipal "
                "swimming pool became a museum in 2001. The pool is still there, with the "
                "sculptures set all around it."
            ),
            "Fermez les yeux une minute : entendez-vous l'eau ? Les vitraux en forme de soleil levant ont-ils changé de couleur quand vous les rouvrez ?": (
                "Close your eyes for a minute: can you hear the water? Have the rising-sun "
                "stained-glass windows changed colour when you open them again?"
            ),
            "Les cabines de douche et de bain": "The shower and bath cubicles",
            "1932": "1932",
            "Autrefois, beaucoup d'ouvriers roubaisiens n'avaient pas de salle de bains : ils venaient se laver ici. Les cabines accueillent aujourd'hui des collections.": (
                "In the past, many Roubaix workers had no bathroom at home: they came here to "
                "wash. Today the cubicles hold collections."
            ),
            "Roubaix, ville du textile": "Roubaix, a textile town",
            "Le musée conserve des milliers d'échantillons de tissus des usines de la ville. Demandez à toucher les tissus de la mallette pédagogique : laine, coton, soie… lequel est le plus doux ?": (
                "The museum keeps thousands of fabric samples from the town's mills. Ask to "
                "touch the fabrics in the teaching kit: wool, cotton, silk… which is the softest?"
            ),
        },
        "nl": {
            "La Piscine de Roubaix avec sa classe": "La Piscine in Roubaix met de klas",
            "Un musée dans une piscine : de quoi étonner les élèves du CP au collège. Un parcours d'une heure autour du bassin, pensé aussi pour les élèves en situation de handicap.": (
                "Een museum in een zwembad: daar kijken leerlingen van het eerste leerjaar tot "
                "de middelbare school van op. Een route van een uur rond het bad, ook bedacht "
                "voor leerlingen met een beperking."
            ),
            "Réservez le créneau de la classe auprès du service des publics et signalez les besoins particuliers des élèves : le musée adapte la visite.": (
                "Reserveer een tijdstip voor de klas bij de educatieve dienst en meld de "
                "bijzondere behoeften van de leerlingen: het museum past het bezoek aan."
            ),
            "Le grand bassin": "Het grote bad",
            "Construite par l'architecte Albert Baert et inaugurée en 1932, la piscine municipale de Roubaix est devenue un musée en 2001. Le bassin est toujours là, les sculptures sont posées tout autour.": (
                "Het gemeentelijke zwembad van Roubaix, ontworpen door architect Albert Baert "
                "en geopend in 1932, werd in 2001 een museum. Het bad is er nog, met de "
                "beelden er rondom."
            ),
            "Fermez les yeux une minute : entendez-vous l'eau ? Les vitraux en forme de soleil levant ont-ils changé de couleur quand vous les rouvrez ?": (
                "Sluit een minuut je ogen: hoor je het water? Hebben de glas-in-loodramen in "
                "de vorm van een opkomende zon een andere kleur als je ze weer opent?"
            ),
            "Les cabines de douche et de bain": "De douche- en badcabines",
            "1932": "1932",
            "Autrefois, beaucoup d'ouvriers roubaisiens n'avaient pas de salle de bains : ils venaient se laver ici. Les cabines accueillent aujourd'hui des collections.": (
                "Vroeger hadden veel arbeiders in Roubaix geen badkamer: ze kwamen zich hier "
                "wassen. Nu staan er collecties in de cabines."
            ),
            "Roubaix, ville du textile": "Roubaix, textielstad",
            "Le musée conserve des milliers d'échantillons de tissus des usines de la ville. Demandez à toucher les tissus de la mallette pédagogique : laine, coton, soie… lequel est le plus doux ?": (
                "Het museum bewaart duizenden stofstalen van de fabrieken van de stad. Vraag om "
                "de stoffen uit de leskoffer te voelen: wol, katoen, zijde… welke is het "
                "zachtst?"
            ),
        },
    },
    ("musenor_circuits.CircuitIndexPage", "circuits"): {
        "en": {
            "Circuits": "Tours",
            "Plusieurs musées en une journée ou un week-end : des itinéraires avec les distances, les jours d'ouverture et une carte, à imprimer avant de partir.": (
                "Several museums in a day or a weekend: routes with distances, opening days and "
                "a map, to print before you set off."
            ),
        },
        "nl": {
            "Circuits": "Rondritten",
            "Plusieurs musées en une journée ou un week-end : des itinéraires avec les distances, les jours d'ouverture et une carte, à imprimer avant de partir.": (
                "Meerdere musea op één dag of in een weekend: routes met afstanden, "
                "openingsdagen en een kaart, om af te drukken voor vertrek."
            ),
        },
    },
    ("musenor_circuits.CircuitPage", "le-bassin-minier"): {
        "en": {
            "Le bassin minier": "The mining basin",
            "Inscrit au patrimoine mondial de l'UNESCO en 2012, le bassin minier du Nord et du Pas-de-Calais se visite aussi par ses musées : de l'art universel posé sur un ancien carreau de fosse à la descente dans les galeries.": (
                "A UNESCO World Heritage site since 2012, the mining basin of the Nord and "
                "Pas-de-Calais can also be visited through its museums: from art of every age "
                "set on a former pithead to a descent into the galleries."
            ),
            "Patrimoine mondial de l'UNESCO": "UNESCO World Heritage",
            "Prévoyez des vêtements chauds pour la visite des galeries de Lewarde.": (
                "Bring warm clothes for the tour of the Lewarde galleries."
            ),
            "Le Louvre-Lens est desservi par la navette gratuite depuis la gare de Lens.": (
                "A free shuttle runs from Lens station to the Louvre-Lens."
            ),
            "Le petit musée d'Escaudain a des horaires réduits : téléphonez avant de venir.": (
                "The small museum in Escaudain has short opening hours: call before you come."
            ),
            "Construit sur l'ancien carreau de la fosse 9 des mines de Lens, le musée présente dans la Galerie du temps cinq mille ans d'histoire de l'art.": (
                "Built on the former pithead of shaft 9 of the Lens mines, the museum shows "
                "five thousand years of art history in its Galerie du temps."
            ),
            "Sur le site de l'ancienne fosse Delloye, la visite des galeries reconstituées montre comment le travail au fond a changé, du pic au marteau-piqueur.": (
                "On the site of the former Delloye pit, the tour of the reconstructed galleries "
                "shows how work underground changed, from the pick to the jackhammer."
            ),
            "Les objets de la vie quotidienne des familles de mineurs : la maison, l'école, la fête. Une visite courte pour finir.": (
                "Everyday objects of miners' families: home, school, celebrations. A short "
                "visit to end the day."
            ),
        },
        "nl": {
            "Le bassin minier": "Het mijnbekken",
            "Inscrit au patrimoine mondial de l'UNESCO en 2012, le bassin minier du Nord et du Pas-de-Calais se visite aussi par ses musées : de l'art universel posé sur un ancien carreau de fosse à la descente dans les galeries.": (
                "Het mijnbekken van Nord en Pas-de-Calais, sinds 2012 UNESCO-werelderfgoed, "
                "ontdekt u ook via zijn musea: van kunst uit alle tijden op een voormalig "
                "mijnterrein tot een afdaling in de gangen."
            ),
            "Patrimoine mondial de l'UNESCO": "UNESCO-werelderfgoed",
            "Prévoyez des vêtements chauds pour la visite des galeries de Lewarde.": (
                "Neem warme kleren mee voor het bezoek aan de gangen van Lewarde."
            ),
            "Le Louvre-Lens est desservi par la navette gratuite depuis la gare de Lens.": (
                "Een gratis pendelbus rijdt van het station van Lens naar het Louvre-Lens."
            ),
            "Le petit musée d'Escaudain a des horaires réduits : téléphonez avant de venir.": (
                "Het kleine museum van Escaudain heeft beperkte openingstijden: bel voordat u komt."
            ),
            "Construit sur l'ancien carreau de la fosse 9 des mines de Lens, le musée présente dans la Galerie du temps cinq mille ans d'histoire de l'art.": (
                "Het museum, gebouwd op het terrein van schacht 9 van de mijnen van Lens, toont "
                "in de Galerie du temps vijfduizend jaar kunstgeschiedenis."
            ),
            "Sur le site de l'ancienne fosse Delloye, la visite des galeries reconstituées montre comment le travail au fond a changé, du pic au marteau-piqueur.": (
                "Op het terrein van de voormalige Delloye-schacht laat het bezoek aan de "
                "nagebouwde gangen zien hoe het werk ondergronds veranderde, van houweel tot "
                "drilboor."
            ),
            "Les objets de la vie quotidienne des familles de mineurs : la maison, l'école, la fête. Une visite courte pour finir.": (
                "Voorwerpen uit het dagelijks leven van mijnwerkersgezinnen: het huis, de "
                "school, het feest. Een kort bezoek als afsluiter."
            ),
        },
    },
    ("musenor_education.ShowcaseIndexPage", "enseignants"): {
        "en": {
            "Enseignants": "Teachers",
            "Visites, ateliers et dossiers pédagogiques : les services des publics des musées du réseau accueillent les classes de la maternelle au lycée. Choisissez un niveau et une discipline.": (
                "Tours, workshops and teaching packs: the education departments of the "
                "network's museums welcome classes from nursery school to sixth form. Choose "
                "a level and a subject."
            ),
        },
        "nl": {
            "Enseignants": "Leerkrachten",
            "Visites, ateliers et dossiers pédagogiques : les services des publics des musées du réseau accueillent les classes de la maternelle au lycée. Choisissez un niveau et une discipline.": (
                "Rondleidingen, workshops en lespakketten: de educatieve diensten van de musea "
                "van het netwerk ontvangen klassen van kleuterschool tot middelbare school. "
                "Kies een niveau en een vak."
            ),
        },
    },
    ("musenor_education.ShowcasePage", "couleurs-matisse-maternelle"): {
        "en": {
            "Les couleurs de Matisse en maternelle": "Matisse's colours at nursery school",
            "Dans la ville natale d'Henri Matisse, les tout-petits découvrent un peintre qui aimait les couleurs vives et les formes découpées. Une visite courte, adaptée aux élèves de maternelle, suivie d'un atelier de papiers gouachés et découpés.": (
                "In Henri Matisse's home town, the youngest pupils discover a painter who loved "
                "bright colours and cut-out shapes. A short tour for nursery-school pupils, "
                "followed by a workshop with gouache-painted paper cut-outs."
            ),
            "Nommer les couleurs et remarquer celles qui vont ensemble.": (
                "Name the colours and notice which ones go together."
            ),
            "Découper et coller des formes pour composer une image.": (
                "Cut out and stick shapes to make a picture."
            ),
            "Dire ce que l'on voit et ce que l'on ressent devant une œuvre.": (
                "Say what you see and feel in front of a work of art."
            ),
            "Le jeu des couleurs": "The colour game",
            "Chaque enfant reçoit une carte de couleur et cherche dans la salle l'œuvre où elle se trouve.": (
                "Each child gets a colour card and looks around the room for the work that has "
                "that colour."
            ),
            "Atelier : papiers gouachés et découpés": "Workshop: gouache-painted paper cut-outs",
            "Comme Matisse à la fin de sa vie, les enfants découpent des formes dans des papiers peints à la gouache et composent ensemble un grand tableau.": (
                "Like Matisse at the end of his life, the children cut shapes out of "
                "gouache-painted paper and make a big picture together."
            ),
            "En classe : la fresque des couleurs": "Back in class: the colour mural",
            "De retour à l'école, la classe prolonge l'atelier sur un grand rouleau de papier, un coin par couleur.": (
                "Back at school, the class carries on the workshop on a big roll of paper, one "
                "corner per colour."
            ),
        },
        "nl": {
            "Les couleurs de Matisse en maternelle": "De kleuren van Matisse in de kleuterklas",
            "Dans la ville natale d'Henri Matisse, les tout-petits découvrent un peintre qui aimait les couleurs vives et les formes découpées. Une visite courte, adaptée aux élèves de maternelle, suivie d'un atelier de papiers gouachés et découpés.": (
                "In de geboortestad van Henri Matisse ontdekken de allerkleinsten een schilder "
                "die van felle kleuren en uitgeknipte vormen hield. Een kort bezoek op maat "
                "van kleuters, gevolgd door een workshop met beschilderd en geknipt papier."
            ),
            "Nommer les couleurs et remarquer celles qui vont ensemble.": (
                "De kleuren benoemen en zien welke bij elkaar passen."
            ),
            "Découper et coller des formes pour composer une image.": (
                "Vormen knippen en plakken om een beeld te maken."
            ),
            "Dire ce que l'on voit et ce que l'on ressent devant une œuvre.": (
                "Zeggen wat je ziet en voelt bij een kunstwerk."
            ),
            "Le jeu des couleurs": "Het kleurenspel",
            "Chaque enfant reçoit une carte de couleur et cherche dans la salle l'œuvre où elle se trouve.": (
                "Elk kind krijgt een kleurenkaart en zoekt in de zaal het werk met die kleur."
            ),
            "Atelier : papiers gouachés et découpés": "Workshop: beschilderd en geknipt papier",
            "Comme Matisse à la fin de sa vie, les enfants découpent des formes dans des papiers peints à la gouache et composent ensemble un grand tableau.": (
                "Zoals Matisse aan het eind van zijn leven knippen de kinderen vormen uit met "
                "gouache beschilderd papier en maken samen een groot schilderij."
            ),
            "En classe : la fresque des couleurs": "In de klas: de kleurenfresco",
            "De retour à l'école, la classe prolonge l'atelier sur un grand rouleau de papier, un coin par couleur.": (
                "Terug op school zet de klas de workshop voort op een grote rol papier, één "
                "hoek per kleur."
            ),
        },
    },
    **SELECTIONS,
}
