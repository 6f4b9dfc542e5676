"""The forum plugin's contract: django-machina wrapped, read at settings time (no model here)."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from musenor.plugins import PluginConfig, Setting

HERE = Path(__file__).resolve().parent

# machina's apps, as its documentation lists them, without forum_search: its
# haystack search finds nothing on the simple backend and haystack's
# update_index command clashes with Wagtail's; the portal's search provider
# (search.py) serves forum posts instead.
MACHINA_APPS = [
    "mptt",
    "widget_tweaks",
    "machina",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    "machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "machina.apps.forum_moderation",
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    "machina.apps.forum_permission",
]


class ForumConfig(PluginConfig):
    name = "musenor.plugins.forum"
    label = "musenor_forum"
    verbose_name = _("Forum")
    description = _(
        "The members' forum on django-machina: one private forum per working group, "
        "subscriptions and e-mail notifications, posts in the site search."
    )
    plugin_api = ">=2,<3"
    # Our own views (attachments, subscriptions) at /forum/…; machina's own URLs
    # are mounted under the same prefix by register_public_urls (their
    # namespaces are machina's: forum:index, forum_conversation:topic…).
    url_prefix = "forum"
    requires_modules = ["machina", "mptt", "widget_tweaks", "markdown2", "nh3"]
    requires_apps = MACHINA_APPS
    middleware = [
        "musenor.plugins.forum.middleware.ForumPermissionMiddleware",
        "musenor.plugins.forum.middleware.MembersOnlyMiddleware",
    ]
    context_processors = ["machina.core.context_processors.metadata"]
    # The portal's accessible templates first, then machina's (named without a
    # prefix, as machina documents it): ours replace machina's screen by screen.
    # (inside templates/ so that the package ships them like any template).
    template_dirs = [HERE / "templates" / "musenor_forum" / "machina", "machina:templates/machina"]
    extra_settings = {
        "MACHINA_FORUM_NAME": "Forum",
        # Members are shown by name, never by their e-mail address (the login).
        "MACHINA_USER_DISPLAY_NAME_METHOD": "get_full_name",
        # Posts are rendered through markdown2 then the nh3 sanitiser (markup.py).
        "MACHINA_MARKUP_LANGUAGE": ("musenor.plugins.forum.markup.render", {}),
        "MACHINA_MARKUP_WIDGET": "django.forms.Textarea",
        "MACHINA_MARKUP_WIDGET_KWARGS": {"attrs": {"rows": 12}},
        # Files kept between a preview and the final post: the site's cache.
        "MACHINA_ATTACHMENT_CACHE_NAME": "default",
        "MACHINA_ATTACHMENT_FILE_UPLOAD_TO": "forum",
        "MACHINA_ATTACHMENT_MAX_FILES_PER_POST": 3,
        # Nobody reads anything by default: each working group's forum grants
        # its members (signals.py, permissions.py).
        "MACHINA_DEFAULT_AUTHENTICATED_USER_FORUM_PERMISSIONS": [],
        "MACHINA_PROFILE_AVATARS_ENABLED": False,
    }
    settings_schema = {
        "ATTACHMENTS_ROOT": Setting(
            Path,
            default=None,
            help=_(
                "Folder of the forum's attachments, outside the public media "
                "(default: MEDIA_ROOT's parent folder/forum-attachments)."
            ),
        ),
        "NOTIFICATION_BATCH_SIZE": Setting(
            int, default=200, help=_("Subscribers mailed by one run of the notification task.")
        ),
        "TOPICS_PER_PANEL": Setting(
            int, default=5, help=_("Topics on the members' dashboard panel.")
        ),
    }
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from musenor.site import uploads

        from . import signals
        from .attachments import ATTACHMENT_KIND, wrap_machina_attachments

        uploads.register_kind(ATTACHMENT_KIND)
        wrap_machina_attachments()
        signals.connect()
