"""Production: every value from the environment; missing essentials stop start-up."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env, env_bool, env_int, env_list

DEBUG = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# Wagtail's live preview shows the page in a frame of the site itself, so
# frames stay allowed from the same origin (check security.W019 wants DENY).
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if not SECURE_HSTS_PRELOAD:
    # Preloading is hard to undo: the operator opts in with SECURE_HSTS_PRELOAD.
    SILENCED_SYSTEM_CHECKS.append("security.W021")

# Media on S3-compatible object storage when a bucket is named.
AWS_STORAGE_BUCKET_NAME = env("MEDIA_BUCKET")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env("MEDIA_ENDPOINT_URL"),
            "custom_domain": env("MEDIA_CUSTOM_DOMAIN"),
            "default_acl": None,
            "querystring_auth": False,
        },
    }

# Tasks wait in the database for `manage.py db_worker` (docs/deployment.md).
TASKS = tasks_setting(env("TASKS_BACKEND", "database"))

# E-mail: no default here. The console backend of base.py would write every
# message, password-reset links included, into the server's log.
EMAIL_BACKEND = env("EMAIL_BACKEND")
if not EMAIL_BACKEND:
    raise ImproperlyConfigured(
        "The environment variable EMAIL_BACKEND must be set in production: without it, "
        "e-mails (password-reset links included) would be written to the server's log. "
        "Set it to django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST to the SMTP "
        "server (see docs/settings.md)."
    )
if EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend":
    EMAIL_HOST = env("EMAIL_HOST", required=True)

# The portal runs behind a reverse proxy (docs/deployment.md): the sign-in
# throttle reads the client's address from the X-Forwarded-For it appends.
MUSENOR_REVERSE_PROXY_COUNT = env_int("REVERSE_PROXY_COUNT", 1)

LOGGING["root"]["level"] = env("LOG_LEVEL", "INFO")
