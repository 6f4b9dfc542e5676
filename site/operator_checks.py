"""System checks for what an operator can get wrong in production.

Each of these once let the portal start and then fail in a way that did not
say why: every page a 500 (no static manifest), every request a 400 (no
allowed host), reset links in the log (a mail backend that sends nothing),
uploads lost (no media folder). Those that only matter on a server run with
``check --deploy``; see "Operators' checklist" in ``docs/security.md``.
"""

import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, storages
from django.core.mail.backends import console, dummy, filebased, locmem
from django.utils.module_loading import import_string

# Mail backends that never deliver, and what they do with a message instead
# (the file-based backend is a console backend: it comes first).
NON_SENDING_BACKENDS = [
    (filebased.EmailBackend, "writes every e-mail, password-reset links included, to files"),
    (console.EmailBackend, "writes every e-mail, password-reset links included, to the log"),
    (locmem.EmailBackend, "keeps e-mails in the memory of the process"),
    (dummy.EmailBackend, "throws every e-mail away"),
]


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_static_manifest(app_configs=None, **kwargs):
    """Hashed static files need their manifest, or every page that links one fails."""
    from django.contrib.staticfiles.storage import ManifestFilesMixin

    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin) or storage.read_manifest() is not None:
        return []
    return [
        checks.Error(
            f"The static files manifest {storage.manifest_name} is missing from "
            f"STATIC_ROOT ({storage.location}): every page would answer 500.",
            hint="Run `django-admin collectstatic --noinput` with the same settings before "
            "starting the portal, on every deployment (docs/deployment.md).",
            id="musenor_site.E010",
        )
    ]


@checks.register(checks.Tags.security)
def check_allowed_hosts(app_configs=None, **kwargs):
    """Without DEBUG, an empty ALLOWED_HOSTS answers 400 to every request."""
    if settings.DEBUG or any(str(host).strip() for host in settings.ALLOWED_HOSTS):
        return []
    return [
        checks.Error(
            "ALLOWED_HOSTS names no host: every request would get a 400 (Bad Request).",
            hint="Set ALLOWED_HOSTS to the site's host names, comma-separated, "
            "such as www.musenor.fr,musenor.fr (docs/settings.md).",
            id="musenor_site.E011",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def check_mail_backend(app_configs=None, **kwargs):
    """Production mail must leave the server, and never land in a log."""
    try:
        backend = import_string(settings.EMAIL_BACKEND)
    except ImportError:
        return [
            checks.Error(
                f"The e-mail backend {settings.EMAIL_BACKEND!r} cannot be imported.",
                hint="Set EMAIL_BACKEND to django.core.mail.backends.smtp.EmailBackend "
                "(docs/settings.md).",
                id="musenor_site.E012",
            )
        ]
    for non_sending, what in NON_SENDING_BACKENDS:
        if isinstance(backend, type) and issubclass(backend, non_sending):
            return [
                checks.Error(
                    f"The e-mail backend {settings.EMAIL_BACKEND} sends nothing: it {what}.",
                    hint="Set EMAIL_BACKEND to django.core.mail.backends.smtp.EmailBackend "
                    "and EMAIL_HOST to the SMTP server (docs/settings.md).",
                    id="musenor_site.E013",
                )
            ]
    return []


@checks.register(checks.Tags.files, deploy=True)
def check_media_storage(app_configs=None, **kwargs):
    """Uploads on local disk need a folder the portal can write to."""
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        return []
    root = Path(storage.location)
    hint = (
        "Create MEDIA_ROOT, writable by the user the portal runs as, or set MEDIA_BUCKET "
        "to store uploads in object storage (docs/deployment.md)."
    )
    if not root.is_dir():
        return [
            checks.Error(
                f"The media folder MEDIA_ROOT ({root}) does not exist: uploads would fail.",
                hint=hint,
                id="musenor_site.E014",
            )
        ]
    try:
        # A real write: permission bits say nothing of a read-only mount.
        descriptor, probe = tempfile.mkstemp(prefix=".musenor-check-", dir=root)
    except OSError as error:
        return [
            checks.Error(
                f"The media folder MEDIA_ROOT ({root}) is not writable ({error.strerror}): "
                "uploads would fail.",
                hint=hint,
                id="musenor_site.E015",
            )
        ]
    os.close(descriptor)
    os.unlink(probe)
    return []
