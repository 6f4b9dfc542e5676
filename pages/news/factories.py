"""Build news pages for tests, benchmarks and fixtures."""

from itertools import count

from .models import NewsIndexPage, NewsPage

_sequence = count(1)


def make_news_index(parent, **fields):
    index = NewsIndexPage.objects.child_of(parent).first()
    if index is None:
        fields.setdefault("title", "Actualités")
        fields.setdefault("slug", "actualites")
        index = NewsIndexPage(**fields)
        parent.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_news(index, *, title=None, tags=(), museums=(), publish=True, **fields):
    n = next(_sequence)
    page = NewsPage(title=title or f"Actualité {n}", live=publish, **fields)
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    if museums:
        page.related_museums.set(museums)
    if publish:
        page.save_revision().publish()
    else:
        page.save()
    return page
