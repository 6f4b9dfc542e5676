"""The demo content of the site's frame, and helpers shared by the apps' ``demo`` modules.

``manage.py load_demo`` builds the home page and the site, then runs the
``load_demo_data`` hook: each core app implements it in its ``musenor_hooks``
module by calling ``load(home=…, seed=…, stdout=…)`` of its ``demo`` module
(through :func:`load_in_transaction`), after the apps it needs
(``runs_after``); the plugins' implementations come after the core's. Every
loader finds its pages by slug and updates them, so running the command again
changes nothing.
"""

from django.db import transaction

ABOUT_INTRO = "Musenor est l'association des professionnels des musées des Hauts-de-France."


def load_in_transaction(load, site, seed, stdout):
    """Run an app's demo ``load(home, seed, stdout)`` in one transaction, on the home page."""
    with transaction.atomic():
        load(home=site.root_page.specific, seed=seed, stdout=stdout)


def load(home, seed, stdout):
    """The "À propos" page, first in the menu; the association's working groups."""
    from musenor.pages.standard.models import StandardPage
    from musenor.site.accounts.models import WorkingGroup

    from . import demo_basics

    publish_child(
        home, StandardPage, "a-propos", title="À propos", show_in_menus=True, intro=ABOUT_INTRO
    )
    created = WorkingGroup.objects.load_defaults()
    stdout.write(f"Working groups: {created} created.\n")
    demo_basics.load(home)


def publish_child(parent, model, slug, **fields):
    """Create or update the ``model`` page ``slug`` under ``parent`` and publish it."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for key, value in fields.items():
            setattr(page, key, value)
    page.save_revision().publish()
    return page


def translate_page(page, locale, strings):
    """Translate ``page`` into ``locale`` with wagtail-localize, from a source→target dict.

    ``page`` may also be a translatable snippet (a museum theme).

    Strings missing from ``strings`` keep their French text (localize's
    fallback), so an editor can finish the translation in the admin. The
    translation is published when the transaction commits. A page that already
    has a translation in ``locale`` is left alone; an alias there (the
    synchronised tree's stand-in, ``musenor.site.translations``) becomes the
    translation.
    """
    from wagtail_localize.models import Translation, TranslationSource

    existing = page.get_translations().filter(locale=locale)
    if hasattr(page, "alias_of_id"):
        existing = existing.filter(alias_of__isnull=True)
    if existing.exists():
        return None
    # Extract the page as it is now: a source left by an earlier or interrupted
    # run may hold older texts, or none.
    source, _ = TranslationSource.update_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po)
    translation.save_target(publish=True)
    return translation
