"""The notices plugin's contract. Importable without models: discovery reads it at settings time."""

from django.utils.translation import gettext_lazy as _

from musenor.plugins import PluginConfig, Setting


class NoticesConfig(PluginConfig):
    name = "musenor.plugins.notices"
    # Stable forever: migrations, permissions and content types depend on it.
    label = "musenor_notices"
    verbose_name = _("Collections")
    description = _(
        "The network's collection database: object records in the Joconde format, "
        "photographs, controlled vocabularies, import, public record pages and search."
    )
    plugin_api = ">=2,<3"
    # urls.py at /notices/ (/en/notices/, /nl/notices/).
    url_prefix = "notices"
    requires_apps = []
    settings_schema = {
        "DEMO_RECORDS": Setting(
            int,
            default=2500,
            help=_("Generated records the demo loads (the test settings load fewer)."),
        ),
        "RECORDS_PER_MUSEUM_PANEL": Setting(
            int,
            default=8,
            help=_("Records shown on a museum's page."),
        ),
        "IMPORT_RETENTION_DAYS": Setting(
            int,
            default=180,
            help=_(
                "Days the admin's imports (their files and reports) are kept; "
                "a daily task deletes older ones."
            ),
        ),
    }
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from musenor.site import uploads

        from . import signals  # noqa: F401
        from .upload_kinds import IMPORT_FILE, IMPORT_PHOTOS

        uploads.register_kind(IMPORT_FILE)
        uploads.register_kind(IMPORT_PHOTOS)
        from .search import signals as search_signals  # noqa: F401
