# ruff: noqa: E501 - the French source texts are the keys, quoted whole as wagtail-localize extracts them
"""The selections, their index and the quiz page in English and Dutch."""

QUIZ_EN = {
    "Quel musée est fait pour vous ?": "Which museum is right for you?",
    "Cinq questions, et nous vous proposons les musées du réseau qui vous correspondent le mieux, en vous disant pourquoi.": (
        "Five questions, and we suggest the network's museums that suit you best, and tell you why."
    ),
    "Avec qui venez-vous ?": "Who are you coming with?",
    "En famille, avec des enfants": "As a family, with children",
    "Seul, en couple ou entre amis": "Alone, as a couple or with friends",
    "Qu'aimez-vous regarder ?": "What do you like to look at?",
    "Plusieurs réponses sont possibles.": "You may choose several answers.",
    "Des tableaux et des sculptures": "Paintings and sculptures",
    "L'art d'aujourd'hui": "Today's art",
    "Les objets du quotidien, la mode et les savoir-faire": "Everyday objects, fashion and crafts",
    "Les sciences, la nature et les machines": "Science, nature and machines",
    "L'histoire, les guerres et la mémoire": "History, wars and remembrance",
    "Les fouilles et l'Antiquité": "Excavations and Antiquity",
    "Les écrivains et les livres": "Writers and books",
    "Où voulez-vous aller ?": "Where would you like to go?",
    "Dans l'Aisne": "In the Aisne",
    "Dans le Nord": "In the Nord",
    "Dans l'Oise": "In the Oise",
    "Dans le Pas-de-Calais": "In the Pas-de-Calais",
    "Dans la Somme": "In the Somme",
    "Peu importe": "Anywhere",
    "Avez-vous besoin d'un accès adapté ?": "Do you need adapted access?",
    "Les musées déclarent eux-mêmes leurs aménagements : en cas de doute, appelez-les avant de venir.": (
        "The museums declare their facilities themselves: if in doubt, call them before you come."
    ),
    "Je me déplace en fauteuil roulant": "I use a wheelchair",
    "Je suis aveugle ou malvoyant": "I am blind or partially sighted",
    "Je suis sourd ou malentendant": "I am deaf or hard of hearing",
    "J'accompagne une personne en situation de handicap mental": (
        "I am with a person with an intellectual disability"
    ),
    "Quand pensez-vous venir ?": "When are you thinking of coming?",
    "Un samedi": "On a Saturday",
    "Un dimanche": "On a Sunday",
    "Un lundi": "On a Monday",
    "Je ne sais pas encore": "I don't know yet",
    "Parcourir tous les musées": "Browse every museum",
    "Par département, par thème ou par ville.": "By département, theme or town.",
}
QUIZ_NL = {
    "Quel musée est fait pour vous ?": "Welk museum past bij u?",
    "Cinq questions, et nous vous proposons les musées du réseau qui vous correspondent le mieux, en vous disant pourquoi.": (
        "Vijf vragen, en wij stellen de musea van het netwerk voor die het best bij u passen, "
        "met de reden erbij."
    ),
    "Avec qui venez-vous ?": "Met wie komt u?",
    "En famille, avec des enfants": "Met het gezin, met kinderen",
    "Seul, en couple ou entre amis": "Alleen, met z'n tweeën of met vrienden",
    "Qu'aimez-vous regarder ?": "Waar kijkt u graag naar?",
    "Plusieurs réponses sont possibles.": "U kunt meerdere antwoorden kiezen.",
    "Des tableaux et des sculptures": "Schilderijen en beeldhouwwerken",
    "L'art d'aujourd'hui": "Hedendaagse kunst",
    "Les objets du quotidien, la mode et les savoir-faire": (
        "Voorwerpen van alledag, mode en vakmanschap"
    ),
    "Les sciences, la nature et les machines": "Wetenschap, natuur en machines",
    "L'histoire, les guerres et la mémoire": "Geschiedenis, oorlogen en herinnering",
    "Les fouilles et l'Antiquité": "Opgravingen en de Oudheid",
    "Les écrivains et les livres": "Schrijvers en boeken",
    "Où voulez-vous aller ?": "Waar wilt u heen?",
    "Dans l'Aisne": "In de Aisne",
    "Dans le Nord": "In het Noorderdepartement",
    "Dans l'Oise": "In de Oise",
    "Dans le Pas-de-Calais": "In de Pas-de-Calais",
    "Dans la Somme": "In de Somme",
    "Peu importe": "Maakt niet uit",
    "Avez-vous besoin d'un accès adapté ?": "Hebt u een aangepaste toegang nodig?",
    "Les musées déclarent eux-mêmes leurs aménagements : en cas de doute, appelez-les avant de venir.": (
        "De musea geven hun voorzieningen zelf op: bel ze bij twijfel voordat u komt."
    ),
    "Je me déplace en fauteuil roulant": "Ik verplaats me in een rolstoel",
    "Je suis aveugle ou malvoyant": "Ik ben blind of slechtziend",
    "Je suis sourd ou malentendant": "Ik ben doof of slechthorend",
    "J'accompagne une personne en situation de handicap mental": (
        "Ik begeleid iemand met een verstandelijke beperking"
    ),
    "Quand pensez-vous venir ?": "Wanneer denkt u te komen?",
    "Un samedi": "Op een zaterdag",
    "Un dimanche": "Op een zondag",
    "Un lundi": "Op een maandag",
    "Je ne sais pas encore": "Dat weet ik nog niet",
    "Parcourir tous les musées": "Alle musea bekijken",
    "Par département, par thème ou par ville.": "Per departement, thema of stad.",
}

SELECTIONS = {
    ("musenor_selections.SelectionIndexPage", "choisir-un-musee"): {
        "en": {
            "Choisir un musée": "Choose a museum",
            "Vous ne savez pas par où commencer ? Laissez-vous guider par nos sélections thématiques, ou répondez à quelques questions : nous vous proposerons les musées du réseau qui vous ressemblent.": (
                "Not sure where to start? Let our themed selections guide you, or answer a few "
                "questions: we will suggest the network's museums that suit you."
            ),
        },
        "nl": {
            "Choisir un musée": "Een museum kiezen",
            "Vous ne savez pas par où commencer ? Laissez-vous guider par nos sélections thématiques, ou répondez à quelques questions : nous vous proposerons les musées du réseau qui vous ressemblent.": (
                "Weet u niet waar te beginnen? Laat u leiden door onze thematische selecties, "
                "of beantwoord een paar vragen: wij stellen de musea van het netwerk voor die "
                "bij u passen."
            ),
        },
    },
    ("musenor_selections.SelectionPage", "sciences-et-techniques"): {
        "en": {
            "Sciences, nature et techniques": "Science, nature and technology",
            "Papillons, mines, machines et inventions : des musées où l'on comprend comment marche le monde, à visiter en famille.": (
                "Butterflies, mines, machines and inventions: museums where you understand how "
                "the world works, to visit as a family."
            ),
        },
        "nl": {
            "Sciences, nature et techniques": "Wetenschap, natuur en techniek",
            "Papillons, mines, machines et inventions : des musées où l'on comprend comment marche le monde, à visiter en famille.": (
                "Vlinders, mijnen, machines en uitvindingen: musea waar je begrijpt hoe de "
                "wereld werkt, om met het gezin te bezoeken."
            ),
        },
    },
    ("musenor_selections.QuizPage", "quel-musee-pour-vous"): {"en": QUIZ_EN, "nl": QUIZ_NL},
}
