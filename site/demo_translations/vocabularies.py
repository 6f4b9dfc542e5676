"""The directory's themes and the school subjects in English and Dutch.

Keyed by the vocabulary's model, then by the French name, as the demo creates
them (``site/data/museums.csv``, ``musenor.pages.education.demo_content``).
"""

VOCABULARIES = {
    "musenor_museums.MuseumTheme": {
        "archéologie": {"en": "archaeology", "nl": "archeologie"},
        "art moderne et contemporain": {
            "en": "modern and contemporary art",
            "nl": "moderne en hedendaagse kunst",
        },
        "art sacré": {"en": "sacred art", "nl": "religieuze kunst"},
        "arts décoratifs": {"en": "decorative arts", "nl": "decoratieve kunsten"},
        "arts graphiques": {"en": "graphic arts", "nl": "grafische kunst"},
        "beaux-arts": {"en": "fine arts", "nl": "schone kunsten"},
        "ethnographie": {"en": "ethnography", "nl": "etnografie"},
        "histoire": {"en": "history", "nl": "geschiedenis"},
        "histoire naturelle": {"en": "natural history", "nl": "natuurlijke historie"},
        "littérature": {"en": "literature", "nl": "literatuur"},
        "sciences et techniques": {"en": "science and technology", "nl": "wetenschap en techniek"},
        "textile": {"en": "textiles", "nl": "textiel"},
    },
    "musenor_education.Subject": {
        "Arts plastiques": {"en": "Visual arts", "nl": "Beeldende vorming"},
        "Éducation morale et civique": {
            "en": "Moral and civic education",
            "nl": "Burgerschapsvorming",
        },
        "Français": {"en": "French", "nl": "Frans"},
        "Géographie": {"en": "Geography", "nl": "Aardrijkskunde"},
        "Histoire": {"en": "History", "nl": "Geschiedenis"},
        "Histoire des arts": {"en": "Art history", "nl": "Kunstgeschiedenis"},
        "Questionner le monde": {"en": "Exploring the world", "nl": "Wereldoriëntatie"},
        "Sciences": {"en": "Science", "nl": "Natuurwetenschappen"},
    },
}
