"""Rules every block of the library follows, checked on every exported block.

A block added to ``musenor.streamfields.blocks`` without an icon, a label, a
description, a template (or its own ``render``), a preview value or its own
``clean`` fails here, as does a block whose preview does not open in the
editor.
"""

import inspect
import re

import pytest
from django.urls import reverse
from wagtail import blocks

from musenor.streamfields import blocks as library

# Stream blocks compose the others: they are checked through their children.
CONTAINERS = {"BodyStreamBlock"}


def exported_blocks():
    return [
        (name, getattr(library, name))
        for name in library.__all__
        if inspect.isclass(getattr(library, name))
        and issubclass(getattr(library, name), blocks.Block)
        and name not in CONTAINERS
    ]


BLOCKS = exported_blocks()


def registered_icons():
    """The icons of Wagtail's admin sprite (its own and those registered by apps)."""
    from pathlib import PurePosixPath

    from wagtail import hooks

    icons = []
    for register in hooks.get_hooks("register_icons"):
        icons = register(icons)
    return {PurePosixPath(path).stem for path in icons} - {"placeholder"}


def test_the_library_exports_the_blocks_of_the_issue():
    names = {name for name, _ in BLOCKS}
    assert {
        "GalleryBlock",
        "VideoBlock",
        "AudioBlock",
        "TimelineBlock",
        "AccordionBlock",
        "TwoColumnsBlock",
        "KeyFiguresBlock",
        "TableBlock",
        "MuseumMapBlock",
        "MuseumCardBlock",
        "PageCardsBlock",
        "CallToActionBlock",
        "DownloadBlock",
        "EmbedBlock",
    } <= names


@pytest.mark.parametrize(("name", "block_class"), BLOCKS, ids=[name for name, _ in BLOCKS])
def test_every_block_has_what_the_editor_needs(name, block_class):
    block = block_class()
    assert block.meta.icon in registered_icons(), f"{name}: no icon, or not one of Wagtail's"
    assert block.meta.label, f"{name}: no label"
    assert block.meta.group, f"{name}: no group in the block picker"
    assert block.get_description(), f"{name}: no description"
    has_render = type(block).render is not blocks.Block.render
    assert getattr(block.meta, "template", None) or has_render, (
        f"{name}: no template and no render()"
    )
    assert hasattr(block.meta, "preview_value"), f"{name}: no preview value"
    assert block.is_previewable, f"{name}: the block picker offers no preview"


def _defines_clean(block_class):
    return any(
        "clean" in vars(cls) for cls in block_class.__mro__ if cls.__module__.startswith("musenor.")
    )


# Blocks whose every input is valid once their children's own checks pass.
NOTHING_MORE_TO_CHECK = {"HeadingBlock", "PluginContentBlock", "RichTextBlock"}


@pytest.mark.parametrize(("name", "block_class"), BLOCKS, ids=[name for name, _ in BLOCKS])
def test_every_block_validates_its_input(name, block_class):
    assert _defines_clean(block_class) or name in NOTHING_MORE_TO_CHECK, f"{name}: no clean()"


@pytest.mark.parametrize(("name", "block_class"), BLOCKS, ids=[name for name, _ in BLOCKS])
def test_every_child_has_a_label_of_its_own(name, block_class):
    for child_name, child in getattr(block_class(), "child_blocks", {}).items():
        assert child.meta.label, f"{name}.{child_name}: no label"


def _preview_url(block):
    return reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"


def _preview_main(client, block):
    response = client.get(_preview_url(block))
    assert response.status_code == 200, type(block).__name__
    html = response.content.decode()
    assert "musenor_site/css/site.css" in html
    return html.split("<main>", 1)[1].split("</main>", 1)[0]


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="redaction@musenor.example", password="x"
    )
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_every_preview_opens_with_an_empty_library(editor, home):
    for _name, block_class in BLOCKS:
        _preview_main(editor, block_class())


@pytest.mark.django_db
def test_every_preview_shows_the_library_content(
    editor, directory, make_image, make_document, make_media
):
    from musenor.pages.museums.factories import make_museum

    for n in range(4):
        make_image(title=f"Salle {n}", description=f"La salle {n} du musée")
    make_document()
    make_media("video")
    make_media("audio")
    make_museum(directory, title="Musée de la Chartreuse", city="Douai", themes=["Beaux-arts"])
    empty = []
    for name, block_class in BLOCKS:
        main = _preview_main(editor, block_class())
        # No plugin offers content in the core's tests.
        if name != "PluginContentBlock" and main.count("<") < 6:
            empty.append(f"{name}:\n{main}")
    assert not empty, "previews with nothing to show:\n" + "\n".join(empty)


def test_every_block_can_be_written_into_a_migration_and_read_back():
    """Page migrations freeze the blocks: each must deconstruct, serialise and rebuild."""
    from django.db.migrations.writer import MigrationWriter
    from wagtail.fields import StreamField

    from .sample import every_block_stream

    field = StreamField(every_block_stream(), blank=True)
    source, imports = MigrationWriter.serialize(field)
    namespace = {}
    exec("\n".join(sorted(imports)) + f"\nfield = {source}", namespace)  # noqa: S102 - our own output
    rebuilt = namespace["field"].stream_block
    assert set(rebuilt.child_blocks) == set(every_block_stream().child_blocks)
    assert "musenor.streamfields.blocks.choosers.MuseumChooserBlock" in source
    assert "musenor.streamfields.blocks.maps.department_choices" in source


def test_every_block_packs_for_the_editor():
    """The editor's JavaScript receives every block (Wagtail's telepath adapters)."""
    from wagtail.admin.telepath import JSContext

    from .sample import every_block_stream

    packed = JSContext().pack(every_block_stream())
    assert packed["_type"] == "wagtail.blocks.StreamBlock"


def test_every_block_is_documented():
    from pathlib import Path

    doc = Path(__file__).resolve().parents[2] / "docs" / "blocks.md"
    headings = set(re.findall(r"^### `(\w+)`$", doc.read_text(encoding="utf-8"), re.MULTILINE))
    exported = {name for name, _ in BLOCKS}
    assert exported - headings == set(), "blocks missing from docs/blocks.md"
    assert headings - exported == set(), "docs/blocks.md documents blocks that do not exist"
