"""The wheel ships everything the portal needs at run time.

A wheel is built from a copy of the work tree's files (tracked, or new and not
ignored), so that a stale ``build/`` folder cannot hide a missing file, and
compared with the source folders: every module and package, template, static
file, migration, translation catalogue (.po and compiled .mo) and data file
(``site/data/museums.csv``) must be in it.

The apps' ``tests`` packages are shipped too, deliberately: they are ordinary
sub-packages (``setup.py`` keeps every package), small, and let an installed
portal be checked with ``pytest --pyargs``. Only Markdown notes and dotfiles in
the source folders are for the repository's readers and stay out.

The wheel tests are marked ``slow`` (a few seconds: they run a real build,
offline, with the build backend of the virtualenv); ``-m "not slow"`` skips them.
The pins of ``requirements-deploy.txt`` are checked against ``pyproject.toml``.
"""

import fnmatch
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import distributions
from pathlib import Path, PurePosixPath

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_FOLDERS = ["site", "pages", "plugins", "streamfields", "search"]
NOT_SHIPPED = ["*.md", ".*"]


def work_tree_files():
    """The files of the work tree, as git sees them: tracked, or new and not ignored."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git work tree to know which files belong to the project")
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return sorted({name for name in listing.split("\0") if name and (ROOT / name).is_file()})


def shipped_source_files(files):
    """The files of the package folders that the wheel must contain."""
    expected = []
    for name in files:
        path = PurePosixPath(name)
        if path.parts[0] not in PACKAGE_FOLDERS or "__pycache__" in path.parts:
            continue
        if any(fnmatch.fnmatch(path.name, pattern) for pattern in NOT_SHIPPED):
            continue
        expected.append(name)
    return expected


@pytest.fixture(scope="module")
def files():
    return work_tree_files()


@pytest.fixture(scope="module")
def wheel(files, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("packaging")
    source = tmp / "source"
    for name in files:
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp / "dist"],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (built,) = (tmp / "dist").glob("*.whl")
    with zipfile.ZipFile(built) as archive:
        yield archive


@pytest.fixture(scope="module")
def names(wheel):
    return set(wheel.namelist())


@pytest.mark.slow
def test_wheel_ships_every_file_of_the_package_folders(files, names):
    expected = shipped_source_files(files)
    assert "site/data/museums.csv" in expected
    missing = [name for name in expected if f"musenor/{name}" not in names]
    assert not missing, f"{len(missing)} file(s) missing from the wheel: {missing}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("kind", "matches"),
    [
        ("package", lambda p: p.name == "__init__.py"),
        ("template", lambda p: "templates" in p.parts),
        ("static file", lambda p: "static" in p.parts),
        ("migration", lambda p: "migrations" in p.parts and p.suffix == ".py"),
        ("translation catalogue", lambda p: p.suffix in (".po", ".mo")),
        ("data file", lambda p: "data" in p.parts),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_wheel_ships_every(kind, matches, files, names):
    expected = [name for name in shipped_source_files(files) if matches(PurePosixPath(name))]
    assert expected, f"the repository should have at least one {kind}"
    missing = [name for name in expected if f"musenor/{name}" not in names]
    assert not missing, f"{kind}(s) missing from the wheel: {missing}"


@pytest.mark.slow
def test_every_translation_catalogue_ships_compiled(files, names):
    catalogues = [
        name for name in shipped_source_files(files) if name.endswith(".po") and "/locale/" in name
    ]
    missing = [name for name in catalogues if f"musenor/{name[:-3]}.mo" not in names]
    assert not missing, f"catalogues without their compiled .mo in the wheel: {missing}"


@pytest.mark.slow
def test_wheel_holds_only_the_musenor_namespace(names):
    stray = sorted(
        name
        for name in names
        if not name.startswith("musenor/") and ".dist-info/" not in name.split("/", 1)[0] + "/"
    )
    assert not stray, f"files outside the musenor namespace: {stray}"
    # musenor is an implicit namespace package: no __init__ of its own.
    assert "musenor/__init__.py" not in names


@pytest.mark.slow
def test_wheel_declares_the_builtin_plugins(wheel, names):
    with open(ROOT / "pyproject.toml", "rb") as handle:
        project = tomllib.load(handle)["project"]
    declared = project.get("entry-points", {}).get("musenor.plugins", {})
    listed = [name for name in names if name.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(listed[0]).decode() if listed else ""
    for plugin, target in declared.items():
        assert f"{plugin} = {target}" in text, f"plugin {plugin!r} missing from the entry points"


# --- requirements-deploy.txt ------------------------------------------------------


def deploy_pins():
    pins = {}
    for line in (ROOT / "requirements-deploy.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, version = line.partition("==")
        assert sep and version, f"not pinned exactly: {line!r}"
        key = canonicalize_name(name)
        assert key not in pins, f"{name} is pinned twice"
        pins[key] = Version(version)
    return pins


def requirements_of(project, extra=None):
    """The requirements of the project (or of one extra), its own extras expanded."""
    wanted = project["optional-dependencies"][extra] if extra else project["dependencies"]
    found = []
    for requirement in map(Requirement, wanted):
        if canonicalize_name(requirement.name) == canonicalize_name(project["name"]):
            for own_extra in sorted(requirement.extras):
                found += requirements_of(project, own_extra)
        else:
            found.append(requirement)
    return found


def pyproject():
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]


@pytest.mark.parametrize("extra", [None, "deploy"], ids=["dependencies", "deploy extra"])
def test_deploy_requirements_pin_every_direct_dependency(extra):
    """requirements-deploy.txt is regenerated (python3 dev.py lock) when pyproject.toml changes."""
    pins = deploy_pins()
    for requirement in requirements_of(pyproject(), extra):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is missing: run python3 dev.py lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{requirement.name}=={pins[name]} does not satisfy {requirement.specifier}: "
            "run python3 dev.py lock"
        )


def test_what_only_some_plugins_need_is_an_extra_the_deploy_set_names():
    project = pyproject()
    core = {canonicalize_name(requirement.name) for requirement in requirements_of(project)}
    for name in ("django-machina", "django-haystack", "elasticsearch", "opensearch-py"):
        assert name not in core, f"{name} belongs in an extra, not in the core's dependencies"
    deploy = {canonicalize_name(r.name) for r in requirements_of(project, "deploy")}
    assert {"django-machina", "django-haystack", "elasticsearch"} <= deploy


def test_the_environment_installs_what_the_lock_says():
    """python3 dev.py setup installs with the lock as constraints: the same versions."""
    installed = {
        canonicalize_name(dist.metadata["Name"]): Version(dist.version) for dist in distributions()
    }
    wrong = {
        name: f"locked {pin}, installed {installed.get(name, 'nothing')}"
        for name, pin in deploy_pins().items()
        if installed.get(name) != pin
    }
    assert not wrong, f"The virtualenv differs from requirements-deploy.txt: {wrong}"


def test_deploy_requirements_leave_out_the_portal_and_test_tools():
    pins = deploy_pins()
    assert "musenor-portal" not in pins
    for tool in ("pytest", "ruff", "playwright"):
        assert tool not in pins, f"{tool} is a test tool, not part of the deployed set"
