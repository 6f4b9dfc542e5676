"""The demo's educational showcases, written as the museums' education services would.

Museums are named as in ``site/data/museums.csv``. Works are listed only where
the museum is known to hold them; the collection database will bring the rest.
"""

SUBJECTS = [
    "Arts plastiques",
    "Éducation morale et civique",
    "Français",
    "Géographie",
    "Histoire",
    "Histoire des arts",
    "Questionner le monde",
    "Sciences",
]

INDEX = {
    "title": "Enseignants",
    "slug": "enseignants",
    "intro": (
        "Visites, ateliers et dossiers pédagogiques : les services des publics des musées "
        "du réseau accueillent les classes de la maternelle au lycée. Choisissez un niveau "
        "et une discipline."
    ),
}

SHOWCASES = [
    {
        "slug": "grande-guerre-cycle-3",
        "title": "La Grande Guerre au cycle 3",
        "levels": ["cycle-3"],
        "subjects": ["Histoire", "Histoire des arts", "Français", "Éducation morale et civique"],
        "intro": (
            "Au cœur de la Somme, l'Historial de la Grande Guerre fait découvrir aux élèves de "
            "CM1, CM2 et sixième la vie des soldats et des civils entre 1914 et 1918, à partir "
            "d'objets, de lettres et d'œuvres d'artistes qui ont vécu le conflit."
        ),
        "objectives": (
            "<ul><li>Situer la Première Guerre mondiale dans le temps et sur une carte de "
            "l'Europe.</li><li>Comprendre ce que vivent les soldats au front et les civils à "
            "l'arrière.</li><li>Lire une œuvre d'art comme un témoignage : qui l'a faite, "
            "quand, pour dire quoi ?</li><li>Réfléchir à la mémoire du conflit : monuments aux "
            "morts, commémorations du 11 Novembre.</li></ul>"
        ),
        "activities": [
            {
                "title": "Préparer la visite en classe",
                "duration": 45,
                "place": "classroom",
                "description": (
                    "<p>À partir d'une carte du front en 1916 et de deux lettres de soldats "
                    "fournies dans le dossier, les élèves relèvent ce qui change dans la vie "
                    "d'un homme mobilisé. Ils préparent trois questions pour la visite.</p>"
                ),
            },
            {
                "title": "Visite guidée : trois armées face à face",
                "duration": 90,
                "place": "museum",
                "description": (
                    "<p>L'Historial présente côte à côte les soldats français, britanniques et "
                    "allemands. Devant les vitrines, les élèves comparent les uniformes, "
                    "l'équipement et les objets du quotidien, et découvrent que l'expérience "
                    "des tranchées fut partagée de part et d'autre du front.</p>"
                ),
            },
            {
                "title": "Atelier : regarder une gravure d'Otto Dix",
                "duration": 60,
                "place": "museum",
                "description": (
                    "<p>Par petits groupes, les élèves décrivent une planche du cycle "
                    "<i>Der Krieg</i>, puis cherchent les mots pour dire ce que l'artiste, "
                    "ancien combattant, a voulu montrer. La fiche d'observation guide le "
                    "travail.</p>"
                ),
            },
            {
                "title": "Après la visite : le monument aux morts de la commune",
                "duration": 60,
                "place": "classroom",
                "description": (
                    "<p>Les élèves relèvent les noms inscrits sur le monument aux morts le plus "
                    "proche de l'école et les relient à ce qu'ils ont vu au musée.</p>"
                ),
            },
        ],
        "works": [
            {
                "title": "Der Krieg (La Guerre), cycle de cinquante eaux-fortes",
                "artist": "Otto Dix",
                "date": "1924",
                "museum": "Historial de la Grande Guerre",
            },
        ],
        "museums": [
            (
                "Historial de la Grande Guerre",
                "Visite guidée et atelier, sur réservation auprès du service des publics.",
            ),
            (
                "Musée de la Bataille de Fromelles",
                "Pour prolonger : la bataille du 19 juillet 1916 et les soldats australiens.",
            ),
        ],
        "files": [
            (
                "Dossier enseignant – La Grande Guerre au cycle 3",
                "Déroulé de la visite, repères chronologiques, pistes pour la classe.",
            ),
            ("Fiche élève – Observer une gravure", "Une page à imprimer en A4."),
        ],
        "practical_info": (
            "<ul><li>Une classe à la fois, accompagnateurs compris.</li><li>Réservation "
            "auprès du service des publics du musée, au moins trois semaines à "
            "l'avance.</li></ul>"
        ),
    },
    {
        "slug": "paysages-nuages-cycle-2",
        "title": "Paysages et nuages au cycle 2",
        "levels": ["cycle-2"],
        # Thematic paths of the paths app's demo, by title; left out when absent.
        "paths": [
            (
                "La Piscine de Roubaix avec sa classe",
                "Une autre sortie pour la classe, dans un musée d'art et d'industrie.",
            ),
        ],
        "subjects": ["Arts plastiques", "Questionner le monde", "Français"],
        "intro": (
            "Ciels d'orage, matins clairs, nuages qui filent : au Musée des Beaux-Arts de "
            "Cambrai, les élèves de CP, CE1 et CE2 observent comment les peintres ont "
            "représenté le ciel et le temps qu'il fait, avant de peindre à leur tour."
        ),
        "objectives": (
            "<ul><li>Observer et décrire un paysage peint : premier plan, arrière-plan, ligne "
            "d'horizon.</li><li>Nommer quelques nuages et relier le ciel au temps qu'il "
            "fait.</li><li>Mélanger les couleurs pour rendre la lumière d'un ciel.</li><li>"
            "Enrichir son vocabulaire pour parler d'une œuvre.</li></ul>"
        ),
        "activities": [
            {
                "title": "Le jeu de l'horizon",
                "duration": 30,
                "place": "museum",
                "description": (
                    "<p>Devant trois paysages, les élèves tendent une ficelle à la hauteur de "
                    "l'horizon : où le peintre a-t-il mis le ciel, et quelle place lui "
                    "laisse-t-il ?</p>"
                ),
            },
            {
                "title": "Carnet de ciels",
                "duration": 45,
                "place": "museum",
                "description": (
                    "<p>Chaque élève choisit un ciel et le dessine au pastel dans son carnet, "
                    "en notant trois mots pour dire le temps qu'il fait.</p>"
                ),
            },
            {
                "title": "Peindre un ciel qui change",
                "duration": 60,
                "place": "classroom",
                "description": (
                    "<p>À la gouache, sur papier mouillé, les élèves peignent le même paysage "
                    "deux fois : un matin de beau temps, un soir d'orage.</p>"
                ),
            },
            {
                "title": "Le ciel de la semaine",
                "duration": 10,
                "place": "classroom",
                "description": (
                    "<p>Chaque matin pendant une semaine, la classe observe le ciel par la "
                    "fenêtre, nomme les nuages et colle une pastille de couleur dans un "
                    "calendrier.</p>"
                ),
            },
        ],
        "works": [],
        "museums": [
            (
                "Musée des Beaux-Arts de Cambrai",
                "Visite-atelier d'une heure trente dans les salles de peinture.",
            ),
        ],
        "files": [
            (
                "Dossier enseignant – Paysages et nuages",
                "Vocabulaire du paysage, les nuages pour les petits, déroulé de l'atelier.",
            ),
            ("Fiche élève – Mon carnet de ciels", "Une page à imprimer en A4."),
        ],
        "practical_info": (
            "<p>Atelier proposé toute l'année, sur réservation. Le matériel de l'atelier est "
            "fourni par le musée.</p>"
        ),
    },
    {
        "slug": "mine-travail-cycle-4-lycee",
        "title": "La mine, une histoire de travail, au collège et au lycée",
        "levels": ["cycle-4", "lycee"],
        "subjects": ["Histoire", "Géographie", "Sciences", "Éducation morale et civique"],
        "intro": (
            "Sur le carreau de l'ancienne fosse Delloye, le Centre historique minier de "
            "Lewarde raconte trois siècles d'exploitation du charbon dans le Nord et le "
            "Pas-de-Calais. Les élèves y étudient l'industrialisation, le travail et ses "
            "dangers, et la transformation d'un paysage."
        ),
        "objectives": (
            "<ul><li>Comprendre le rôle du charbon dans l'industrialisation de la région aux "
            "XIXe et XXe siècles.</li><li>Décrire les conditions de travail des mineurs et "
            "leur évolution.</li><li>Relier la catastrophe de Courrières (1906) à l'histoire "
            "de la sécurité au travail.</li><li>Lire le paysage du bassin minier, inscrit au "
            "patrimoine mondial de l'UNESCO en 2012.</li></ul>"
        ),
        "activities": [
            {
                "title": "Visite des galeries",
                "duration": 120,
                "place": "museum",
                "description": (
                    "<p>Avec un guide, la classe parcourt les galeries reconstituées et suit "
                    "l'évolution des techniques d'abattage, du pic au marteau-piqueur.</p>"
                ),
            },
            {
                "title": "Atelier sciences : le grisou et l'aérage",
                "duration": 60,
                "level": "cycle-4",
                "place": "museum",
                "description": (
                    "<p>Pourquoi le grisou explose-t-il ? Les élèves étudient la lampe de "
                    "sûreté et le principe de l'aérage des galeries, puis en tirent des règles "
                    "de sécurité.</p>"
                ),
            },
            {
                "title": "Étude de documents : la catastrophe de Courrières",
                "duration": 60,
                "level": "lycee",
                "place": "classroom",
                "description": (
                    "<p>Presse de l'époque, photographies et témoignages : les élèves "
                    "reconstituent les événements du 10 mars 1906 et leurs suites.</p>"
                ),
            },
            {
                "title": "Lire le paysage : terrils, chevalements et cités",
                "duration": 45,
                "place": "both",
                "description": (
                    "<p>D'une photographie aérienne à la carte, les élèves repèrent ce que la "
                    "mine a laissé dans le paysage et ce qu'il est devenu.</p>"
                ),
            },
        ],
        "works": [],
        "museums": [
            ("Centre historique minier", "Visite des galeries et ateliers pour les classes."),
            (
                "Musée de la mine et des traditions populaires",
                "Pour prolonger : la vie des familles de mineurs.",
            ),
        ],
        "files": [
            (
                "Dossier enseignant – La mine au collège et au lycée",
                "Repères historiques, programmes concernés, pistes d'exploitation.",
            ),
        ],
        "practical_info": (
            "<p>Prévoir des vêtements adaptés : la température est fraîche dans les galeries.</p>"
        ),
    },
    {
        "slug": "couleurs-matisse-maternelle",
        "title": "Les couleurs de Matisse en maternelle",
        "levels": ["cycle-1"],
        "subjects": ["Arts plastiques", "Français"],
        "intro": (
            "Dans la ville natale d'Henri Matisse, les tout-petits découvrent un peintre qui "
            "aimait les couleurs vives et les formes découpées. Une visite courte, adaptée "
            "aux élèves de maternelle, suivie d'un atelier de papiers gouachés et découpés."
        ),
        "objectives": (
            "<ul><li>Nommer les couleurs et remarquer celles qui vont ensemble.</li><li>"
            "Découper et coller des formes pour composer une image.</li><li>Dire ce que l'on "
            "voit et ce que l'on ressent devant une œuvre.</li></ul>"
        ),
        "activities": [
            {
                "title": "Le jeu des couleurs",
                "duration": 20,
                "place": "museum",
                "description": (
                    "<p>Chaque enfant reçoit une carte de couleur et cherche dans la salle "
                    "l'œuvre où elle se trouve.</p>"
                ),
            },
            {
                "title": "Atelier : papiers gouachés et découpés",
                "duration": 45,
                "place": "museum",
                "description": (
                    "<p>Comme Matisse à la fin de sa vie, les enfants découpent des formes "
                    "dans des papiers peints à la gouache et composent ensemble un grand "
                    "tableau.</p>"
                ),
            },
            {
                "title": "En classe : la fresque des couleurs",
                "duration": 30,
                "place": "classroom",
                "description": (
                    "<p>De retour à l'école, la classe prolonge l'atelier sur un grand "
                    "rouleau de papier, un coin par couleur.</p>"
                ),
            },
        ],
        "works": [],
        "museums": [
            ("Musée départemental Matisse", "Visite de 30 minutes et atelier de 45 minutes."),
        ],
        "files": [
            (
                "Dossier enseignant – Les couleurs de Matisse",
                "Le déroulé de la matinée et des idées pour la classe.",
            ),
        ],
        "practical_info": "",
    },
]
