"""RSS 2.0 and Atom feeds of the exhibitions, through Django's syndication framework.

The index page serves them (``rss/`` and ``atom/`` routes) and passes itself
in; the feeds honour the index's filters (``atom/?museum=…``).
"""

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from musenor.pages.feeds import PortalFeed, html_description
from musenor.site.dates import long_date


class ExhibitionRSSFeed(PortalFeed):
    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, index):
        return index

    def title(self, index):
        return f"{index.title} · Musenor"

    def link(self, index):
        return index.get_full_url(self.request)

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def description(self, index):
        return index.intro or _("Current and upcoming exhibitions of the Musenor museums.")

    def items(self, index):
        return index.feed_items(self.request)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_description(self, item):
        return html_description(dates_text(item), item.place, item.display_summary)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        categories = [item.get_kind_display()]
        if item.operation_id:
            categories.append(item.operation.title)
        return categories


class ExhibitionAtomFeed(ExhibitionRSSFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)


def dates_text(exhibition):
    start = long_date(exhibition.start_date)
    if exhibition.end_date is None:
        return _("Permanent display since %(start)s") % {"start": start}
    end = long_date(exhibition.end_date)
    return _("From %(start)s to %(end)s") % {"start": start, "end": end}
