"""Build showcases for tests, benchmarks and the demo."""

from itertools import count

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale

from .models import SchoolLevel, ShowcaseIndexPage, ShowcaseMuseum, ShowcasePage, Subject
from .pdf import minimal_pdf

_sequence = count(1)


def make_showcase_index(parent, *, title="Enseignants", slug="enseignants", **fields):
    index = ShowcaseIndexPage.objects.child_of(parent).filter(slug=slug).first()
    if index is None:
        index = ShowcaseIndexPage(title=title, slug=slug, **fields)
        parent.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_subject(name):
    return Subject.objects.get_or_create(
        slug=slugify(name), locale=Locale.get_default(), defaults={"name": name}
    )[0]


def make_document(title, lines=(), filename=None):
    """A real, small PDF stored as a Wagtail document, with its size and hash set."""
    Document = get_document_model()
    document = Document(title=title)
    content = minimal_pdf(title, lines)
    document.file.save(filename or f"{slugify(title)}.pdf", ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def make_showcase(
    index,
    *,
    title=None,
    levels=("cycle-3",),
    subjects=(),
    museums=(),
    publish=True,
    **fields,
):
    """A showcase under ``index``; ``fields`` may set child relations (``teaching_files=[…]``)."""
    n = next(_sequence)
    fields.setdefault("intro", "Une visite et un atelier pour la classe.")
    SchoolLevel.objects.ensure_all()
    page = ShowcasePage(
        title=title or f"Vitrine numéro {n}",
        live=publish,
        levels=list(SchoolLevel.objects.filter(code__in=levels)),
        subjects=[make_subject(name) for name in subjects],
        linked_museums=[ShowcaseMuseum(museum=museum) for museum in museums],
        **fields,
    )
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
