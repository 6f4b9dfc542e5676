"""Object records ("notices") in the Joconde format, their photographs and vocabularies.

A :class:`Record` belongs to one museum of the directory (the core's
``musenor_museums.MuseumPage``, named by string: the plugin imports no page
model) and carries the Joconde fields of ``docs/notices.md``. Multi-valued
fields checked against a thesaurus (DOMN, DENO, AUTR, ECOL, PERI, TECH, REPR,
LIEUX) are relations to reference tables (:class:`Term` subclasses); STAT is
one. A value that matches no entry is kept as written, as an entry in the
state "to review", and the record is flagged ``needs_review``.

Records are Wagtail snippets with drafts, revisions, locking and preview: the
row holds the live version (or the first draft), later drafts live in
revisions. Public means live *and* cleared for publication.

Dependencies go one way: this package imports the core and Wagtail only. The
vocabularies are in ``terms``, records and their photographs in ``records``, the
editors' selections in ``selections``, the admin's imports in ``imports``.
"""

from .imports import ImportMapping, ImportRun, import_storage
from .records import (
    REF_LENGTH,
    ImageLicence,
    LossStatus,
    Record,
    RecordImage,
    RecordQuerySet,
    record_slug,
)
from .selections import RecordSelection, RecordSelectionItem
from .terms import (
    VOCABULARIES,
    Author,
    Denomination,
    Domain,
    LegalStatus,
    Period,
    Place,
    School,
    Subject,
    Technique,
    Term,
    TermQuerySet,
    TermStatus,
    term_key,
)

__all__ = [
    "REF_LENGTH",
    "VOCABULARIES",
    "Author",
    "Denomination",
    "Domain",
    "ImageLicence",
    "ImportMapping",
    "ImportRun",
    "LegalStatus",
    "LossStatus",
    "Period",
    "Place",
    "Record",
    "RecordImage",
    "RecordQuerySet",
    "RecordSelection",
    "RecordSelectionItem",
    "School",
    "Subject",
    "Technique",
    "Term",
    "TermQuerySet",
    "TermStatus",
    "import_storage",
    "record_slug",
    "term_key",
]
