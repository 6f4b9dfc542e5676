"""Build exhibition pages for tests, benchmarks and fixtures."""

from datetime import timedelta
from itertools import count

from django.utils import timezone

from .models import ExhibitionIndexPage, ExhibitionPage

_sequence = count(1)


def make_exhibition_index(home, **fields):
    index = ExhibitionIndexPage.objects.child_of(home).first()
    if index is None:
        fields.setdefault("title", "Expositions")
        fields.setdefault("slug", "expositions")
        index = ExhibitionIndexPage(**fields)
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_exhibition(index, *, title=None, museums=(), tags=(), publish=True, **fields):
    """An exhibition open today for two months, unless dates are given."""
    n = next(_sequence)
    today = timezone.localdate()
    fields.setdefault("start_date", today - timedelta(days=30))
    if "end_date" not in fields:
        fields["end_date"] = fields["start_date"] + timedelta(days=60)
    if not museums:
        fields.setdefault("venue", "Médiathèque municipale")
    page = ExhibitionPage(title=title or f"Exposition {n}", live=publish, **fields)
    index.add_child(instance=page)
    if museums:
        page.museums.set(museums)
    if tags:
        page.tags.add(*tags)
    if publish:
        page.save_revision().publish()
    else:
        page.save()
    return page
