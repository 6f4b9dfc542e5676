from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """The school levels of the French system, from nursery school to lycée, in order."""

    CYCLE_1 = "cycle-1", _("Cycle 1 (nursery school)")
    CYCLE_2 = "cycle-2", _("Cycle 2 (CP to CE2)")
    CYCLE_3 = "cycle-3", _("Cycle 3 (CM1 to 6e)")
    CYCLE_4 = "cycle-4", _("Cycle 4 (5e to 3e)")
    LYCEE = "lycee", _("Lycée")


class ShortLevel(models.TextChoices):
    """The same levels, named short for cards and activity lines."""

    CYCLE_1 = "cycle-1", _("Cycle 1")
    CYCLE_2 = "cycle-2", _("Cycle 2")
    CYCLE_3 = "cycle-3", _("Cycle 3")
    CYCLE_4 = "cycle-4", _("Cycle 4")
    LYCEE = "lycee", _("Lycée")


class Place(models.TextChoices):
    """Where an activity happens."""

    MUSEUM = "museum", _("At the museum")
    CLASSROOM = "classroom", _("In the classroom")
    BOTH = "both", _("At the museum and in the classroom")
