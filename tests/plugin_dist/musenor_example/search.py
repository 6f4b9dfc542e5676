from urllib.parse import urlencode

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from musenor.search.providers import ModelSearchProvider, SearchHit

from .models import ExampleNote


class ExampleNoteSearchProvider(ModelSearchProvider):
    name = "example-notes"
    label = _("Example notes")
    model = ExampleNote

    def to_hit(self, obj, request):
        return SearchHit(
            title=obj.title,
            url=obj.get_absolute_url(),
            summary=Truncator(obj.body).words(30),
            kind=str(_("Example note")),
        )

    def results_url(self, query):
        # The plugin's own page of every result (count() comes from ModelSearchProvider).
        return f"{reverse('musenor_example:index')}?{urlencode({'q': query})}"
