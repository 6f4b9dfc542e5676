"""The map of museums: a list of museums of the directory, and a map when tiles are set.

The list is the content: it names and links every museum, with its city, and
works without JavaScript or tiles. The map is drawn over it by a few lines of
JavaScript with Leaflet, only when ``MUSENOR_MAP_TILES_URL`` is set, and
disappears again when the tile server does not answer.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from . import previews
from .choosers import MuseumChooserBlock, localize_pages, museum_queryset

MAX_MUSEUMS = 60


def department_choices():
    model = apps.get_model("musenor_museums", "MuseumPage")
    return list(model._meta.get_field("department").choices)


def _museum_map_preview():
    return {"heading": "Les musées de l'opération", "museums": previews.museums(6)}


class MuseumMapBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Shown above the map and list as a level 2 heading; optional."),
    )
    museums = blocks.ListBlock(
        MuseumChooserBlock(label=_("Museum")),
        label=_("Museums"),
        max_num=MAX_MUSEUMS,
        help_text=_("Choose the museums one by one… (leave empty to use the filters below)"),
    )
    theme = SnippetChooserBlock(
        "musenor_museums.MuseumTheme",
        label=_("Or every museum of a theme"),
        required=False,
        help_text=_("…or show every museum of this theme,"),
    )
    department = blocks.ChoiceBlock(
        label=_("and/or of a département"),
        choices=department_choices,
        required=False,
        help_text=_("…and/or of this département. The list stays up to date."),
    )

    class Meta:
        icon = "site"
        label = _("Map of museums")
        group = _("Museums")
        template = "musenor_streamfields/blocks/museum_map.html"
        description = _(
            "Chosen museums, or those of a theme or département, as a list and on a map."
        )
        preview_value = staticmethod(_museum_map_preview)

    def clean(self, value):
        value = super().clean(value)
        chosen = [museum for museum in value.get("museums") or [] if museum is not None]
        filtered = bool(value.get("theme") or value.get("department"))
        if chosen and filtered:
            message = _("Choose museums one by one or by theme and département, not both.")
        elif not chosen and not filtered:
            message = _("Choose museums, or a theme or a département.")
        elif len({museum.pk for museum in chosen}) < len(chosen):
            message = _("The same museum is chosen twice.")
        else:
            return value
        raise blocks.StructBlockValidationError(block_errors={"museums": ValidationError(message)})

    def get_museums(self, value, current_page):
        chosen = [museum for museum in value.get("museums") or [] if museum is not None]
        if chosen:
            museums = localize_pages(chosen, current_page, museum_queryset())
            return [museum for museum in museums if museum.live]
        if not (value.get("theme") or value.get("department")):
            return []
        museums = museum_queryset().live().public().order_by("title")
        if value.get("theme"):
            # By slug: an English page's block holds the English theme, the
            # museums the French one (``musenor.site.translations``).
            museums = museums.filter(themes__slug=value["theme"].slug)
        if value.get("department"):
            museums = museums.filter(department=value["department"])
        return one_per_museum(museums, getattr(current_page, "locale_id", None))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        museums = self.get_museums(value, parent_context.get("page"))
        request = parent_context.get("request")
        context["museums"] = museums
        context["points"] = [
            museum.map_point(request) for museum in museums if museum.has_coordinates
        ]
        context["map_tiles_url"] = settings.MUSENOR_MAP_TILES_URL
        context["map_attribution"] = settings.MUSENOR_MAP_ATTRIBUTION
        context["leaflet_js"] = static("vendor/leaflet/leaflet.js")
        context["leaflet_css"] = static("vendor/leaflet/leaflet.css")
        return context


def one_per_museum(museums, locale_id):
    """Each museum once: in ``locale_id`` where translated, else in the language it has."""
    chosen = {}
    for museum in museums:
        kept = chosen.get(museum.translation_key)
        if kept is None or (museum.locale_id == locale_id and kept.locale_id != locale_id):
            chosen[museum.translation_key] = museum
    return sorted(chosen.values(), key=lambda museum: museum.title)
