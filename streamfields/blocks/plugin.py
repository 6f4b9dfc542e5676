"""The one core block through which plugins reach core pages.

Its choices come from a callable (the ``embeddable_blocks`` hook), so the block
definition written into core migrations never changes with the set of
installed plugins. A choice whose plugin is switched off renders nothing.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


def embeddable_blocks():
    return {name: block for name, (_label, block) in _embeddable_blocks_by_plugin().items()}


def _embeddable_blocks_by_plugin():
    """``{name: (app label of the plugin, block)}``."""
    from musenor.plugins.manager import call_each

    return {
        name: (label, block)
        for label, pairs in call_each("embeddable_blocks")
        for name, block in pairs
    }


def plugin_content_choices():
    return [(name, block.label) for name, block in embeddable_blocks().items()]


def _plugin_content_preview():
    choices = plugin_content_choices()
    return {"content": choices[0][0] if choices else "", "heading": "", "limit": 3}


class PluginContentBlock(blocks.StructBlock):
    content = blocks.ChoiceBlock(
        label=_("Content"),
        choices=plugin_content_choices,
        help_text=_("Content provided by an installed plugin (collection, forum, …)."),
    )
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    limit = blocks.IntegerBlock(label=_("Number of items"), default=6, min_value=1, max_value=24)

    class Meta:
        icon = "cogs"
        label = _("Plugin content")
        group = _("Plugins")
        description = _("Content from an installed plugin, such as the latest records or topics.")
        preview_value = staticmethod(_plugin_content_preview)

    def render(self, value, context=None):
        from musenor.plugins.manager import report_failure

        found = _embeddable_blocks_by_plugin().get(value.get("content"))
        if found is None:
            return ""
        label, block = found
        context = dict(context or {})
        context.update(heading=value.get("heading"), limit=value.get("limit"))
        try:
            return block.render(block.get_default(), context)
        except Exception:
            # One broken plugin does not take the page down (raised when DEBUG).
            report_failure(label, f"the block {value.get('content')}")
            return ""
