"""The block library's one model: local copies of embeds' thumbnails."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmbedPoster(models.Model):
    """The thumbnail of an embedded media item, copied when the page is saved.

    The embed block shows it before the visitor chooses to load the media,
    so that displaying a page asks nothing of the media's provider.
    """

    embed_hash = models.CharField(_("embed"), max_length=32, unique=True)
    source_url = models.TextField(_("address of the original"))
    image = models.ImageField(
        _("image"), upload_to="embed-posters/", width_field="width", height_field="height"
    )
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    created_at = models.DateTimeField(_("copied at"), auto_now_add=True)

    class Meta:
        verbose_name = _("embed poster")
        verbose_name_plural = _("embed posters")

    def __str__(self):
        return self.source_url
