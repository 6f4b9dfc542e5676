"""The Joconde codes an import reads, and where each goes on a record.

Importable without models (the reading layer uses it at any time): vocabularies
are named by model name and resolved through the app registry.
"""

#: Text fields: Joconde code → ``Record`` field.
TEXT_FIELDS = {
    "REF": "ref",
    "INV": "inventory_number",
    "MUSEO": "museo",
    "TITR": "title",
    "APPL": "appellation",
    "PAUT": "author_details",
    "ATTR": "former_attributions",
    "MILL": "creation_years",
    "EPOQ": "epoch",
    "DIMS": "dimensions",
    "INSC": "inscriptions",
    "PINS": "inscription_details",
    "DESC": "description",
    "PREP": "subject_details",
    "DREP": "subject_date",
    "SREP": "subject_source",
    "GENE": "genesis",
    "HIST": "history",
    "PLIEUX": "place_details",
    "DECV": "discovery",
    "PDEC": "discovery_details",
    "UTIL": "use",
    "PUTI": "use_details",
    "DACQ": "acquisition_date",
    "APTN": "former_owner",
    "DEPO": "depositary",
    "ADPT": "former_deposit",
    "DDPT": "deposit_date",
    "LOCA": "location",
    "LOCA2": "location_place",
    "MANQUANT_COM": "loss_comment",
    "EXPO": "exhibitions",
    "BIBL": "bibliography",
    "COMM": "comments",
    "ETAT": "condition",
    "PHOT": "photo_credits",
    "COPY": "copyright",
    "REFIM": "image_references",
    "WWW": "website",
    "LVID": "video",
}

#: Multi-valued vocabulary fields: code → (``Record`` many-to-many field, vocabulary model name).
VOCABULARY_FIELDS = {
    "DOMN": ("domains", "Domain"),
    "DENO": ("denominations", "Denomination"),
    "AUTR": ("authors", "Author"),
    "ECOL": ("schools", "School"),
    "PERI": ("periods", "Period"),
    "TECH": ("techniques", "Technique"),
    "REPR": ("subjects", "Subject"),
    "LIEUX": ("places", "Place"),
}

#: STAT is one legal status (a foreign key); what follows its first part is kept as details.
STATUS_CODE = "STAT"
LOSS_CODE = "MANQUANT"
#: Written by the portal, read and ignored on import (POP's dates of the record).
GENERATED_CODES = {"DMIS", "DMAJ"}

#: Codes a file must have as columns (MUSEO comes from the museum when absent).
REQUIRED_COLUMNS = ["INV", "DOMN", "STAT"]
#: Codes a row must fill.
REQUIRED_VALUES = ["INV", "DOMN", "STAT"]

FIELD_CODES = frozenset(
    {*TEXT_FIELDS, *VOCABULARY_FIELDS, STATUS_CODE, LOSS_CODE, *GENERATED_CODES}
)

#: MANQUANT as written in exports → ``Record.loss_status`` value.
LOSS_VALUES = {
    "manquant": "missing",
    "disparu": "missing",
    "missing": "missing",
    "vole": "stolen",
    "volé": "stolen",
    "stolen": "stolen",
    "detruit": "destroyed",
    "détruit": "destroyed",
    "destroyed": "destroyed",
}
