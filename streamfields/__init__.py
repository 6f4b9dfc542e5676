"""The StreamField block library (an app without models: templates only).

One module per block family in ``blocks/``; ``blocks/__init__`` re-exports
them. Dependencies go one way: blocks import Wagtail and ``musenor.plugins``
(for the plugin content block), never a page app or a plugin.
"""
