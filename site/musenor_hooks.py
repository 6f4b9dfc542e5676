"""The portal hooks of the site's frame: its demo content ("À propos", ``demo.py``).

The core apps implement ``load_demo_data`` as a plugin would; this one first.
"""

from musenor.plugins import hookimpl

from .demo import load, load_in_transaction


@hookimpl(tryfirst=True)
def load_demo_data(site, seed, stdout):
    load_in_transaction(load, site, seed, stdout)
