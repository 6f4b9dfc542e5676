"""Build operation pages for tests, benchmarks and fixtures."""

from itertools import count

from .models import OperationIndexPage, OperationPage

_sequence = count(1)


def make_operation_index(home, **fields):
    index = OperationIndexPage.objects.child_of(home).first()
    if index is None:
        fields.setdefault("title", "Les opérations du réseau")
        fields.setdefault("slug", "operations")
        index = OperationIndexPage(**fields)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_operation(index, *, title=None, museums=(), publish=True, **fields):
    n = next(_sequence)
    fields.setdefault("start_year", 2019)
    fields.setdefault("end_year", 2022)
    page = OperationPage(title=title or f"Opération {n}", live=publish, **fields)
    index.add_child(instance=page)
    if museums:
        page.museums.set(museums)
    if publish:
        page.save_revision().publish()
    else:
        page.save()
    return page
