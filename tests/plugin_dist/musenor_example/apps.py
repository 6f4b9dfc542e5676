"""The plugin's contract. Importable without models: discovery reads it at settings time."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from musenor.plugins import PluginConfig, Setting


class ExampleConfig(PluginConfig):
    name = "musenor_example"
    # Stable forever: migrations, permissions and content types depend on it.
    label = "musenor_example"
    verbose_name = _("Example notes")
    description = _("Short notes with a public list, search results and a block for pages.")
    plugin_api = ">=2,<3"
    # urls.py at /exemple/ (/en/exemple/, /nl/exemple/), neutral_urls.py at /exemple/.
    url_prefix = "exemple"
    # A wrapped library, placed after the plugin: the plugin's templates win.
    requires_apps = ["musenor_example.library"]
    middleware = ["musenor_example.middleware.ExampleHeaderMiddleware"]
    context_processors = ["musenor_example.context_processors.example"]
    # The library's unprefixed templates go in DIRS (as machina's do), after
    # the plugin's folder of overrides.
    template_dirs = [
        Path(__file__).resolve().parent / "overrides",
        "musenor_example.library:board_templates",
    ]
    # From MUSENOR_EXAMPLE_<KEY>, overridden by MUSENOR_PLUGIN_SETTINGS["example"].
    settings_schema = {
        "NOTES_PER_PAGE": Setting(int, default=20, help=_("Notes on the list page.")),
        "FEED_LENGTH": Setting(int, default=10, help=_("Notes in /exemple/notes.json.")),
        "BANNER": Setting(str, default="", help=_("A line shown on the example board.")),
    }
    default_auto_field = "django.db.models.AutoField"
