"""Settings shared by every environment.

The app list and plugin discovery live here; ``dev``, ``test`` and
``production`` override. Every value read from the environment goes through
``env.py`` and is documented in ``docs/settings.md``.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from xstatic.pkg import leaflet as xstatic_leaflet

from musenor.plugins.discovery import discover_plugins
from musenor.search.backends import backend_settings

from .env import env, env_bool, env_int, env_list

SITE_DIR = Path(__file__).resolve().parent.parent
# Runtime state of a checkout (the SQLite database, uploaded media): `var/`.
VAR_DIR = Path(env("MUSENOR_VAR_DIR", str(SITE_DIR.parent / "var")))

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Applications -----------------------------------------------------------

CORE_APPS = [
    "musenor.site.accounts",
    "musenor.site",
    "musenor.site.members",
    "musenor.site.newsletter",
    "musenor.plugins",
    "musenor.streamfields",
    "musenor.search",
    "musenor.pages.home",
    "musenor.pages.standard",
    "musenor.pages.museums",
    "musenor.pages.operations",
    "musenor.pages.exhibitions",
    "musenor.pages.news",
    "musenor.pages.paths",
    "musenor.pages.circuits",
    "musenor.pages.education",
    "musenor.pages.selections",
]

THIRD_PARTY_APPS = [
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
]

# Comma-separated plugin names. Unset: every installed plugin. Set but empty
# (MUSENOR_PLUGINS=""): no plugin at all, the core alone. env() treats an empty
# value as unset, hence the membership test.
MUSENOR_PLUGINS = env_list("MUSENOR_PLUGINS") if "MUSENOR_PLUGINS" in os.environ else None
# What the enabled plugins add: their apps here, the rest (middleware, context
# processors, template and static directories, the settings of the libraries
# they wrap, their typed settings from the environment) at the end of this
# module, by PLUGINS.apply().
PLUGINS = discover_plugins(MUSENOR_PLUGINS)
PLUGIN_APPS = PLUGINS.apps

INSTALLED_APPS = CORE_APPS + THIRD_PARTY_APPS + PLUGIN_APPS
# On PostgreSQL, Wagtail's database search backend uses its full-text search.
POSTGRES_APPS = ["django.contrib.postgres"]

# Per-plugin overrides of each plugin's settings_schema, keyed by plugin name;
# they win over the MUSENOR_<PLUGIN>_<KEY> environment variables.
MUSENOR_PLUGIN_SETTINGS = {}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "musenor.site.csp.ContentSecurityPolicyMiddleware",
    # Before anything reads a form body: a bad one gets a 400, not a 500.
    "musenor.site.middleware.FormBodyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Anonymous pages from the cache: after the language is known, before the
    # rest of the work a hit skips (musenor.site.page_cache).
    "musenor.site.page_cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Absolute links from the request's host when no Wagtail Site names it.
    "musenor.site.links.SiteHostMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "musenor.site.urls"
WSGI_APPLICATION = "musenor.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'musenor.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS += POSTGRES_APPS
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead logging lets pages be read while an editor's autosave writes;
    # transactions that take the write lock at once, and a busy timeout, make
    # a second writer wait for the first instead of failing with "database is
    # locked" (the preview did, while autosave ran).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        }
    )

# machina's installed migrations use AutoField: BigAutoField would make
# makemigrations want to write into its package.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

AUTH_USER_MODEL = "musenor_accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Members sign in on the public site (musenor.site.members, docs/members.md);
# the Wagtail admin keeps its own sign-in page.
LOGIN_URL = "musenor_members:signin"
LOGIN_REDIRECT_URL = "musenor_members:dashboard"
LOGOUT_REDIRECT_URL = "musenor_members:signin"
# How long an invitation's link works.
MUSENOR_INVITATION_DAYS = env_int("MEMBER_INVITATION_DAYS", 14)
# The forms that send mail or reach staff (password reset, membership
# application, e-mail change): submissions per client address and per e-mail
# address within the window (musenor.site.throttling.throttle_form).
MUSENOR_FORM_THROTTLE_LIMIT = env_int("FORM_THROTTLE_LIMIT", 5)
MUSENOR_FORM_THROTTLE_MINUTES = env_int("FORM_THROTTLE_MINUTES", 60)
# django-axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "musenor.site.throttling.SigninThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

CACHE_URL = env("CACHE_URL")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "musenor",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous pages cached whole (musenor.site.page_cache): seconds a page is
# kept in the cache above (0: not cached), and seconds a CDN in front may keep
# it (s-maxage; browsers ask again each time).
MUSENOR_PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
MUSENOR_PAGE_CACHE_CDN_SECONDS = env_int("PAGE_CACHE_CDN_SECONDS", 60)

# Wagtail's front-end cache: purge a CDN or caching proxy in front of the
# portal when a page is published or withdrawn. Off unless configured: an HTTP
# cache that takes PURGE requests (Varnish, nginx), or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }
if env("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env("FRONTEND_CACHE_CLOUDFLARE_TOKEN", required=True),
    }
# Each translation is published on its own and purges its own URL; Wagtail
# would otherwise derive /fr/… addresses, which the portal does not have.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Languages ------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English"), ("nl", "Nederlands")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English"), ("nl", "Nederlands")]
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
# The language cookie carries no secret, but no other site needs to send it.
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True

# --- Static files and media -----------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [("vendor/leaflet", xstatic_leaflet.BASE_DIR)]
MEDIA_URL = env("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail ----------------------------------------------------------------

WAGTAIL_SITE_NAME = "Musenor"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_USER_LOGIN_FORM = "musenor.site.admin_forms.LoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "musenor_site.PortalImage"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp", "avif": "avif"}
# The formats of {% responsive_picture %}, best first: the last is the <img> fallback.
MUSENOR_PICTURE_FORMATS = ("avif", "webp", "jpeg")
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "odp",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "vtt",  # captions of videos (musenor.streamfields.blocks.VideoBlock)
    "xlsx",
    "zip",
]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Draftail, opening rich text with broken links or embeds (musenor.site.richtext).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "musenor.site.richtext.DraftailRichTextArea"},
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin would send a hash of every editor's e-mail
# address to a third party, and the admin's Content-Security-Policy allows no
# image from another origin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILSEARCH_BACKENDS = backend_settings(env("SEARCH_URL"), env("SEARCH_INDEX", "musenor"))
# Museum editors submit their changes to Wagtail's default workflow
# ("Validation avant publication") instead of publishing them
# (musenor.site.workflow). After changing it, run `manage.py setup_moderation`
# to bring existing museums in line.
MUSENOR_MODERATION = env_bool("MUSENOR_MODERATION", False)

# --- Background tasks -----------------------------------------------------------

# Django's task framework (the django-tasks backport), which Wagtail uses too.
# "immediate" runs each task in the process that enqueues it (development,
# tests); "database" stores tasks for `manage.py db_worker` (django-tasks-db),
# the production default. See docs/deployment.md.
TASKS_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks_setting(name):
    if name not in TASKS_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND must be one of {', '.join(TASKS_BACKENDS)}, not {name!r}."
        )
    return {"default": {"BACKEND": TASKS_BACKENDS[name]}}


TASKS = tasks_setting(env("TASKS_BACKEND", "immediate"))

# --- Uploads (musenor.site.uploads; docs/security.md#uploads) -----------------

# Size limits per upload kind, in bytes; a plugin's own kinds may be added here.
MUSENOR_UPLOAD_MAX_SIZES = {
    "image": env_int("UPLOAD_MAX_IMAGE_MB", 20) * 2**20,
    "document": env_int("UPLOAD_MAX_DOCUMENT_MB", 20) * 2**20,
    "audio": env_int("UPLOAD_MAX_AUDIO_MB", 50) * 2**20,
    "video": env_int("UPLOAD_MAX_VIDEO_MB", 200) * 2**20,
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MUSENOR_UPLOAD_MAX_SIZES["image"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("UPLOAD_MAX_IMAGE_PIXELS", 50_000_000)
WAGTAILDOCS_MAX_UPLOAD_SIZE = MUSENOR_UPLOAD_MAX_SIZES["document"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "musenor.site.uploads.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "musenor.site.uploads.forms.DocumentForm"
# Only PDFs open in the browser; every other document is downloaded.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# Documents always pass through the portal's serve view, which adds the headers
# that keep a browser from running them, even when media live in a bucket.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The extensions of the upload kinds (tests/test_uploads.py checks they agree).
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "musenor.site.uploads.forms.MediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "oga", "opus", "flac", "wav"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "mov", "ogv"],
}

# --- Maps -------------------------------------------------------------------

# Tiles never come from a hard-coded server: an empty URL shows the list only.
MUSENOR_MAP_TILES_URL = env("MAP_TILES_URL", "")
MUSENOR_MAP_ATTRIBUTION = env("MAP_TILES_ATTRIBUTION", "")

# --- Imports ----------------------------------------------------------------

# Hosts the OpenAgenda import may read (empty: any host on the public
# internet; private and loopback addresses are refused either way).
MUSENOR_OPENAGENDA_ALLOWED_HOSTS = env_list("OPENAGENDA_ALLOWED_HOSTS")

# --- E-mail -----------------------------------------------------------------

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Musenor <ne-pas-repondre@musenor.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# --- Security: Content-Security-Policy, sign-in throttling ------------------
# See docs/security.md.

# Public and members' pages: no inline script or style, no plugin content.
# musenor.site.csp adds the hosts only the settings know (map tiles, media).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The embed block plays a provider's player (any HTTPS origin) on request.
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# Wagtail's admin (and Django's) run inline scripts and styles: a looser policy
# under these prefixes, still closed to other origins' scripts and to plugins.
MUSENOR_ADMIN_URL_PREFIXES = ["/admin/", "/django-admin/"]
MUSENOR_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "media-src": [SELF, "blob:"],
        "font-src": [SELF, "data:"],
    }
}

# django-axes counts failed sign-ins in the cache (Redis in production), per
# account identifier and per client address, whether the account exists or not.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = env_int("SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGNIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
# Django's AuthenticationForm (Wagtail's login form too) passes the e-mail as
# ``username``; musenor.site.throttling lower-cases it.
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "musenor.site.throttling.signin_identifier"
AXES_CLIENT_IP_CALLABLE = "musenor.site.throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "musenor.site.throttling.lockout_response"
# Behind N reverse proxies, the client's address is the Nth from the right of
# X-Forwarded-For; 0 trusts REMOTE_ADDR alone.
MUSENOR_REVERSE_PROXY_COUNT = env_int("REVERSE_PROXY_COUNT", 0)

# The public forms, per client address: (messages, seconds).
MUSENOR_CONTACT_RATE = (5, 3600)
# The newsletter (musenor.site.newsletter): subscriptions per client address per
# window (seconds), days a confirmation link works, mails sent per batch (one
# SMTP connection each).
MUSENOR_NEWSLETTER_RATE = (5, 3600)
MUSENOR_NEWSLETTER_CONFIRM_DAYS = env_int("NEWSLETTER_CONFIRM_DAYS", 7)
MUSENOR_NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 100)

# --- Plugins ----------------------------------------------------------------

# Last, so that a plugin's extra_settings cannot redefine a setting above.
PLUGINS.apply(globals())
