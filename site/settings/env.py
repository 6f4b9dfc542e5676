"""Read settings from the environment.

Every variable the portal reads goes through these helpers, so that
``docs/settings.md`` can be checked against the code (``tests/test_docs.py``).
"""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env(name, default=None, *, required=False):
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise ImproperlyConfigured(
                f"The environment variable {name} must be set (see docs/settings.md)."
            )
        return default
    return value


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), not {value!r}.")


def env_list(name, default=(), *, required=False):
    value = env(name, None, required=required)
    if value is None:
        return list(default)
    items = [item.strip() for item in value.split(",") if item.strip()]
    if required and not items:
        # " , " is set but lists nothing: as good as unset, and far harder to spot.
        raise ImproperlyConfigured(
            f"The environment variable {name} must list at least one value, "
            f"not {value!r} (see docs/settings.md)."
        )
    return items


def env_int(name, default):
    value = env(name, None)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc
