"""News: the index (newest first, by keyword, paginated; RSS and Atom) and the news page.

Dependencies go one way: news → museums. A news item names the museums it is
about; a museum page can reach its news through ``news`` (the reverse relation
declared here).
"""

from datetime import datetime, time
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from musenor.pages.base import BasePage
from musenor.site.translations import pages_in_language
from musenor.streamfields.blocks import BodyStreamBlock


class NewsQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def tagged(self, slug):
        return self.filter(tagged_items__tag__slug=slug)

    def for_listing(self):
        """What a card or a feed item shows, in a fixed number of queries."""
        return self.select_related("image", "listing_image").prefetch_related(
            "tags", "image__renditions", "listing_image__renditions"
        )


NewsPageManager = PageManager.from_queryset(NewsQuerySet)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The association's news: newest first, by keyword, with RSS and Atom feeds."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["musenor_home.HomePage", "musenor_standard.StandardPage"]
    subpage_types = ["musenor_news.NewsPage"]
    max_count_per_parent = 1
    template = "musenor_news/news_index_page.html"
    per_page = 12
    feed_size = 30

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        return NewsPage.objects.child_of(self).live().public()

    def tags(self, news=None):
        """The keywords of the live news, with how many news items carry each one."""
        news = (self.news() if news is None else news).values("pk")
        return (
            Tag.objects.filter(musenor_news_newspagetag_items__content_object__in=news)
            .annotate(news_count=Count("musenor_news_newspagetag_items"))
            .order_by(Lower("name"), "name")
        )

    def feed_items(self, tag=None):
        news = self.news()
        if tag is not None:
            news = news.tagged(tag.slug)
        return news.for_listing().newest_first()[: self.feed_size]

    def subpage_url(self, name, request=None, **kwargs):
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs or None)

    def feed_urls(self, request, tag=None):
        if tag is None:
            return self.subpage_url("rss", request), self.subpage_url("atom", request)
        return (
            self.subpage_url("tag_rss", request, tag=tag.slug),
            self.subpage_url("tag_atom", request, tag=tag.slug),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        tags = list(self.tags(news))
        slug = request.GET.get("tag", "").strip()
        tag = unknown_tag = None
        if slug:
            tag = next((t for t in tags if t.slug == slug), None)
            if tag is None:
                unknown_tag = slug
            else:
                news = news.tagged(tag.slug)
        paginator = Paginator(news.for_listing().newest_first(), self.per_page)
        items = paginator.get_page(request.GET.get("page"))
        rss_url, atom_url = self.feed_urls(request, tag)
        context.update(
            news_items=items,
            tags=tags,
            active_tag=tag,
            unknown_tag=unknown_tag,
            filter_query=urlencode({"tag": tag.slug}) if tag else "",
            rss_url=rss_url,
            atom_url=atom_url,
        )
        return context

    def get_tag_or_404(self, slug):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404(_("No keyword “%(tag)s”.") % {"tag": slug})
        return tag

    @path("rss/", name="rss")
    def rss(self, request):
        from .feeds import NewsRSSFeed

        return NewsRSSFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed()(request, index=self)

    # Keyword slugs keep their accents (“vie-du-réseau”): Django's <slug:> would refuse them.
    @re_path(r"^tags/(?P<tag>[-\w]+)/rss/$", name="tag_rss")
    def tag_rss(self, request, tag):
        from .feeds import NewsRSSFeed

        return NewsRSSFeed()(request, index=self, tag=self.get_tag_or_404(tag))

    @re_path(r"^tags/(?P<tag>[-\w]+)/atom/$", name="tag_atom")
    def tag_atom(self, request, tag):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed()(request, index=self, tag=self.get_tag_or_404(tag))


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "musenor_news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    """A dated news item of the association, with keywords and the museums it is about."""

    date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("The date shown on the news item and used to sort the news; today by default."),
    )
    author = models.CharField(
        _("author"),
        max_length=120,
        blank=True,
        help_text=_("Who signs the news item, e.g. “Claire Martin, chargée de communication”."),
    )
    intro = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences shown under the title, in the lists and in the feeds."),
    )
    image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("keywords"),
        help_text=_("Readers can list the news by keyword, e.g. “patrimoine”, “appel à projets”."),
    )
    related_museums = ParentalManyToManyField(
        "musenor_museums.MuseumPage",
        blank=True,
        related_name="news",
        verbose_name=_("museums"),
        help_text=_("The museums of the network the news item is about; optional."),
    )

    objects = NewsPageManager()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("author")])],
            heading=_("Date and author"),
        ),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("related_museums"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("date"),
    ]
    parent_page_types = ["musenor_news.NewsIndexPage"]
    subpage_types = []
    template = "musenor_news/news_page.html"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def display_summary(self):
        return self.listing_summary or self.intro or self.search_description

    @cached_property
    def meta_description(self):
        return self.search_description or self.listing_summary or self.intro

    @property
    def meta_image(self):
        return super().meta_image or self.image

    @property
    def published_at(self):
        """The publication date as a moment: the first publication if on that day, else midnight."""
        first = self.first_published_at
        if first is not None and timezone.localdate(first) == self.date:
            return first
        return timezone.make_aware(datetime.combine(self.date, time.min))

    @property
    def modified_at(self):
        last = self.last_published_at
        return max(last, self.published_at) if last is not None else self.published_at

    @cached_property
    def tag_list(self):
        """The keywords by name: prefetched in lists (``for_listing``), one query otherwise."""
        return sorted(self.tags.all(), key=lambda tag: tag.name.casefold())

    @cached_property
    def live_museums(self):
        """The live museums in title order; works on a preview's unsaved relations too."""
        museums = [museum for museum in self.related_museums.all() if museum.live]
        return sorted(museums, key=lambda museum: museum.title.casefold())

    def get_context(self, request, *args, **kwargs):
        from musenor.pages.jsonld import script_json

        from .jsonld import news_json_ld

        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent().specific
        index = parent if isinstance(parent, NewsIndexPage) else None
        context.update(
            index=index,
            rss_url=index.subpage_url("rss", request) if index else None,
            tags=self.tag_list,
            # In this page's language: an English copy links into /en/.
            museums=pages_in_language(
                self.live_museums, self.locale_id, self.related_museums.model.objects.all()
            ),
            json_ld=script_json(news_json_ld(self, request)),
        )
        return context
