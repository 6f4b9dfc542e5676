"""The pluggy manager of the portal's hooks.

Built once, lazily, when apps are ready: it registers the ``musenor_hooks``
module of every installed app (the way Wagtail discovers ``wagtail_hooks``),
then checks that every implementation names an existing hook, so that a
misspelt hook stops start-up instead of being silently ignored.

:func:`call` is what the site uses at render time: an implementation that
raises is logged (logger ``musenor.plugins``) and skipped, so that one broken
plugin does not take the public site down; with ``DEBUG`` the error is raised.
:func:`call_in_order` runs an implementation after those it names with
:func:`runs_after` (the demo loaders), and lets errors through.
"""

import contextlib
import graphlib
import logging
from importlib import import_module

import pluggy
from django.apps import apps
from django.conf import settings
from django.utils.module_loading import module_has_submodule

from . import hookspecs

HOOKS_MODULE = "musenor_hooks"
RUNS_AFTER = "musenor_runs_after"

logger = logging.getLogger("musenor.plugins")

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


def _implementations(hook_name):
    """The implementations of ``hook_name`` in pluggy's call order.

    The portal's hooks have no use for pluggy's wrappers: they are logged and left out.
    """
    impls = []
    for impl in reversed(getattr(get_manager().hook, hook_name).get_hookimpls()):
        if impl.wrapper or impl.hookwrapper:
            logger.error(
                "The plugin %s implements %s as a wrapper, which the portal does not "
                "support; it is left out.",
                plugin_display_name(impl.plugin_name),
                hook_name,
            )
            continue
        impls.append(impl)
    return impls


def _call_one(impl, kwargs):
    # As pluggy does: an implementation receives only the arguments it names.
    return impl.function(*(kwargs[name] for name in impl.argnames))


def plugin_display_name(label):
    """The plugin's entry-point name for an app label (the label itself for a core app)."""
    try:
        return getattr(apps.get_app_config(label), "plugin_name", None) or label
    except LookupError:
        return label


def report_failure(label, what):
    """Log the exception being handled, raised by the plugin ``label``; re-raise it when DEBUG.

    Called from an ``except`` block by the code that runs plugins' code at
    render time (hooks, panels' templates).
    """
    if settings.DEBUG:
        raise
    logger.exception(
        "The plugin %s (app %s) failed in %s and was skipped.",
        plugin_display_name(label),
        label,
        what,
    )


def call_each(hook_name, **kwargs):
    """Call a hook; return ``(app label, result)`` for each implementation that did not raise.

    An implementation that raises is logged and skipped (re-raised when
    ``settings.DEBUG``), the others still count.
    """
    results = []
    for impl in _implementations(hook_name):
        try:
            result = _call_one(impl, kwargs)
        except Exception:
            report_failure(impl.plugin_name, f"the hook {hook_name}")
            continue
        if result is not None:
            results.append((impl.plugin_name, result))
    return results


def call(hook_name, **kwargs):
    """Call a hook and flatten the lists its implementations return.

    An implementation that raises is logged and skipped (see :func:`call_each`).
    """
    return [item for _label, result in call_each(hook_name, **kwargs) for item in result]


def runs_after(*labels):
    """Mark a hook implementation to run after those of the apps ``labels``.

    Honoured by :func:`call_in_order` (the ``load_demo_data`` hook); a label
    that is not installed is ignored. Put it under ``@hookimpl``::

        @hookimpl
        @runs_after("musenor_museums")
        def load_demo_data(site, seed, stdout): ...
    """

    def mark(function):
        setattr(function, RUNS_AFTER, tuple(labels))
        return function

    return mark


def _tier(impl, position):
    """Sort key among the ready ones: tryfirst, the core apps, the plugins, trylast."""
    from .base import PluginConfig

    try:
        is_plugin = isinstance(apps.get_app_config(impl.plugin_name), PluginConfig)
    except LookupError:  # a module registered by hand (tests)
        is_plugin = True
    return (not impl.tryfirst, impl.trylast, is_plugin, position)


def ordered_implementations(hook_name):
    """The implementations of ``hook_name``, each after those it names with :func:`runs_after`.

    Among those ready to run: ``tryfirst`` ones first, then the core apps',
    then the plugins', ``trylast`` ones last, each group in ``INSTALLED_APPS``
    order. A cycle raises ``graphlib.CycleError``.
    """
    impls = _implementations(hook_name)
    by_label = {impl.plugin_name: impl for impl in impls}
    app_order = {config.label: index for index, config in enumerate(apps.get_app_configs())}
    position = {label: app_order.get(label, len(app_order)) for label in by_label}
    sorter = graphlib.TopologicalSorter()
    for impl in impls:
        after = [label for label in getattr(impl.function, RUNS_AFTER, ()) if label in by_label]
        sorter.add(impl.plugin_name, *after)
    sorter.prepare()
    order, ready = [], set()
    while sorter.is_active():
        # One at a time, so that an implementation made ready by the last one
        # competes with those already waiting.
        ready.update(sorter.get_ready())
        label = min(ready, key=lambda label: _tier(by_label[label], position[label]))
        ready.remove(label)
        order.append(by_label[label])
        sorter.done(label)
    return order


def call_in_order(hook_name, **kwargs):
    """Call each implementation of ``hook_name`` in :func:`ordered_implementations` order.

    Errors are not caught: this is for commands (``load_demo``), not pages.
    """
    return [
        (impl.plugin_name, _call_one(impl, kwargs)) for impl in ordered_implementations(hook_name)
    ]


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


@contextlib.contextmanager
def without_enabled_plugins():
    """Leave the enabled plugins' hooks out for a while; for the core's own tests.

    A core test that registers plugins of its own (:func:`registered`) and
    checks what the hooks return sees only those, whatever built-in plugins
    are enabled. The plugins are registered again on exit, whatever happens.
    """
    from .base import plugin_configs

    manager = get_manager()
    hidden = [
        (config.label, manager.get_plugin(config.label))
        for config in plugin_configs()
        if manager.get_plugin(config.label) is not None
    ]
    for label, _plugin in hidden:
        manager.unregister(name=label)
    try:
        yield manager
    finally:
        for label, plugin in hidden:
            manager.register(plugin, name=label)
