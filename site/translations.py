"""The site in every language: wagtail-localize's synchronised trees, and what is French.

Each language other than French is *synchronised* from French
(wagtail-localize's ``LocaleSynchronization``, the "Synchronise content from"
setting of a locale in the admin): every French page has a counterpart under
``/en/`` and ``/nl/``, an *alias* that shows the French content until someone
translates it. wagtail-localize creates the aliases of a page made in the admin
(its ``after_create_page`` hook) and of the whole tree when a synchronisation is
set up; :func:`alias_new_pages` does it for pages made by code (imports, the
demo) when they are first published.

An alias shows French text inside an English or Dutch page: :func:`content_language`
tells the templates which language to declare (``lang="fr"``).
"""

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.signals import page_published


def source_language():
    """The language every synchronised tree copies: the site's default language."""
    return settings.LANGUAGE_CODE


def synchronise_locales():
    """Make a locale for every language of ``LANGUAGES`` and synchronise each from
    the default language's tree (aliases for every page not yet translated)."""
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import synchronize_tree

    source, _ = Locale.objects.get_or_create(language_code=source_language())
    for code, _name in settings.LANGUAGES:
        if code == source.language_code:
            continue
        locale, _ = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
        # Directly rather than through sync_trees(), which may enqueue it.
        synchronize_tree(source, locale)


def content_language(page):
    """The language of ``page``'s text when it differs from the active language, else "".

    An alias (an untranslated page of a synchronised tree) holds the French text
    of its source.
    """
    if getattr(page, "alias_of_id", None) is None:
        return ""
    language = source_language()
    return "" if translation.get_language() == language else language


def _synchronised_locales(locale_id):
    from wagtail_localize.models import LocaleSynchronization

    return Locale.objects.filter(
        pk__in=LocaleSynchronization.objects.filter(sync_from_id=locale_id).values("locale_id")
    )


def _alias_everywhere(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or page.alias_of_id is not None:
        return
    present = set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    for locale in _synchronised_locales(page.locale_id).exclude(pk__in=present):
        page.copy_for_translation(locale, copy_parents=True, alias=True)


@receiver(page_published)
def alias_new_pages(sender, instance, **kwargs):
    """Give a page published in a synchronised tree's source its aliases, when it has none.

    A page created in the admin has them already (wagtail-localize); one created
    by code (an import, the demo) gets them here. After the transaction, as
    wagtail-localize publishes its own translations.
    """
    if instance.alias_of_id is None:
        transaction.on_commit(lambda: _alias_everywhere(instance.pk))


def source_locale_only():
    """``limit_choices_to`` for the vocabularies pages link to (themes, subjects).

    A page links to the French entries, whatever its language: a translated page
    keeps its source's links (wagtail-localize copies many-to-many fields as they
    are), and :func:`localized` shows each entry in the visitor's language.
    """
    from django.db.models import Q

    return Q(locale__language_code=source_language())


def localized(objects, request=None):
    """``objects`` (entries of one translatable vocabulary) in the active language.

    Each entry is replaced by its translation in the active locale, when there is
    one; an entry nobody translated stays as it is. Vocabularies are small, so
    one query reads all the entries of a locale, and with a ``request`` that
    query is made once per request and vocabulary (a listing of 30 museum cards
    costs one query, not 30).
    """
    objects = list(objects)
    if not objects:
        return objects
    language = translation.get_language() or source_language()
    if language == source_language():
        # Pages link to the French entries: nothing to look up.
        return objects
    model = type(objects[0]).get_translation_model()
    memo = getattr(request, "_musenor_vocabularies", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._musenor_vocabularies = memo
    key = (model._meta.label, language)
    if key not in memo:
        memo[key] = {
            entry.translation_key: entry
            for entry in model.objects.filter(locale__language_code=language)
        }
    found = memo[key]
    return [found.get(entry.translation_key, entry) for entry in objects]


def pages_in_language(pages, locale_id, queryset=None):
    """``pages`` with each one swapped for its live counterpart in locale ``locale_id``.

    A page links to other pages (an exhibition to its museums) in the language
    it was written in; an English or Dutch copy of it must lead into its own
    tree. Costs nothing when every page is already in that language, otherwise
    one query on ``queryset`` (``Page.objects.specific()`` when not given).
    A page without a counterpart stays as it is.
    """
    pages = list(pages)
    if locale_id is None or all(page.locale_id == locale_id for page in pages):
        return pages
    keys = {page.translation_key for page in pages if page.locale_id != locale_id}
    if queryset is None:
        queryset = Page.objects.specific()
    found = {
        page.translation_key: page
        for page in queryset.filter(translation_key__in=keys, locale_id=locale_id).live()
    }
    return [
        page if page.locale_id == locale_id else found.get(page.translation_key, page)
        for page in pages
    ]


def relink_in_language(items, attribute, locale_id, queryset=None):
    """Point ``item.<attribute>`` (a page) of each of ``items`` at its counterpart in
    locale ``locale_id`` (:func:`pages_in_language`, one query); for display only,
    the items are never saved. Returns ``items`` as a list."""
    items = list(items)
    linked = [item for item in items if getattr(item, attribute, None) is not None]
    pages = pages_in_language([getattr(item, attribute) for item in linked], locale_id, queryset)
    for item, page in zip(linked, pages, strict=True):
        setattr(item, attribute, page)
    return items
