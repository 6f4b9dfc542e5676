from django.db import models
from django.utils.translation import gettext_lazy as _


class ExhibitionKind(models.TextChoices):
    """The kinds of the network's programme documents (exhibitions.csv)."""

    EXHIBITION = "exhibition", _("Exhibition")
    FOCUS = "focus", _("Focus")
    VIRTUAL = "virtual", _("Virtual exhibition")
    OFF_SITE = "off-site", _("Off-site exhibition")
    PERMANENT = "permanent", _("Permanent display")
    ONLINE = "online", _("Online programme")

    @classmethod
    def online_kinds(cls):
        """Kinds that take place on the web rather than in a room."""
        return {cls.VIRTUAL, cls.ONLINE}


class Status(models.TextChoices):
    CURRENT = "current", _("Current")
    UPCOMING = "upcoming", _("Upcoming")
    PAST = "past", _("Past")
