import pytest


@pytest.fixture
def home(db):
    """The portal's home page as the default site's root."""
    from musenor.pages.museums.factories import make_site_tree

    return make_site_tree()[0]


@pytest.fixture
def put_block():
    """Store a "plugin content" block showing one embeddable block in a page's body."""

    def put(page, block_name, heading="", limit=6):
        page.body = [
            ("plugin_content", {"content": block_name, "heading": heading, "limit": limit})
        ]
        page.save_revision().publish()

    return put
