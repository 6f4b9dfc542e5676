"""Demo images: generated illustrations for the demo's museums, exhibitions, news, paths…

The demo has no photographs (the portal cannot fetch any, and none may be
invented of a real museum), yet a site about museums is made of pictures:
without them nothing shows how the pages look or exercises renditions. So each
page gets an illustration drawn here with Pillow, abstract (a sky, a building's
outline, frames on a wall, a route), different for every page (seeded by its
slug), and said to be one: its title, its alternative text and its credit all
say “illustration”, its licence is CC0.

Images are found by title and reused, so running the demo again adds nothing.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFilter

from musenor.site.models import Licence, PortalImage

WIDTH, HEIGHT = 1600, 1000
CREDIT = "Illustration générée pour la démonstration de Musenor"

PALETTES = [
    ((32, 58, 96), (233, 162, 94), (245, 233, 214)),
    ((24, 76, 74), (214, 200, 120), (240, 238, 225)),
    ((90, 38, 62), (226, 132, 110), (247, 230, 220)),
    ((40, 46, 78), (150, 170, 210), (236, 238, 246)),
    ((70, 60, 40), (200, 150, 80), (244, 236, 220)),
]


def _sky(draw, rng, top, bottom):
    for y in range(HEIGHT):
        t = y / HEIGHT
        colour = tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        draw.line([(0, y), (WIDTH, y)], fill=colour)
    for _ in range(rng.randint(3, 6)):  # soft clouds
        x, y = rng.randint(0, WIDTH), rng.randint(40, HEIGHT // 2)
        w, h = rng.randint(200, 500), rng.randint(40, 90)
        draw.ellipse([x, y, x + w, y + h], fill=tuple(min(255, c + 25) for c in bottom))


def museum(rng, palette):
    """A museum's façade: pediment, columns, steps."""
    dark, warm, light = palette
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    _sky(draw, rng, dark, warm)
    left, right = rng.randint(250, 400), WIDTH - rng.randint(250, 400)
    base = HEIGHT - rng.randint(120, 180)
    top = base - rng.randint(380, 480)
    pediment = [(left - 40, top), (right + 40, top), ((left + right) // 2, top - 170)]
    draw.polygon(pediment, fill=light)
    draw.rectangle([left, top, right, base], fill=tuple(c - 20 for c in light))
    columns = rng.randint(5, 8)
    step = (right - left) / columns
    for n in range(columns):
        x = int(left + step * n + step * 0.3)
        draw.rectangle([x, top + 30, x + int(step * 0.35), base], fill=light)
    door = (left + right) // 2
    draw.rectangle([door - 60, base - 200, door + 60, base], fill=dark)
    for n in range(4):
        draw.rectangle([left - 60 - n * 30, base + n * 30, right + 60 + n * 30, base + 30 + n * 30],
                       fill=tuple(c - 40 - n * 10 for c in light))  # fmt: skip
    return image


def exhibition(rng, palette):
    """A gallery wall with framed works, and the bench in front of them."""
    dark, warm, light = palette
    image = Image.new("RGB", (WIDTH, HEIGHT), light)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, HEIGHT * 0.78, WIDTH, HEIGHT], fill=tuple(c - 60 for c in light))
    x = rng.randint(80, 160)
    while x < WIDTH - 200:
        w, h = rng.randint(180, 380), rng.randint(220, 420)
        y = int(HEIGHT * 0.45 - h / 2)
        draw.rectangle([x - 14, y - 14, x + w + 14, y + h + 14], fill=(120, 96, 60))
        inner = Image.new("RGB", (w, h))
        inner_draw = ImageDraw.Draw(inner)
        _paint(inner_draw, rng, w, h, palette)
        image.paste(inner.filter(ImageFilter.GaussianBlur(2)), (x, y))
        x += w + rng.randint(80, 160)
    draw.rectangle([WIDTH * 0.35, HEIGHT * 0.82, WIDTH * 0.65, HEIGHT * 0.86], fill=dark)
    return image


def _paint(draw, rng, w, h, palette):
    dark, warm, light = palette
    draw.rectangle([0, 0, w, h], fill=warm if rng.random() < 0.5 else light)
    for _ in range(rng.randint(4, 9)):
        colour = rng.choice(palette + ((rng.randint(0, 255), rng.randint(0, 255), 120),))
        x, y = rng.randint(-w // 4, w), rng.randint(-h // 4, h)
        size = rng.randint(w // 6, w // 2)
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape([x, y, x + size, y + size], fill=colour)


def route(rng, palette):
    """A map-like route between stops, for paths and circuits."""
    dark, warm, light = palette
    image = Image.new("RGB", (WIDTH, HEIGHT), light)
    draw = ImageDraw.Draw(image)
    for _ in range(14):  # fields
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        w, h = rng.randint(150, 420), rng.randint(120, 300)
        draw.rectangle([x, y, x + w, y + h], fill=tuple(c - rng.randint(5, 30) for c in light))
    points = [(rng.randint(150, WIDTH - 150), rng.randint(150, HEIGHT - 150)) for _ in range(5)]
    points.sort()
    draw.line(points, fill=warm, width=18, joint="curve")
    for x, y in points:
        draw.ellipse([x - 34, y - 34, x + 34, y + 34], fill=dark)
        draw.ellipse([x - 14, y - 14, x + 14, y + 14], fill=light)
    return image


def news(rng, palette):
    """An open journal: columns of grey lines beside a picture."""
    dark, warm, light = palette
    image = Image.new("RGB", (WIDTH, HEIGHT), warm)
    draw = ImageDraw.Draw(image)
    draw.rectangle([120, 90, WIDTH - 120, HEIGHT - 90], fill=(250, 248, 242))
    draw.rectangle([180, 150, WIDTH - 180, 230], fill=dark)
    picture = Image.new("RGB", (560, 420))
    _paint(ImageDraw.Draw(picture), rng, 560, 420, palette)
    image.paste(picture, (180, 290))
    for column in range(2):
        x = 800 + column * 320
        for line in range(16):
            y = 300 + line * 34
            draw.rectangle([x, y, x + rng.randint(200, 290), y + 12], fill=(170, 168, 160))
    return image


DRAWINGS = {
    "museum": (museum, "une façade de musée stylisée, colonnes et fronton, sous un ciel du soir"),
    "exhibition": (exhibition, "un mur de salle d'exposition avec des tableaux abstraits encadrés"),
    "route": (route, "un itinéraire tracé entre plusieurs étapes sur une carte stylisée"),
    "news": (news, "une page de journal stylisée, avec une image et des colonnes de texte"),
}


def illustration(kind, key, seed, label):
    """The illustration ``kind`` for ``key`` (a page slug), created once."""
    title = f"Illustration : {label}"[:255]
    image = PortalImage.objects.filter(title=title).first()
    if image is not None:
        return image
    draw, what = DRAWINGS[kind]
    rng = random.Random(f"{seed}-{kind}-{key}")  # noqa: S311 - drawings, not secrets
    picture = draw(rng, rng.choice(PALETTES))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    image = PortalImage(
        title=title,
        description=f"Illustration (pas une photographie) : {what}.",
        credit=CREDIT,
        licence=Licence.CC0,
    )
    image.file = ImageFile(buffer, name=f"illustration-{kind}-{key}.jpg"[:100])
    image.save()
    return image


def load(home, seed, stdout):
    """Give an illustration to each demo page that has none: museums, exhibitions, news,
    operations, paths, circuits, showcases, and the home page's hero."""
    from django.apps import apps

    count = 0
    kinds = [
        ("musenor_museums.MuseumPage", "museum"),
        ("musenor_exhibitions.ExhibitionPage", "exhibition"),
        ("musenor_news.NewsPage", "news"),
        ("musenor_operations.OperationPage", "exhibition"),
        ("musenor_paths.ThematicPathPage", "route"),
        ("musenor_circuits.CircuitPage", "route"),
        ("musenor_education.ShowcasePage", "exhibition"),
    ]
    for model_name, kind in kinds:
        try:
            model = apps.get_model(model_name)
        except LookupError:
            continue
        for page in model.objects.filter(locale=home.locale, image__isnull=True):
            page.image = illustration(kind, page.slug, seed, page.title)
            page.save_revision().publish()
            count += 1
    # The index pages the home page's cards lead to show a listing image.
    for model_name, kind in [
        ("musenor_paths.PathIndexPage", "route"),
        ("musenor_circuits.CircuitIndexPage", "route"),
        ("musenor_education.ShowcaseIndexPage", "exhibition"),
    ]:
        try:
            model = apps.get_model(model_name)
        except LookupError:
            continue
        for page in model.objects.filter(locale=home.locale, listing_image__isnull=True):
            page.listing_image = illustration(kind, f"index-{page.slug}", seed, page.title)
            page.save_revision().publish()
            count += 1
    if home.hero_image_id is None:
        home.hero_image = illustration("museum", "accueil", seed, "Les musées des Hauts-de-France")
        home.save_revision().publish()
        count += 1
    stdout.write(f"Illustrations: {count} pages illustrated.")
