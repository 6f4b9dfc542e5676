"""Distances between museums, as the crow flies."""

from math import asin, cos, radians, sin, sqrt

from django.utils.formats import number_format
from django.utils.translation import gettext as _

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)


def haversine_km(lat1, lon1, lat2, lon2):
    """The great-circle distance in kilometres between two points given in degrees."""
    lat1, lon1, lat2, lon2 = (radians(float(v)) for v in (lat1, lon1, lat2, lon2))
    a = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(a)))


def museum_distance_km(a, b):
    """The distance between two museum pages, or ``None`` when either has no coordinates."""
    if a is None or b is None or not (a.has_coordinates and b.has_coordinates):
        return None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def format_km(km):
    """“≈ 23 km”, “≈ 2,5 km” under 10 km, “moins d'un km” under one: no false precision."""
    if km < 1:
        return _("less than 1 km")
    if km < 10:
        return _("≈ %(km)s km") % {"km": number_format(round(km, 1), decimal_pos=1)}
    return _("≈ %(km)s km") % {"km": number_format(round(km), force_grouping=True)}
