"""The site's own models: the image model.

It is custom from the start because museum photographs carry a
credit and a licence, and because alternative text is required, not optional.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
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
