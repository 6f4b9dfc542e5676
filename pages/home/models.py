from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from musenor.pages.base import BasePage

from .blocks import HomeStreamBlock


class HomePage(BasePage):
    hero_title = models.CharField(
        _("hero title"), max_length=120, blank=True, help_text=_("The page title by default.")
    )
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    hero_image = models.ForeignKey(
        "musenor_site.PortalImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "The sections of the home page, in the order visitors see them: "
            "exhibitions, news, the directory, the operation of the year, cards…"
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("intro"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "musenor_home/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
