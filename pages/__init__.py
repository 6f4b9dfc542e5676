"""Wagtail page types: one small app per page family.

Every concrete page type inherits :class:`musenor.pages.base.BasePage`.
Dependencies go one way: page apps import ``base``, ``musenor.streamfields``
and ``musenor.plugins``; ``base`` imports no page app; nothing here imports a
plugin.
"""
