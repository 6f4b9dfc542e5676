"""The search's tests register providers of their own: the built-in plugins' are hidden."""

import pytest

from musenor.plugins.manager import without_enabled_plugins


@pytest.fixture(autouse=True)
def _only_the_tests_plugins():
    with without_enabled_plugins():
        yield
