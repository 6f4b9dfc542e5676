"""The portal hooks of this app: its demo content (``demo.py``).

It runs after the museums its paths visit.
"""

from musenor.plugins import hookimpl, runs_after
from musenor.site.demo import load_in_transaction


@hookimpl
@runs_after("musenor_museums")
def load_demo_data(site, seed, stdout):
    from .demo import load

    load_in_transaction(load, site, seed, stdout)
