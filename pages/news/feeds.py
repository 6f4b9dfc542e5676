"""RSS 2.0 and Atom feeds of the news, through Django's syndication framework.

The index page serves them (``rss/``, ``atom/``, ``tags/<tag>/rss/``,
``tags/<tag>/atom/``) and passes itself and the keyword in.
"""

from urllib.parse import urlencode

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from musenor.pages.feeds import PortalFeed, html_description


class NewsRSSFeed(PortalFeed):
    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index, tag=None):
        return index, tag

    def title(self, obj):
        index, tag = obj
        if tag is None:
            return f"{index.title} · Musenor"
        return f"{index.title} · {tag.name} · Musenor"

    def link(self, obj):
        index, tag = obj
        url = index.get_full_url(self.request)
        return f"{url}?{urlencode({'tag': tag.slug})}" if tag else url

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def description(self, obj):
        index, tag = obj
        if tag is not None:
            return _("The news of the Musenor network with the keyword “%(tag)s”.") % {
                "tag": tag.name
            }
        return index.intro or _("The news of the Musenor network of museums.")

    def items(self, obj):
        index, tag = obj
        return index.feed_items(tag)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        return html_description(item.display_summary)

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.modified_at

    def item_categories(self, item):
        return [tag.name for tag in item.tag_list]


class NewsAtomFeed(NewsRSSFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
