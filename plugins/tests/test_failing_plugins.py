"""A plugin whose render-time hook raises is logged and skipped, unless DEBUG."""

import logging
from types import ModuleType

import pytest

from musenor.plugins import MenuItem, hookimpl
from musenor.plugins.manager import call, registered


def plugin_module(name, **hooks):
    module = ModuleType(name)
    for hook_name, function in hooks.items():
        setattr(module, hook_name, hookimpl(function))
    return module


def broken(request):
    raise ValueError("the agenda service answered 500")


@pytest.fixture
def agenda_and_broken():
    agenda = plugin_module("agenda", menu_items=lambda: [MenuItem("Agenda", "/agenda/", 150)])
    wrecked = plugin_module("wrecked", menu_items=broken)
    with registered(agenda, name="agenda"), registered(wrecked, name="wrecked"):
        yield


def test_call_skips_the_failing_implementation_and_logs_it(agenda_and_broken, rf, caplog):
    with caplog.at_level(logging.ERROR, logger="musenor.plugins"):
        items = call("menu_items", request=rf.get("/"))
    assert items == [MenuItem("Agenda", "/agenda/", 150)]
    [record] = caplog.records
    assert record.name == "musenor.plugins"
    assert record.getMessage() == (
        "The plugin wrecked (app wrecked) failed in the hook menu_items and was skipped."
    )
    assert "the agenda service answered 500" in record.exc_text


def test_the_site_keeps_serving_its_pages(agenda_and_broken, client, home, caplog):
    with caplog.at_level(logging.ERROR, logger="musenor.plugins"):
        response = client.get("/")
    assert response.status_code == 200
    assert '<a href="/agenda/">Agenda</a>' in response.content.decode()
    assert "wrecked" in caplog.text


def test_with_debug_the_error_is_raised(agenda_and_broken, rf, settings):
    settings.DEBUG = True
    with pytest.raises(ValueError, match="answered 500"):
        call("menu_items", request=rf.get("/"))


def test_a_failing_embeddable_block_renders_nothing_and_is_logged(client, home, caplog):
    from wagtail import blocks

    class FailingBlock(blocks.StaticBlock):
        def render_basic(self, value, context=None):
            raise RuntimeError("the records index is gone")

    plugin = plugin_module(
        "records", embeddable_blocks=lambda: [("records_latest", FailingBlock(label="Latest"))]
    )
    home.body = [
        ("plugin_content", {"content": "records_latest", "heading": "Derniers objets", "limit": 3}),
        ("text", "<p>Bienvenue au réseau.</p>"),
    ]
    home.save_revision().publish()
    with registered(plugin, name="records"), caplog.at_level(logging.ERROR, "musenor.plugins"):
        response = client.get("/")
    assert response.status_code == 200
    assert "Bienvenue au réseau." in response.content.decode()
    [record] = caplog.records
    assert "The plugin records" in record.getMessage()
    assert "records_latest" in record.getMessage()
