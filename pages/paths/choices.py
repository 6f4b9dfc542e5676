from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    """Who a path is written for; each value is a boolean field of the path page."""

    FAMILIES = "families", _("Families")
    SCHOOLS = "schools", _("School groups")
    ART_LOVERS = "art-lovers", _("Art lovers")
    ACCESSIBILITY = "accessibility", _("Accessibility needs")

    @property
    def field_name(self):
        return AUDIENCE_FIELDS[self]


AUDIENCE_FIELDS = {
    Audience.FAMILIES: "for_families",
    Audience.SCHOOLS: "for_schools",
    Audience.ART_LOVERS: "for_art_lovers",
    Audience.ACCESSIBILITY: "for_accessibility",
}


class Level(models.TextChoices):
    EASY = "easy", _("Easy")
    INTERMEDIATE = "intermediate", _("Intermediate")
    EXPERT = "expert", _("Expert")
