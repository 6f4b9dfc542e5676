"""The portal hooks of this app: the translations of the demo's frame (``demo.py``).

Not in one transaction: wagtail-localize publishes each translation when its
transaction commits, and a page's translation needs its parent's published.
"""

from musenor.plugins import hookimpl, runs_after


@hookimpl
# The pages it translates: "À propos", the directory, and a museum with the
# opening hours the circuits' demo gives it; the pages its sections list and
# the demo's illustrations (site/demo_images.py) go to.
@runs_after(
    "musenor_site",
    "musenor_museums",
    "musenor_circuits",
    "musenor_exhibitions",
    "musenor_news",
    "musenor_operations",
    "musenor_paths",
    "musenor_education",
)
def load_demo_data(site, seed, stdout):
    from .demo import load

    load(home=site.root_page.specific, seed=seed, stdout=stdout)
