"""The system checks of musenor.site.operator_checks, each shown failing and passing.

``tests/test_settings.py`` runs ``check --deploy`` with the production settings
in a subprocess; here each check is called with the settings it judges.
"""

import json
import os
from pathlib import Path

import pytest

from musenor.site import operator_checks

MANIFEST_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def ids(messages):
    return [message.id for message in messages]


def storages_with(settings, name, backend):
    return {**settings.STORAGES, name: {"BACKEND": backend}}


# --- Static files manifest ----------------------------------------------------------


def test_a_missing_static_manifest_is_an_error(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = storages_with(settings, "staticfiles", MANIFEST_STORAGE)
    errors = operator_checks.check_static_manifest()
    assert ids(errors) == ["musenor_site.E010"]
    assert "collectstatic" in errors[0].hint
    assert str(tmp_path) in errors[0].msg

    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": {}, "version": "1.1", "hash": "0"}), encoding="utf-8"
    )
    assert operator_checks.check_static_manifest() == []


def test_static_files_without_a_manifest_need_none(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = storages_with(
        settings, "staticfiles", "django.contrib.staticfiles.storage.StaticFilesStorage"
    )
    assert operator_checks.check_static_manifest() == []


# --- Allowed hosts --------------------------------------------------------------------


@pytest.mark.parametrize("hosts", [[], [" "], ["", "  "]])
def test_allowed_hosts_that_name_no_host_are_an_error(settings, hosts):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = hosts
    errors = operator_checks.check_allowed_hosts()
    assert ids(errors) == ["musenor_site.E011"]
    assert "400" in errors[0].msg


def test_allowed_hosts_pass_with_a_host_or_with_debug(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["www.musenor.fr"]
    assert operator_checks.check_allowed_hosts() == []
    settings.DEBUG = True
    settings.ALLOWED_HOSTS = []
    assert operator_checks.check_allowed_hosts() == []


# --- Mail backend ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("backend", "what"),
    [
        ("django.core.mail.backends.console.EmailBackend", "to the log"),
        ("django.core.mail.backends.filebased.EmailBackend", "to files"),
        ("django.core.mail.backends.locmem.EmailBackend", "in the memory"),
        ("django.core.mail.backends.dummy.EmailBackend", "away"),
    ],
)
def test_a_mail_backend_that_sends_nothing_is_an_error(settings, backend, what):
    settings.EMAIL_BACKEND = backend
    errors = operator_checks.check_mail_backend()
    assert ids(errors) == ["musenor_site.E013"]
    assert what in errors[0].msg


def test_an_unknown_mail_backend_is_an_error(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.NoSuchBackend"
    assert ids(operator_checks.check_mail_backend()) == ["musenor_site.E012"]


def test_smtp_passes(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert operator_checks.check_mail_backend() == []


# --- Media storage -----------------------------------------------------------------------


def test_a_missing_media_folder_is_an_error(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    errors = operator_checks.check_media_storage()
    assert ids(errors) == ["musenor_site.E014"]
    assert str(tmp_path / "media") in errors[0].msg
    (tmp_path / "media").mkdir()
    assert operator_checks.check_media_storage() == []
    assert list((tmp_path / "media").iterdir()) == [], "the check leaves nothing behind"


def test_a_media_folder_the_portal_cannot_write_to_is_an_error(settings, tmp_path):
    if os.geteuid() == 0:
        # Permission bits do not stop root: /proc refuses new files to everyone.
        read_only = Path("/proc")
    else:
        read_only = tmp_path / "media"
        read_only.mkdir(mode=0o555)
    settings.MEDIA_ROOT = read_only
    errors = operator_checks.check_media_storage()
    assert ids(errors) == ["musenor_site.E015"]
    assert "not writable" in errors[0].msg


def test_object_storage_needs_no_media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "absent"
    settings.STORAGES = storages_with(
        settings, "default", "django.core.files.storage.InMemoryStorage"
    )
    assert operator_checks.check_media_storage() == []


def test_the_checks_are_registered_for_check_deploy():
    from django.core import checks

    deploy = checks.registry.registry.get_checks(include_deployment_checks=True)
    always = checks.registry.registry.get_checks(include_deployment_checks=False)
    for check in (
        operator_checks.check_static_manifest,
        operator_checks.check_mail_backend,
        operator_checks.check_media_storage,
    ):
        assert check in deploy and check not in always
    assert operator_checks.check_allowed_hosts in always
