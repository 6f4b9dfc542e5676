"""A small gazetteer of the region's towns, from the project's own data.

The directory sorts museums by distance from a town the visitor names; no
geocoding service is called (the portal makes no requests to third parties on
a visitor's behalf). The towns are those of the network's museums and of the
Muséofile list (``site/data``), each at the mean of its museums' coordinates.
Names are compared folded (case, accents and punctuation ignored), so
“etaples”, “Étaples” and “Étaples-sur-Mer” find the same town.
"""

import math
from functools import cache

from .museofile import MUSEOFILE_CSV, MUSEUMS_CSV, fold, read


@cache
def towns():
    """``{folded name: (display name, latitude, longitude)}``."""
    points = {}
    for path in (MUSEUMS_CSV, MUSEOFILE_CSV):
        for row in read(path):
            if row["latitude"] and row["longitude"]:
                points.setdefault(row["city"], []).append(
                    (float(row["latitude"]), float(row["longitude"]))
                )
    found = {}
    for name, coordinates in points.items():
        latitude = sum(lat for lat, _ in coordinates) / len(coordinates)
        longitude = sum(lon for _, lon in coordinates) / len(coordinates)
        found.setdefault(fold(name), (name, latitude, longitude))
    # “Étaples-sur-Mer” is also “Étaples”: a town is found by its first name too,
    # unless two towns share it.
    short = {}
    for key, value in found.items():
        head = key.split(" sur ")[0].split(" en ")[0].split(" les ")[0]
        short.setdefault(head, []).append(value)
    for head, values in short.items():
        if head not in found and len(values) == 1:
            found[head] = values[0]
    return found


def find_town(name):
    """``(display name, latitude, longitude)`` of the town called ``name``, or None."""
    return towns().get(fold(name))


def town_names():
    return sorted({value[0] for value in towns().values()}, key=fold)


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance (haversine), in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))
