"""The pluggy manager of the portal's hooks.

Built once, lazily, when apps are ready: it registers the ``musenor_hooks``
module of every installed app (the way Wagtail discovers ``wagtail_hooks``),
then checks that every implementation names an existing hook, so that a
misspelt hook stops start-up instead of being silently ignored.
"""

import contextlib
from importlib import import_module
from itertools import chain

import pluggy
from django.apps import apps
from django.utils.module_loading import module_has_submodule

from . import hookspecs

HOOKS_MODULE = "musenor_hooks"

_manager = None


def _build_manager():
    manager = pluggy.PluginManager("musenor")
    manager.add_hookspecs(hookspecs)
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, HOOKS_MODULE):
            module = import_module(f"{config.name}.{HOOKS_MODULE}")
            manager.register(module, name=config.label)
    manager.check_pending()
    return manager


def get_manager():
    """Return the portal's plugin manager, building it on first use."""
    global _manager
    if _manager is None:
        _manager = _build_manager()
    return _manager


def reset_manager():
    """Forget the manager (tests that change INSTALLED_APPS call this)."""
    global _manager
    _manager = None


def call(hook_name, **kwargs):
    """Call a hook and flatten the lists its implementations return."""
    results = getattr(get_manager().hook, hook_name)(**kwargs)
    return list(chain.from_iterable(result or () for result in results))


def implemented_hooks(name):
    """Names of the hooks implemented by the registered plugin ``name`` (an app label)."""
    manager = get_manager()
    plugin = manager.get_plugin(name)
    if plugin is None:
        return []
    return sorted(caller.name for caller in manager.get_hookcallers(plugin) or ())


@contextlib.contextmanager
def registered(plugin, name=None):
    """Register ``plugin`` (a module or object with hook implementations) for a while.

    For tests: the plugin is unregistered on exit, whatever happens.
    """
    manager = get_manager()
    registered_name = manager.register(plugin, name=name)
    try:
        manager.check_pending()
        yield manager
    finally:
        manager.unregister(name=registered_name)
