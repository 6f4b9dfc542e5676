"""Fixtures of the import tests: the museums and users of the records' tests, real files."""

import shutil
from pathlib import Path

import pytest

from musenor.plugins.notices.tests.conftest import (  # noqa: F401 (fixtures)
    editors,
    museum,
    museums,
    roles,
    staff_user,
)

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_file(tmp_path):
    """A copy of a file of ``data/`` in a temporary folder (an import may read it twice)."""

    def copy(name):
        target = tmp_path / name
        shutil.copy(DATA / name, target)
        return target

    return copy
