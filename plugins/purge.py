"""What ``manage.py plugins --purge NAME`` deletes of a switched-off plugin, and deleting it.

A plugin's content outlives the plugin being switched off (``MUSENOR_PLUGINS``):
its tables, content types and permissions, the pages of its page types, and the
"plugin content" blocks naming its embeddable blocks in core pages. When an
operator uninstalls it for good, :func:`purge_plan` finds all of that without
importing the plugin's models (they are not loaded), and :func:`purge` deletes
it in one transaction.

What is found:

- tables: those named ``<label>_…`` that no installed model uses (Django's
  default names, many-to-many tables included; a table the plugin named
  otherwise with ``db_table`` is not found);
- content types of the app label, their permissions (and, by cascade, the
  revisions, search index entries and log entries of its models);
- pages whose type is one of those content types, with their descendants;
- "plugin content" blocks, in the current content of any page, whose content
  is named ``<plugin name>_…`` and is offered by no enabled plugin (the naming
  rule of ``embeddable_blocks``); earlier revisions and drafts keep theirs,
  which render as nothing;
- the plugin's rows in ``django_migrations``, so that enabling it again
  creates its tables anew.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.module_loading import import_string
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from .discovery import installed_plugins

PLUGIN_CONTENT_BLOCK = "plugin_content"


class PurgeError(Exception):
    """The plugin cannot be purged (unknown, or still enabled)."""


@dataclass
class BlockUse:
    page: Page
    field_name: str
    count: int


@dataclass
class PurgePlan:
    name: str
    label: str
    tables: list = field(default_factory=list)  # [(table, rows)]
    content_types: list = field(default_factory=list)
    permission_count: int = 0
    pages: list = field(default_factory=list)  # topmost pages of its types
    page_count: int = 0  # with their descendants
    blocks: list = field(default_factory=list)  # [BlockUse]
    migration_count: int = 0

    @property
    def is_empty(self):
        return not (
            self.tables or self.content_types or self.pages or self.blocks or self.migration_count
        )


def _label_of(name):
    """The app label a switched-off plugin ``name`` declares."""
    for plugin in installed_plugins():
        if plugin.name == name:
            try:
                config_class = import_string(plugin.app_config)
            except ImportError as exc:
                raise PurgeError(f"The plugin {name!r} cannot be imported: {exc}") from exc
            label = getattr(config_class, "label", None)
            if not label:
                raise PurgeError(f"The plugin {name!r} declares no app label.")
            if apps.is_installed(config_class.name) or label in {
                c.label for c in apps.get_app_configs()
            }:
                raise PurgeError(
                    f"The plugin {name!r} is enabled: switch it off (MUSENOR_PLUGINS) first."
                )
            return label
    raise PurgeError(
        f"No plugin {name!r} is installed. Purge a plugin before uninstalling its distribution."
    )


def _tables(label):
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
    in_use = set(connection.introspection.django_table_names(include_views=False))
    tables = sorted(name for name in names if name.startswith(f"{label}_") and name not in in_use)
    counted = []
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counted.append((table, cursor.fetchone()[0]))
    return counted


def _offered_block_names():
    from musenor.streamfields.blocks.plugin import embeddable_blocks

    return set(embeddable_blocks())


def _strip_blocks(data, prefix, offered):
    """``(data without the plugin's blocks, how many were removed)``, at any depth."""
    if isinstance(data, list):
        kept, removed = [], 0
        for item in data:
            if (
                isinstance(item, dict)
                and item.get("type") == PLUGIN_CONTENT_BLOCK
                and isinstance(item.get("value"), dict)
                and str(item["value"].get("content", "")).startswith(prefix)
                and item["value"].get("content") not in offered
            ):
                removed += 1
                continue
            item, count = _strip_blocks(item, prefix, offered)
            kept.append(item)
            removed += count
        return kept, removed
    if isinstance(data, dict):
        result, removed = {}, 0
        for key, value in data.items():
            result[key], count = _strip_blocks(value, prefix, offered)
            removed += count
        return result, removed
    return data, 0


def _block_uses(name):
    prefix = f"{name}_"
    offered = _offered_block_names()
    uses = []
    for model in get_page_models():
        fields = [
            f for f in model._meta.get_fields() if isinstance(f, StreamField) and f.model is model
        ]
        if not fields:
            continue
        for page in model.objects.all().only("pk", "title", *(f.name for f in fields)):
            for stream in fields:
                raw = getattr(page, stream.name).raw_data
                _data, count = _strip_blocks(list(raw), prefix, offered)
                if count:
                    uses.append(BlockUse(page, stream.name, count))
    return uses


def purge_plan(name):
    """What purging the switched-off plugin ``name`` deletes. Raises :class:`PurgeError`."""
    label = _label_of(name)
    plan = PurgePlan(name=name, label=label)
    plan.tables = _tables(label)
    plan.content_types = list(ContentType.objects.filter(app_label=label).order_by("model"))
    plan.permission_count = Permission.objects.filter(content_type__in=plan.content_types).count()
    pages = list(Page.objects.filter(content_type__in=plan.content_types).order_by("path"))
    plan.pages = [
        page
        for page in pages
        if not any(page.path.startswith(other.path) and page != other for other in pages)
    ]
    plan.page_count = sum(page.get_descendant_count() + 1 for page in plan.pages)
    plan.blocks = _block_uses(name)
    plan.migration_count = MigrationRecorder.Migration.objects.filter(app=label).count()
    return plan


def purge(plan):
    """Delete what ``plan`` lists, in one transaction."""
    with transaction.atomic():
        for page in plan.pages:
            page.delete()
        offered = _offered_block_names()
        for use in plan.blocks:
            page = type(use.page).objects.get(pk=use.page.pk)
            stream = getattr(page, use.field_name)
            data, _count = _strip_blocks(list(stream.raw_data), f"{plan.name}_", offered)
            setattr(page, use.field_name, data)
            # The current content only: revisions keep their history.
            page.save(update_fields=[use.field_name], clean=False)
        with connection.cursor() as cursor:
            cascade = " CASCADE" if connection.vendor == "postgresql" else ""
            for table, _rows in plan.tables:
                cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}{cascade}")
        ContentType.objects.filter(pk__in=[ct.pk for ct in plan.content_types]).delete()
        MigrationRecorder.Migration.objects.filter(app=plan.label).delete()
    ContentType.objects.clear_cache()
