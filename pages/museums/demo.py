"""Demo content: the museum directory with the network's 90 museums (site/data/museums.csv).

Run through the ``load_demo_data`` hook (``musenor_hooks.py``), before the page
apps that link to museums. Museums are found by slug and updated.
"""

import csv
from decimal import Decimal
from pathlib import Path

from django.utils.text import slugify
from wagtail.models import Locale

from musenor.site.demo import publish_child

from .models import MuseumIndexPage, MuseumPage, MuseumTheme
from .museofile import museum_facts

# Beside the site's other data, where the packaging tests expect it.
DATA_DIR = Path(__file__).resolve().parents[2] / "site" / "data"
INDEX = {
    "title": "Les musées",
    "intro": "Les musées du réseau, par département, par thème ou par ville.",
}


def read_museums():
    with open(DATA_DIR / "museums.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(home, seed, stdout):
    directory = publish_child(home, MuseumIndexPage, "musees", show_in_menus=True, **INDEX)
    link_call_to_action(home, directory)
    created, updated = museums(directory)
    stdout.write(f"Museums: {created} created, {updated} updated.")


def link_call_to_action(home, directory):
    """Point the home page's call to action ("Trouver un musée") at the directory."""
    body = []
    changed = False
    for block in home.body.raw_data:
        if block["type"] == "call_to_action" and not block["value"].get("page"):
            block["value"]["page"] = directory.pk
            changed = True
        body.append(block)
    if changed:
        home.body = body
        home.save_revision().publish()


def museums(directory):
    themes = {}
    # The practical facts of the Ministry's Muséofile list, through the reviewed
    # table of matches (museofile.py); a museum it does not list keeps blanks.
    facts = museum_facts()
    existing = {page.slug: page for page in MuseumPage.objects.child_of(directory)}
    created = updated = 0
    for row in read_museums():
        slug = slugify(f"{row['name']} {row['city']}")[:80]
        names = [t.strip() for t in row["themes"].split(";") if t.strip()]
        for name in names:
            if name not in themes:
                themes[name] = MuseumTheme.objects.get_or_create(
                    slug=slugify(name), locale=Locale.get_default(), defaults={"name": name}
                )[0]
        fields = {
            "title": row["name"],
            "city": row["city"],
            "department": row["department_code"].zfill(2),
            "latitude": Decimal(row["latitude"]),
            "longitude": Decimal(row["longitude"]),
            "summary": f"Un musée du réseau Musenor à {row['city']} ({row['department']}).",
        }
        found = facts.get((row["name"], row["city"]))
        if found is not None:
            fields.update(
                address=found.address,
                postcode=found.postcode,
                phone=found.phone,
                website=found.website,
            )
            if found.latitude is not None and found.longitude is not None:
                fields.update(latitude=found.latitude, longitude=found.longitude)
        page = existing.get(slug)
        if page is None:
            page = MuseumPage(slug=slug, **fields)
            directory.add_child(instance=page)
            created += 1
        else:
            changed = any(getattr(page, key) != value for key, value in fields.items())
            if not changed and set(page.themes.values_list("name", flat=True)) == set(names):
                continue
            for key, value in fields.items():
                setattr(page, key, value)
            updated += 1
        page.themes.set([themes[name] for name in names])
        page.save_revision().publish()
    return created, updated
