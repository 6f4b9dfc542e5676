"""The site's own models: the image model, the footer's links.

It is custom from the start because museum photographs carry a
credit and a licence, and because alternative text is required, not optional.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.search import index


class Licence(models.TextChoices):
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")
    CC0 = "cc0", _("Public domain (CC0)")
    PUBLIC_DOMAIN = "public-domain", _("Public domain (Public Domain Mark)")
    CC_BY = "cc-by", _("Creative Commons BY")
    CC_BY_SA = "cc-by-sa", _("Creative Commons BY-SA")
    CC_BY_NC = "cc-by-nc", _("Creative Commons BY-NC")
    CC_BY_NC_ND = "cc-by-nc-nd", _("Creative Commons BY-NC-ND")
    LICENCE_OUVERTE = "licence-ouverte", _("Etalab Open Licence 2.0")


class PortalImage(AbstractImage):
    description = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it "
            "(read by screen readers). Required."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer and owner, e.g. “© Musée de la Chartreuse, photo J. Dupont”."),
    )
    licence = models.CharField(
        _("licence"), max_length=32, choices=Licence.choices, default=Licence.ALL_RIGHTS
    )

    admin_form_fields = (*WagtailImage.admin_form_fields, "credit", "licence")
    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class AccessibilityStatus(models.TextChoices):
    NONE = "none", _("Accessibility: not compliant")
    PARTIAL = "partial", _("Accessibility: partially compliant")
    FULL = "full", _("Accessibility: fully compliant")


@register_setting(icon="list-ul")
class SiteLinks(BaseSiteSetting):
    """The pages every page links to in its footer: contact, legal notice, privacy, accessibility.

    Editors choose the French pages; a visitor gets each one's translation in
    their language when it exists, the French page otherwise.
    """

    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The RGAA “déclaration d'accessibilité”, which French law requires."),
    )

    accessibility_status = models.CharField(
        _("accessibility conformance"),
        max_length=16,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NONE,
        help_text=_(
            "As the accessibility statement says; the footer link shows it, as the RGAA asks. "
            "Without an audit of the RGAA criteria, the site is “not compliant”."
        ),
    )

    panels = [
        PageChooserPanel("contact_page"),
        PageChooserPanel("legal_notice_page"),
        PageChooserPanel("privacy_page"),
        PageChooserPanel("accessibility_page"),
        FieldPanel("accessibility_status"),
    ]
    page_fields = ("contact_page", "legal_notice_page", "privacy_page", "accessibility_page")

    class Meta:
        verbose_name = _("footer links")
        verbose_name_plural = _("footer links")

    def footer_links(self, locale, request=None):
        """``{"title", "url", "lang"}`` of the chosen pages, the accessibility one with its
        status; ``lang`` names the language of a title that is not the visitor's (the
        French title of an untranslated page)."""
        from .translations import content_language

        links = []
        for name, page in self.footer_pages(locale):
            title, lang = page.title, content_language(page)
            if name == "accessibility_page":
                title, lang = str(AccessibilityStatus(self.accessibility_status).label), ""
            links.append({"title": title, "url": page.get_url(request), "lang": lang})
        return links

    def footer_pages(self, locale):
        """``(field name, page)`` of the chosen live pages, each in ``locale`` when translated."""
        from wagtail.models import Page

        ids = {name: getattr(self, f"{name}_id") for name in self.page_fields}
        ids = {name: pk for name, pk in ids.items() if pk is not None}
        if not ids:
            return []
        chosen = {
            page.pk: page for page in Page.objects.filter(pk__in=ids.values()).live().public()
        }
        keys = [page.translation_key for page in chosen.values() if page.locale_id != locale.pk]
        translated = keys and {
            page.translation_key: page
            for page in Page.objects.filter(translation_key__in=keys, locale=locale).live().public()
        }
        return [
            (name, (translated or {}).get(chosen[pk].translation_key, chosen[pk]))
            for name, pk in ids.items()
            if pk in chosen
        ]
