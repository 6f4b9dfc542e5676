"""The demo in English and Dutch: synchronised trees, and one page of every type translated.

Run by ``load_demo`` after every app's content (``load``). Every French page
gets its counterpart under ``/en/`` and ``/nl/`` (wagtail-localize's
synchronised trees, :func:`musenor.site.translations.synchronise_locales`);
then one page of each portal page type is translated by hand into both
languages, the way an editor would in wagtail-localize's editor. The home
page, "À propos", the directory and Louvre-Lens are translated by
``musenor.pages.home.demo``.

Each page is found by its page type and slug; a page the demo does not have
(its app or plugin switched off) is skipped. A string missing here keeps its
French text (wagtail-localize's fallback). The vocabularies pages link to (the
directory's themes, the school subjects) are translated the same way.
"""

from django.apps import apps
from django.db import transaction
from wagtail.models import Locale

from ..demo import translate_page
from ..translations import synchronise_locales
from .pages import PAGES
from .vocabularies import VOCABULARIES


def _page(label, slug, locale):
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    return model.objects.filter(locale=locale, slug=slug).first()


def load(stdout):
    """Synchronise the trees, then translate the pages of :data:`PAGES`."""
    with transaction.atomic():
        synchronise_locales()
    source = Locale.get_default()
    done = 0
    for (label, slug), languages in PAGES.items():
        page = _page(label, slug, source)
        if page is None:
            continue
        for code, strings in languages.items():
            # One transaction per translation: wagtail-localize publishes it on commit.
            with transaction.atomic():
                if translate_page(page, Locale.objects.get(language_code=code), strings):
                    done += 1
    entries = 0
    for label, names in VOCABULARIES.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        for entry in model.objects.filter(locale=source, name__in=names):
            for code, name in names[entry.name].items():
                with transaction.atomic():
                    locale = Locale.objects.get(language_code=code)
                    if translate_page(entry, locale, {entry.name: name}):
                        entries += 1
    stdout.write(
        f"Translations: every page under /en/ and /nl/; {done} more pages and "
        f"{entries} vocabulary entries translated."
    )
