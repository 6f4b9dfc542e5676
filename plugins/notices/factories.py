"""Build records and vocabulary entries for tests, the demo and benchmarks."""

from itertools import count

from .models import Domain, LegalStatus, Record, RecordImage

_sequence = count(1)


def make_term(vocabulary, label, **fields):
    from .models import term_key

    term = vocabulary.objects.filter(key=term_key(label)).first()
    if term is None:
        term = vocabulary.objects.create(label=label, **fields)
    return term


def make_record(museum, *, publish=True, cleared=True, domains=("peinture",), images=(), **fields):
    """A record of ``museum``; published (a revision, as the admin does) unless told otherwise."""
    n = next(_sequence)
    fields.setdefault("inventory_number", f"T.{n}")
    fields.setdefault("museo", "M0000")
    fields.setdefault("title", f"Objet {n}")
    if "legal_status" not in fields:
        fields["legal_status"] = make_term(LegalStatus, "propriété de la commune")
    record = Record(museum=museum, cleared_for_publication=cleared, live=False, **fields)
    record.save()
    record.domains.set([make_term(Domain, label) for label in domains])
    for position, (image, extra) in enumerate(images):
        RecordImage.objects.create(record=record, image=image, sort_order=position, **extra)
    if publish:
        record.save_revision().publish()
        record.refresh_from_db()
    return record
