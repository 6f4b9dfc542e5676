"""The portal's browser fixtures (tests/browser/conftest.py), for the collection search's tests.

Read from the repository's cross-cutting tests, which a built-in plugin ships
beside; these tests are skipped where that file is absent.
"""

import importlib.util
from pathlib import Path

import pytest

_CORE = Path(__file__).resolve().parents[5] / "tests" / "browser" / "conftest.py"

if _CORE.exists():
    _spec = importlib.util.spec_from_file_location("musenor_browser_fixtures", _CORE)
    _fixtures = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_fixtures)
    _browser_first = _fixtures._browser_first
    axe_source = _fixtures.axe_source
    browser = _fixtures.browser
    check_accessibility = _fixtures.check_accessibility
    directory = _fixtures.directory
    home = _fixtures.home
    new_page = _fixtures.new_page
    page = _fixtures.page
    site_tree = _fixtures.site_tree
else:

    @pytest.fixture
    def browser():
        pytest.skip(f"the portal's browser fixtures are missing ({_CORE})")
