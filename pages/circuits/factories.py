"""Build circuits for tests, benchmarks and fixtures."""

from itertools import count

from .models import CircuitIndexPage, CircuitPage, CircuitStop

_sequence = count(1)


def make_circuit_index(home, *, title="Circuits", slug="circuits"):
    index = CircuitIndexPage.objects.child_of(home).filter(slug=slug).first()
    if index is None:
        index = CircuitIndexPage(title=title, slug=slug, intro="Plusieurs musées en une sortie.")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_circuit(index, museums, *, title=None, publish=True, **fields):
    """A circuit whose stops are ``museums`` in order (or ``(museum, stop fields)`` pairs)."""
    n = next(_sequence)
    fields.setdefault("intro", "Un circuit entre plusieurs musées du réseau.")
    page = CircuitPage(title=title or f"Circuit {n}", live=publish, **fields)
    for order, item in enumerate(museums):
        museum, extra = item if isinstance(item, tuple) else (item, {})
        page.stops.add(CircuitStop(museum=museum, sort_order=order, **extra))
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
