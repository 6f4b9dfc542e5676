"""An oEmbed finder for the tests: answers for video.example.org, never uses the network."""

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

THUMBNAIL_URL = "https://video.example.org/thumbnails/reserves.jpg"


class ExampleVideoFinder(EmbedFinder):
    calls = []

    def __init__(self, **options):
        self.options = options

    def accept(self, url):
        return url.startswith("https://video.example.org/")

    def find_embed(self, url, max_width=None, max_height=None):
        type(self).calls.append(url)
        if "missing" in url:
            raise EmbedNotFoundException
        slug = url.rstrip("/").rsplit("/", 1)[-1]
        return {
            "title": f"Vidéo {slug}",
            "author_name": "Musenor",
            "provider_name": "Vidéos Exemple",
            "thumbnail_url": "" if "nothumb" in url else THUMBNAIL_URL,
            "type": "video",
            "html": (
                f'<iframe src="https://video.example.org/embed/{slug}" width="640" '
                'height="360" allowfullscreen></iframe>'
            ),
            "width": 640,
            "height": 360,
        }


embed_finder_class = ExampleVideoFinder
