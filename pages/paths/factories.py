"""Build thematic paths for tests, benchmarks and fixtures."""

from itertools import count

from .models import PathIndexPage, ThematicPathPage

_sequence = count(1)


def make_path_index(home, *, title="Parcours", slug="parcours"):
    index = PathIndexPage.objects.child_of(home).filter(slug=slug).first()
    if index is None:
        index = PathIndexPage(title=title, slug=slug, intro="Des parcours pour tous les publics.")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_path(index, *, title=None, steps=None, publish=True, **fields):
    """A published path; ``steps`` is a list of ``(block type, raw value)`` pairs.

    Raw values name pages, images and media by primary key, as the database stores them.
    """
    n = next(_sequence)
    fields.setdefault("intro", "Un parcours pour découvrir le réseau.")
    fields.setdefault("duration", 90)
    fields.setdefault("for_families", True)
    if steps is None:
        steps = [("text", {"title": "Bienvenue", "text": "<p>Commençons.</p>"})]
    raw_steps = [{"type": kind, "value": value} for kind, value in steps]
    page = ThematicPathPage(title=title or f"Parcours {n}", steps=raw_steps, live=publish, **fields)
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
