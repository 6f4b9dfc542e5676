"""The order of ``load_demo_data``: each implementation after those it names, the core first."""

from types import ModuleType

import pytest

from musenor.plugins import hookimpl, runs_after
from musenor.plugins.manager import call_in_order, ordered_implementations, registered


def demo_order():
    return [impl.plugin_name for impl in ordered_implementations("load_demo_data")]


def demo_plugin(name, function):
    plugin = ModuleType(name)
    plugin.load_demo_data = function
    return plugin


def test_the_core_demo_loaders_run_after_what_they_need():
    order = demo_order()
    core = {
        "musenor_site",
        "musenor_home",
        "musenor_museums",
        "musenor_operations",
        "musenor_exhibitions",
        "musenor_paths",
        "musenor_circuits",
        "musenor_education",
        "musenor_selections",
        "musenor_standard",
        "musenor_news",
    }
    assert core <= set(order)
    assert order[0] == "musenor_site"
    assert order[1] == "musenor_museums"

    def before(first, then):
        return order.index(first) < order.index(then)

    assert before("musenor_operations", "musenor_exhibitions")
    assert before("musenor_operations", "musenor_standard")
    assert before("musenor_standard", "musenor_news")
    # The translations of the frame need the opening hours the circuits give a museum.
    assert before("musenor_circuits", "musenor_home")


def test_plugins_come_after_the_core_unless_they_ask_to_be_first():
    @hookimpl
    @runs_after("late")
    def early(stdout):
        pass

    @hookimpl
    def late(seed):
        pass

    @hookimpl(tryfirst=True)
    def first():
        pass

    with (
        registered(demo_plugin("early", early), name="early"),
        registered(demo_plugin("late", late), name="late"),
        registered(demo_plugin("first", first), name="first"),
    ):
        order = demo_order()
        # "early" registered first still waits for "late", which it names.
        assert order.index("late") < order.index("early")
        # Among the tryfirst ones, the core's first.
        assert order[:3] == ["musenor_site", "first", "musenor_museums"]
        assert order.index("musenor_news") < order.index("late")
        assert order.index("musenor_home") < order.index("late")


def test_a_cycle_is_refused():
    import graphlib

    @hookimpl
    @runs_after("chicken")
    def egg():
        pass

    @hookimpl
    @runs_after("egg")
    def chicken():
        pass

    with (
        registered(demo_plugin("egg", egg), name="egg"),
        registered(demo_plugin("chicken", chicken), name="chicken"),
        pytest.raises(graphlib.CycleError),
    ):
        call_in_order("load_demo_data", site=None, seed=1, stdout=None)
