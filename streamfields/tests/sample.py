"""A stream holding every block of the library, with content, for browser tests and screenshots.

Builds what the blocks show (images, a document, media, museums, pages, a
stored embed) and returns the stream as ``(block class name, raw value)``
pairs. Nothing here asks the network: the embed's oEmbed data and poster are
stored directly, as saving the block would have done.
"""

import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

_STREAM_BLOCK = []


def every_block_stream():
    """A stream block holding every block of the library, named by class."""
    if not _STREAM_BLOCK:
        from wagtail import blocks

        from musenor.streamfields import blocks as library

        children = [
            (name, getattr(library, name)())
            for name in library.__all__
            if name != "BodyStreamBlock"
        ]
        _STREAM_BLOCK.append(blocks.StreamBlock(children))
    return _STREAM_BLOCK[0]


COLOURS = [(138, 28, 50), (40, 90, 140), (200, 150, 60), (60, 120, 80), (90, 60, 120), (30, 30, 35)]


def picture_bytes(colour, size=(640, 420), image_format="JPEG"):
    image = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle([w // 6, h // 5, w * 5 // 6, h * 4 // 5], outline=(255, 255, 255), width=12)
    draw.ellipse([w // 3, h // 3, w * 2 // 3, h * 2 // 3], fill=(240, 235, 225))
    buffer = io.BytesIO()
    image.save(buffer, image_format)
    return buffer.getvalue()


def make_picture(title, description, colour):
    from musenor.site.models import PortalImage

    return PortalImage.objects.create(
        title=title,
        description=description,
        credit="© Musenor",
        licence="cc-by",
        file=ImageFile(io.BytesIO(picture_bytes(colour)), name=f"{title[:20]}.jpg"),
    )


def make_file(model, name, content, **fields):
    item = model(**fields)
    item.file.save(name, ContentFile(content), save=False)
    if hasattr(item, "file_size"):
        item.file_size = len(content)
    item.save()
    return item


def store_embed(url, title):
    """The oEmbed data and poster that saving an embed block stores."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed

    from musenor.streamfields.models import EmbedPoster

    embed_hash = get_embed_hash(url)
    Embed.objects.update_or_create(
        hash=embed_hash,
        defaults={
            "url": url,
            "type": "video",
            "title": title,
            "provider_name": "PeerTube Musenor",
            "thumbnail_url": "https://video.example.org/thumb.jpg",
            "html": f'<iframe src="about:blank" title="{title}" width="640" height="360"></iframe>',
            "width": 640,
            "height": 360,
        },
    )
    poster = EmbedPoster(embed_hash=embed_hash, source_url="https://video.example.org/thumb.jpg")
    poster.image.save(f"{embed_hash}.jpg", ContentFile(picture_bytes((30, 30, 35), (640, 360))))
    return url


def every_block(home, directory):
    """Every block of the library with content, in the order of the library's families."""
    from wagtail.documents import get_document_model
    from wagtailmedia.models import get_media_model

    from musenor.pages.museums.factories import make_museum
    from musenor.pages.standard.models import StandardPage

    images = [
        make_picture(f"Salle {n + 1}", f"La salle {n + 1} du musée, vue d'ensemble", colour)
        for n, colour in enumerate(COLOURS[:4])
    ]
    museums = []
    for title, city, department, lat, lon, colour in [
        ("Musée de la Chartreuse", "Douai", "59", "50.37330", "3.07470", COLOURS[0]),
        ("La Piscine", "Roubaix", "59", "50.69060", "3.16480", COLOURS[1]),
        ("Louvre-Lens", "Lens", "62", "50.43000", "2.80400", COLOURS[2]),
    ]:
        museum = make_museum(
            directory,
            title=title,
            city=city,
            department=department,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            themes=["Beaux-arts"],
            summary=f"Un musée de {city}, membre du réseau.",
        )
        museum.image = make_picture(title, f"La façade du musée, à {city}", colour)
        museum.save_revision().publish()
        museums.append(museum)
    pages = []
    for title, colour in [("Le réseau Musenor", COLOURS[3]), ("Venir en classe", COLOURS[4])]:
        page = StandardPage(
            title=title,
            listing_summary=f"{title} : tout ce qu'il faut savoir.",
            listing_image=make_picture(title, title, colour),
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    document_model = get_document_model()
    document = make_file(
        document_model, "dossier-cycle3.pdf", b"%PDF-1.4\n" + b"x" * 180_000, title="Dossier"
    )
    captions = make_file(
        document_model, "reserves.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nBonjour\n", title="VTT"
    )
    media_model = get_media_model()
    video = make_file(
        media_model, "reserves.mp4", b"\x00" * 64, title="Réserves", type="video", duration=95
    )
    audio = make_file(
        media_model, "entretien.mp3", b"\x00" * 64, title="Entretien", type="audio", duration=312
    )
    embed_url = store_embed("https://video.example.org/w/musenor-reserves", "Dans les réserves")
    text = "<p>Les musées du réseau accueillent les classes toute l'année.</p>"

    return [
        ("HeadingBlock", {"text": "Toute la bibliothèque de blocs", "level": "h2"}),
        ("RichTextBlock", text),
        (
            "GalleryBlock",
            {
                "heading": "Les salles du musée",
                "images": [{"image": i.pk, "alt_text": "", "caption": i.title} for i in images],
            },
        ),
        (
            "VideoBlock",
            {
                "video": video.pk,
                "title": "Visite des réserves",
                "captions": [{"file": captions.pk, "language": "fr"}],
                "transcript": "<p>La conservatrice ouvre la porte des réserves.</p>",
            },
        ),
        (
            "AudioBlock",
            {
                "audio": audio.pk,
                "title": "Entretien avec la conservatrice",
                "transcript": "<p>Bonjour, je suis conservatrice.</p>",
            },
        ),
        ("EmbedBlock", {"embed": embed_url, "title": "Dans les réserves", "transcript": ""}),
        (
            "TimelineBlock",
            {
                "heading": "Les grandes dates",
                "events": [
                    {"year": -20, "date": None, "title": "Fondation de Bagacum", "text": ""},
                    {"year": 1801, "date": None, "title": "Création du musée", "text": ""},
                    {
                        "date": "1932-05-08",
                        "year": None,
                        "title": "Nouveau bâtiment",
                        "text": "<p>Inauguré en présence du ministre.</p>",
                    },
                ],
            },
        ),
        (
            "AccordionBlock",
            {
                "heading": "Questions fréquentes",
                "questions": [
                    {
                        "question": "Les musées sont-ils gratuits ?",
                        "answer": "<p>Souvent le premier dimanche.</p>",
                    },
                    {
                        "question": "Peut-on venir en groupe ?",
                        "answer": "<p>Oui, sur réservation.</p>",
                    },
                ],
                "is_faq": True,
            },
        ),
        (
            "TwoColumnsBlock",
            {
                "widths": "wide-left",
                "left": [{"type": "text", "value": text}],
                "right": [
                    {
                        "type": "call_to_action",
                        "value": {
                            "text": "Voir les musées",
                            "page": directory.pk,
                            "url": "",
                            "description": "",
                        },
                    }
                ],
            },
        ),
        (
            "KeyFiguresBlock",
            {
                "heading": "Le réseau en chiffres",
                "figures": [
                    {"number": "90", "unit": "", "label": "musées membres"},
                    {"number": "5", "unit": "", "label": "départements"},
                    {"number": "2.4", "unit": "millions", "label": "de visiteurs par an"},
                ],
                "source": "Enquête Musenor, 2024",
            },
        ),
        (
            "TableBlock",
            {
                "table": {
                    "caption": "Musées par département",
                    "columns": [
                        {"type": "text", "heading": "Département"},
                        {"type": "number", "heading": "Musées"},
                        {"type": "number", "heading": "Visiteurs en 2024"},
                    ],
                    "rows": [
                        {"values": ["Nord", "38", "1250000"]},
                        {"values": ["Pas-de-Calais", "21", "870000"]},
                    ],
                },
                "row_headers": True,
                "source": "Enquête Musenor, 2024",
            },
        ),
        (
            "MuseumMapBlock",
            {
                "heading": "Les musées de l'opération",
                "museums": [m.pk for m in museums],
                "theme": None,
                "department": "",
            },
        ),
        ("MuseumCardBlock", {"museum": museums[0].pk, "text": ""}),
        ("PageCardsBlock", {"heading": "À découvrir aussi", "pages": [p.pk for p in pages]}),
        (
            "CallToActionBlock",
            {
                "text": "Trouver un musée",
                "page": directory.pk,
                "url": "",
                "description": "Quatre-vingt-dix musées des Hauts-de-France.",
            },
        ),
        (
            "DownloadBlock",
            {
                "document": document.pk,
                "title": "Dossier pédagogique — cycle 3",
                "description": "Activités en classe et au musée, avec les corrigés.",
            },
        ),
        ("DocumentLinkBlock", {"document": document.pk, "title": "Le programme de l'année"}),
        (
            "QuoteBlock",
            {
                "quote": "Le musée est un lieu où l'on perd la notion du temps.",
                "author": "Gustave Moreau",
                "source": "",
            },
        ),
        (
            "ImageBlock",
            {
                "image": images[0].pk,
                "alt_text": "",
                "caption": "Vue de la salle 1",
                "credit": "",
                "licence": "",
            },
        ),
    ]
