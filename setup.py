"""Map the repository's root folders onto the ``musenor`` import namespace.

The stdlib already owns ``site`` and generic names such as ``pages`` or
``search`` would clash with other distributions, so ``site/`` imports as
``musenor.site``, ``pages/`` as ``musenor.pages`` and so on. ``musenor`` itself
is an implicit namespace package: it has no folder of its own.
"""

from pathlib import Path

from setuptools import find_packages, setup

ROOT = Path(__file__).parent
FOLDERS = ["site", "plugins", "pages", "streamfields", "search"]
DATA = [
    "templates/**/*",
    "static/**/*",
    "locale/**/*",
    "data/*",
    "scaffold/**/*",
]

package_dir = {}
packages = []
for folder in FOLDERS:
    package_dir[f"musenor.{folder}"] = folder
    packages.append(f"musenor.{folder}")
    packages += [f"musenor.{folder}.{sub}" for sub in find_packages(str(ROOT / folder))]

setup(
    package_dir=package_dir,
    packages=packages,
    package_data=dict.fromkeys(packages, DATA),
)
