"""Build museum pages for tests, benchmarks and fixtures."""

from decimal import Decimal
from itertools import count

from wagtail.models import Locale, Page, Site

from musenor.pages.home.models import HomePage

from .models import MuseumIndexPage, MuseumPage, MuseumTheme

_sequence = count(1)


def make_site_tree():
    """A French home page as the default site's root, and a museum directory under it."""
    locale, _ = Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        home = HomePage(title="Musenor", slug="accueil", locale=locale)
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        # The host of Django's test client: pages' absolute URLs are those it is served at.
        defaults={"hostname": "testserver", "port": 80, "root_page": home, "site_name": "Musenor"},
    )
    directory = MuseumIndexPage.objects.child_of(home).first()
    if directory is None:
        directory = MuseumIndexPage(title="Les musées", slug="musees", show_in_menus=True)
        home.add_child(instance=directory)
        directory.save_revision().publish()
    return home, directory


def make_theme(name):
    from django.utils.text import slugify
    from wagtail.models import Locale

    return MuseumTheme.objects.get_or_create(
        slug=slugify(name), locale=Locale.get_default(), defaults={"name": name}
    )[0]


def make_museum(directory, *, title=None, themes=(), publish=True, **fields):
    n = next(_sequence)
    fields.setdefault("city", "Lille")
    fields.setdefault("department", "59")
    fields.setdefault("latitude", Decimal("50.63") + Decimal(n) / 1000)
    fields.setdefault("longitude", Decimal("3.06"))
    page = MuseumPage(title=title or f"Musée numéro {n}", live=publish, **fields)
    directory.add_child(instance=page)
    if themes:
        page.themes.set([make_theme(name) for name in themes])
    if publish:
        page.save_revision().publish()
    return page
