"""Pages of a switched-off plugin's page types: kept in the database, not served.

A plugin switched off (``MUSENOR_PLUGINS``) leaves its pages in the tree, with a
content type whose model is not loaded. They answer 404 (``wagtail_hooks``) and
are left out of the menus, the sitemap and the search, which filter their
querysets with :func:`with_installed_types`.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import get_page_models


def installed_page_type_ids():
    """The content-type ids of the page models loaded now (cached by ContentType's manager)."""
    types = ContentType.objects.get_for_models(*get_page_models())
    return [content_type.pk for content_type in types.values()]


def with_installed_types(pages):
    """``pages`` (a page queryset) without the pages whose model is not loaded."""
    return pages.filter(content_type__in=installed_page_type_ids())


def is_switched_off(page):
    """Whether ``page`` is of a page type no loaded app defines (its plugin is switched off)."""
    return page.specific_class is None
