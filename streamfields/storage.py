"""Stream data as the editor stores it, for code that writes page bodies (demo loaders, imports).

Raw JSON written by hand usually lacks what the editor adds: an ``id`` on each
item of a stream nested in a block, the ``{"type": "item", "value", "id"}``
form of list items, and an empty string for a text field left empty. Wagtail
reads such data, but wagtail-localize skips list items without ids, and fails
on nested stream items without ids and on text fields that are missing, so a
page built from hand-written JSON would not translate. :func:`as_stored`
converts it.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from wagtail import blocks

TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.URLBlock, blocks.EmailBlock)


def as_stored(stream_block, items):
    """``items`` (a list of ``{"type", "value"}`` dicts) as the editor stores them, as JSON data."""
    value = stream_block.to_python(items)
    _fill(stream_block, value)
    # Through JSON, as the StreamField stores it: dates and decimals become strings.
    return json.loads(json.dumps(stream_block.get_prep_value(value), cls=DjangoJSONEncoder))


def _fill(block, value):
    """Convert every item (get_prep_value passes unconverted ones through) and fill empty texts."""
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            _fill(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            _fill(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if isinstance(child, TEXT_BLOCKS) and value.get(name) is None:
                value[name] = ""
            else:
                _fill(child, value.get(name))
