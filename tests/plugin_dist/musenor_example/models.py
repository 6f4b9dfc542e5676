from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class ExampleNote(index.Indexed, models.Model):
    """A short note, searchable through Wagtail's search backend."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("example note")
        verbose_name_plural = _("example notes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("musenor_example:note", kwargs={"pk": self.pk})
