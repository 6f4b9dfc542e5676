"""Helpers for the demo content, shared by the page apps' ``demo`` modules.

``manage.py load_demo`` builds the home page and the museum directory, then
calls ``load(home=…, seed=…, stdout=…)`` of each module in
:data:`DEMO_MODULES`, in order. Every loader finds its pages by slug and
updates them, so running the command again changes nothing.
"""

# Page apps that contribute demo content, in the order they need each other.
DEMO_MODULES: list[str] = [
    "musenor.pages.paths.demo",
    "musenor.pages.circuits.demo",
    "musenor.pages.operations.demo",
    "musenor.pages.exhibitions.demo",
    "musenor.pages.education.demo",
    "musenor.pages.selections.demo",
    "musenor.pages.standard.demo",
    "musenor.pages.news.demo",
]


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

    Strings missing from ``strings`` keep their French text (localize's
    fallback), so an editor can finish the translation in the admin. The
    translation is published when the transaction commits. A page that already
    has a translation in ``locale`` is left alone.
    """
    from wagtail_localize.models import Translation, TranslationSource

    if page.get_translations().filter(locale=locale).exists():
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
