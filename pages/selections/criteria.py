"""What a quiz answer or a selection can ask of a museum, and how the directory answers.

A museum matches a *feature* (an accessibility arrangement, a label, an opening
day) through the fields of :class:`~musenor.pages.museums.models.MuseumPage`.
Each feature gives a condition for the database and a test for one museum
already loaded, and the two must agree: the database ranks, Python explains.

To add a feature when the directory gains a field (services such as a café, a
family workshop or a picnic area), add a member to :class:`Feature` and a line
to :data:`FEATURES`; the quiz's answer block offers it at once (its choices
are read from here, so no migration is needed beyond the directory's own).
"""

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from musenor.pages.museums.choices import Weekday


class Feature(models.TextChoices):
    WHEELCHAIR = "wheelchair_access", _("accessible to wheelchair users")
    VISUAL = "visual_impairment", _("adapted for visual impairment")
    HEARING = "hearing_impairment", _("adapted for hearing impairment")
    MENTAL = "mental_impairment", _("adapted for mental impairment")
    MUSEE_DE_FRANCE = "musee_de_france", _("“Musée de France” label")
    OPEN_SATURDAY = "open_saturday", _("open on Saturdays")
    OPEN_SUNDAY = "open_sunday", _("open on Sundays")
    OPEN_MONDAY = "open_monday", _("open on Mondays")


@dataclass(frozen=True)
class FieldFeature:
    """A museum has the feature when one of its boolean fields is true."""

    field: str
    needs_hours: bool = False

    def condition(self):
        return Q(**{self.field: True})

    def matches(self, museum):
        return bool(getattr(museum, self.field))


@dataclass(frozen=True)
class OpenOnFeature:
    """A museum has the feature when it opens on that day of the week."""

    weekday: Any
    needs_hours: bool = True

    def condition(self):
        from musenor.pages.museums.models import OpeningHours

        return Q(
            Exists(OpeningHours.objects.filter(museum_id=OuterRef("pk"), weekday=self.weekday))
        )

    def matches(self, museum):
        # The opening hours are prefetched: no query per museum.
        return any(slot.weekday == self.weekday for slot in museum.opening_hours.all())


FEATURES = {
    Feature.WHEELCHAIR: FieldFeature("wheelchair_access"),
    Feature.VISUAL: FieldFeature("visual_impairment"),
    Feature.HEARING: FieldFeature("hearing_impairment"),
    Feature.MENTAL: FieldFeature("mental_impairment"),
    Feature.MUSEE_DE_FRANCE: FieldFeature("musee_de_france"),
    Feature.OPEN_SATURDAY: OpenOnFeature(Weekday.SATURDAY),
    Feature.OPEN_SUNDAY: OpenOnFeature(Weekday.SUNDAY),
    Feature.OPEN_MONDAY: OpenOnFeature(Weekday.MONDAY),
}


#: The features that are accessibility arrangements. A museum that has ticked none
#: of them and written no accessibility text has told us nothing: "unknown", not "no".
ACCESSIBILITY_FEATURES = (Feature.WHEELCHAIR, Feature.VISUAL, Feature.HEARING, Feature.MENTAL)


def accessibility_known():
    """The condition "the museum has recorded something about its accessibility"."""
    condition = ~Q(accessibility_info="")
    for name in ACCESSIBILITY_FEATURES:
        condition |= FEATURES[name].condition()
    return condition


def has_accessibility_data(museum):
    """The Python version of :func:`accessibility_known`, for a museum already loaded."""
    return bool(museum.accessibility_info) or any(
        FEATURES[name].matches(museum) for name in ACCESSIBILITY_FEATURES
    )


def theme_choices():
    """The directory's themes, read when an editor opens the form (never at start-up)."""
    from musenor.pages.museums.models import MuseumTheme
    from musenor.site.translations import source_locale_only

    return list(
        MuseumTheme.objects.filter(source_locale_only())
        .order_by("name")
        .values_list("slug", "name")
    )


def has_any_theme(slugs):
    """The condition "the museum has at least one of these themes", without duplicate rows."""
    from musenor.pages.museums.models import MuseumPage

    through = MuseumPage.themes.through
    return Q(
        Exists(through.objects.filter(museumpage_id=OuterRef("pk"), museumtheme__slug__in=slugs))
    )


def museums_for(page):
    """The live, public museums in the page's language, or in the default one if it has none."""
    from wagtail.models import Locale

    from musenor.pages.museums.models import MuseumPage

    museums = MuseumPage.objects.live().public()
    if museums.filter(locale_id=page.locale_id).exists():
        return museums.filter(locale_id=page.locale_id)
    return museums.filter(locale=Locale.get_default())
