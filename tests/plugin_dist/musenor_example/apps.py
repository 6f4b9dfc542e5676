"""The plugin's contract. Importable without models: discovery reads it at settings time."""

from django.utils.translation import gettext_lazy as _

from musenor.plugins import PluginConfig


class ExampleConfig(PluginConfig):
    name = "musenor_example"
    # Stable forever: migrations, permissions and content types depend on it.
    label = "musenor_example"
    verbose_name = _("Example notes")
    description = _("Short notes with a public list, search results and a block for pages.")
    plugin_api = ">=2,<3"
    # Overridden in MUSENOR_PLUGIN_SETTINGS["example"].
    default_settings = {"NOTES_PER_PAGE": 20}
    default_auto_field = "django.db.models.AutoField"
