"""Demo records: a few thousand generated records across the directory's real museums.

The records come from the plugin's seeded generator (``generator.py``) and go in
through the real import, one file per museum with a ZIP of pictures, exactly
as a museum's export would. The pictures are generated illustrations, not
photographs of real objects, and their credit says so. The museums are the
real ones of the directory; nothing else about them is invented (no Muséofile
code: POP's MUSEO stays empty and the import warns).

Run again, the same seed gives the same files and the import changes nothing.
"""

import random
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from django.apps import apps

#: Records in the demo, spread over the museums (a few large collections, many small).
DEMO_RECORDS = 2500
#: What the PHOT column of every demo record says.
DEMO_CREDIT = "Illustration générée pour la démonstration du portail (pas une photographie réelle)"
ILLUSTRATION_SIZE = (960, 720)


def illustration(seed, size=ILLUSTRATION_SIZE):
    """A JPEG of seeded shapes on a gradient: something to look at, clearly not a photograph."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    width, height = size
    top = tuple(rng.randrange(60, 200) for _ in range(3))
    bottom = tuple(max(0, c - rng.randrange(40, 90)) for c in top)
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 4):
        t = y / height
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.rectangle([0, y, width, y + 4], fill=colour)
    for _ in range(rng.randint(3, 7)):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(40, 220)
        fill = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=fill)
        else:
            draw.rectangle([x - r, y - r // 2, x + r, y + r // 2], fill=fill)
    out = BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def write_illustrations(path, rows):
    """A ZIP with one illustration per file name of the rows' REFIM; returns how many."""
    seen = set()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for row in rows:
            for entry in (row.get("REFIM") or "").split(";"):
                name = entry.split(",")[0].strip()
                if name and name not in seen:
                    seen.add(name)
                    archive.writestr(name, illustration(len(seen)))
    return len(seen)


def load(site, seed, stdout, total=DEMO_RECORDS):
    from .generator import GeneratorOptions, MuseumRef, generate_records, write_csv
    from .importer.engine import ImportOptions, run_import
    from .importer.report import CREATED, UPDATED
    from .vocabularies import seed_vocabularies

    seed_vocabularies()
    MuseumPage = apps.get_model("musenor_museums", "MuseumPage")
    museums = list(
        MuseumPage.objects.live()
        .filter(locale__language_code="fr")
        .order_by("path")
        .only("pk", "title", "slug")
    )
    if not museums:
        stdout.write("Records: no museum in the directory, nothing to load.\n")
        return
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data
    # A few large collections and many small ones, as in the network.
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(museums))]
    rng.shuffle(weights)
    scale = total / sum(weights)
    # Clean rows: the demo shows records, the import's tests show dirty files.
    options = GeneratorOptions(variants=0.1, mojibake=0, missing=0, unknown=0.01, photos=0.7)
    created = updated = 0
    with tempfile.TemporaryDirectory(prefix="musenor-demo-notices-") as folder:
        for museum, weight in zip(museums, weights, strict=True):
            count = max(3, round(weight * scale))
            ref = MuseumRef(name=museum.title, pk=museum.pk)
            rows = [
                {**row, "PHOT": DEMO_CREDIT if row.get("REFIM") else row.get("PHOT", "")}
                for row in generate_records(
                    count, [ref], seed=seed * 1000 + museum.pk, options=options
                )
            ]
            source = Path(folder) / f"{museum.slug}.csv"
            photos = Path(folder) / f"{museum.slug}.zip"
            write_csv(source, rows)
            write_illustrations(photos, rows)
            report = run_import(
                museum,
                source,
                ImportOptions(photos=photos, clear_for_publication=True),
            )
            created += report.counts[CREATED]
            updated += report.counts[UPDATED]
    stdout.write(f"Records: {created} created, {updated} updated.\n")
