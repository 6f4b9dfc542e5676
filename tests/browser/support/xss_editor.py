"""The XSS corpus test's editor-controlled content (``tests/browser/test_xss.py``): every
text an editor can write, filled with payloads on the demo site."""

import json
from collections import Counter

from xss_probes import PAYLOADS, UNLIMITED, payload_runs

# Wagtail's and taggit's fields that editors fill in and pages show.
THIRD_PARTY_FIELDS = {
    "wagtailcore.Page": ("title", "seo_title", "search_description"),
    "taggit.Tag": ("name",),
    "wagtailimages.Image": ("title", "description"),
    "wagtaildocs.Document": ("title",),
}


def rich_text_of(numbers, features=None):
    """Rich text as an editor types it in Draftail: each payload as text and as a link."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    blocks, entities = [], {}
    for i, n in enumerate(numbers):
        text = PAYLOADS[n]
        entities[str(2 * i)] = {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": f"javascript:__xss({n})"},
        }
        entities[str(2 * i + 1)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": text}}
        blocks.append(
            {
                "key": f"b{i}",
                "type": "unstyled",
                "depth": 0,
                "text": f"{text} x y",
                "inlineStyleRanges": [],
                "entityRanges": [
                    {"offset": len(text) + 1, "length": 1, "key": 2 * i},
                    {"offset": len(text) + 3, "length": 1, "key": 2 * i + 1},
                ],
            }
        )
    contentstate = {"blocks": blocks, "entityMap": entities}
    return ContentstateConverter(features).to_database_format(json.dumps(contentstate))


class EditorValues:
    """Payload values for text fields, rotated from row to row so that all get tried."""

    def __init__(self):
        self.injected = Counter()
        self.fields = set()

    def text(self, label, row, limit=None):
        """A run of payloads that fits in ``limit`` characters: all of them if it is long."""
        if limit is None or limit >= UNLIMITED:
            text, numbers = payload_runs(UNLIMITED, start=row)[0]
        else:
            runs = payload_runs(limit)
            if not runs:
                return None
            text, numbers = runs[row % len(runs)]
        self._count(label, numbers)
        return text

    def rich_text(self, label, row, features=None):
        numbers = list(PAYLOADS)
        self._count(label, numbers)
        return rich_text_of(numbers, features)

    def _count(self, label, numbers):
        self.fields.add(label)
        self.injected.update(numbers)

    def stream(self, block, raw, label, row):
        """``raw`` (a StreamField's JSON) with every text and rich-text value replaced."""
        from wagtail import blocks

        if isinstance(block, blocks.StreamBlock):
            for item in raw:
                child = block.child_blocks.get(item.get("type"))
                if child is not None:
                    item["value"] = self.stream(
                        child, item["value"], f"{label}.{item['type']}", row
                    )
            return raw
        if isinstance(block, blocks.ListBlock):
            for i, item in enumerate(raw):
                if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                    item["value"] = self.stream(block.child_block, item["value"], label, row)
                else:
                    raw[i] = self.stream(block.child_block, item, label, row)
            return raw
        if isinstance(block, blocks.StructBlock):
            for name, child in block.child_blocks.items():
                if name in raw:
                    raw[name] = self.stream(child, raw[name], f"{label}.{name}", row)
            return raw
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(label, row, block.features)
        if isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and raw:
            return self.text(label, row, getattr(block.field, "max_length", None)) or raw
        return raw


def editor_text_fields(model):
    """The fields of ``model`` that hold text an editor writes."""
    from django.db import models
    from wagtail.fields import StreamField

    label = model._meta.label
    if label in THIRD_PARTY_FIELDS:
        return [model._meta.get_field(name) for name in THIRD_PARTY_FIELDS[label]]
    if not model._meta.app_label.startswith("musenor_"):
        return []
    chosen = []
    for f in model._meta.local_concrete_fields:
        if f.primary_key or not f.editable or f.choices:
            continue
        text = isinstance(f, (models.CharField, models.TextField)) and not isinstance(
            f, (models.SlugField, models.URLField, models.EmailField)
        )
        if text or isinstance(f, StreamField):
            chosen.append(f)
    return chosen


def inject_editor_payloads():
    """Put the payloads into every editor text field of every row; return the counts."""
    from django.apps import apps
    from django.db import IntegrityError, transaction
    from wagtail.fields import RichTextField, StreamField

    values = EditorValues()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        fields = editor_text_fields(model)
        if not fields:
            continue
        for row, obj in enumerate(model._base_manager.order_by("pk")[:500]):
            changes = {}
            for f in fields:
                label = f"{model._meta.label}.{f.name}"
                if isinstance(f, StreamField):
                    raw = [dict(item) for item in getattr(obj, f.name).raw_data]
                    raw = json.loads(json.dumps(raw, default=str))
                    changes[f.name] = f.to_python(values.stream(f.stream_block, raw, label, row))
                elif isinstance(f, RichTextField):
                    changes[f.name] = values.rich_text(label, row, f.features)
                else:
                    prefix = f"{row} " if f.unique else ""
                    limit = f.max_length - len(prefix) if f.max_length else None
                    text = values.text(label, row, limit)
                    if text is not None:
                        changes[f.name] = prefix + text
            try:
                with transaction.atomic():
                    model._base_manager.filter(pk=obj.pk).update(**changes)
            except IntegrityError:
                continue
    return values
