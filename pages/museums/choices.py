from django.db import models
from django.utils.translation import gettext_lazy as _


class Department(models.TextChoices):
    """The five départements of the Hauts-de-France, by INSEE code."""

    AISNE = "02", "Aisne"
    NORD = "59", "Nord"
    OISE = "60", "Oise"
    PAS_DE_CALAIS = "62", "Pas-de-Calais"
    SOMME = "80", "Somme"


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")
