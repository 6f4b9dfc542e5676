"""Records for the search tests: two museums, a few vocabularies, public and private records."""

import pytest

from musenor.pages.museums.factories import make_museum


@pytest.fixture
def collection(directory):
    """Named records of two museums, indexed by the search backend as an edit would."""
    from musenor.plugins.notices.models import (
        Author,
        Denomination,
        Domain,
        LegalStatus,
        Period,
        Record,
        Technique,
        term_key,
    )
    from musenor.plugins.notices.search.indexing import index_records

    def entry(model, label):
        # The plugin's migrations seed the vocabularies with real values.
        return model.objects.get_or_create(key=term_key(label), defaults={"label": label})[0]

    lille = make_museum(directory, title="Palais des Beaux-Arts de Lille", city="Lille")
    arras = make_museum(directory, title="Musée des Beaux-Arts d'Arras", city="Arras")
    status = entry(LegalStatus, "propriété de l'Etat")
    terms = {
        "beaux-arts": entry(Domain, "beaux-arts"),
        "peinture": entry(Domain, "peinture"),
        "dessin": entry(Domain, "dessin"),
        "sculpture": entry(Domain, "sculpture"),
        "tableau": entry(Denomination, "tableau"),
        "statuette": entry(Denomination, "statuette"),
        "huile": entry(Technique, "huile sur toile"),
        "bronze": entry(Technique, "bronze"),
        "xixe": entry(Period, "19e siècle"),
        "corot": entry(Author, "Corot Jean-Baptiste Camille"),
        "rodin": entry(Author, "Rodin Auguste"),
    }
    rows = [
        # key, museum, inventory, title, description, domains, denominations, techniques, authors
        (
            "sport-bxa",
            lille,
            "P.1",
            "Les lutteurs",
            "Scène de sport",
            ["beaux-arts", "peinture"],
            ["tableau"],
            ["huile"],
            ["corot"],
        ),
        (
            "sport-sculpt",
            arras,
            "S.1",
            "Le discobole",
            "Athlète, sport antique",
            ["sculpture"],
            ["statuette"],
            ["bronze"],
            ["rodin"],
        ),
        (
            "paysage",
            lille,
            "P.2",
            "Paysage à Mortefontaine",
            "Étang et arbres",
            ["peinture"],
            ["tableau"],
            ["huile"],
            ["corot"],
        ),
        (
            "grande-guerre",
            arras,
            "D.1",
            "Soldats de la Grande Guerre",
            "Dessin de tranchée",
            ["dessin"],
            [],
            [],
            [],
        ),
        ("guerre-grande", arras, "D.2", "La guerre", "Une grande armée", ["dessin"], [], [], []),
        (
            "private",
            lille,
            "P.3",
            "Sport privé",
            "Non publié",
            ["beaux-arts"],
            ["tableau"],
            ["huile"],
            ["corot"],
        ),
        (
            "uncleared",
            lille,
            "P.4",
            "Sport réservé",
            "Non autorisé",
            ["beaux-arts"],
            ["tableau"],
            ["huile"],
            [],
        ),
    ]
    records = {}
    for key, museum, inv, title, description, domains, denominations, techniques, authors in rows:
        record = Record.objects.create(
            museum=museum,
            inventory_number=inv,
            museo="M0001",
            title=title,
            description=description,
            legal_status=status,
            live=key != "private",
            cleared_for_publication=key != "uncleared",
        )
        record.domains.set([terms[k] for k in domains])
        record.denominations.set([terms[k] for k in denominations])
        record.techniques.set([terms[k] for k in techniques])
        record.authors.set([terms[k] for k in authors])
        record.periods.set([terms["xixe"]])
        # Parental many-to-many relations are written when the record is saved.
        record.save()
        records[key] = record
    index_records([r.pk for r in records.values()])
    return {"museums": {"lille": lille, "arras": arras}, "terms": terms, "records": records}
