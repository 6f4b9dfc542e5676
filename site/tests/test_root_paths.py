import pytest
from wagtail.models import Locale, Site

pytestmark = pytest.mark.django_db


def test_translating_the_home_page_refreshes_the_site_root_paths(home):
    assert [p.language_code for p in Site.get_site_root_paths()] == ["fr"]  # now cached
    english = Locale.objects.create(language_code="en")
    home.copy_for_translation(english)
    assert sorted(p.language_code for p in Site.get_site_root_paths()) == ["en", "fr"]


def test_deleting_a_home_translation_refreshes_the_site_root_paths(home):
    english = Locale.objects.create(language_code="en")
    translation = home.copy_for_translation(english)
    assert len(Site.get_site_root_paths()) == 2
    translation.delete()
    assert [p.language_code for p in Site.get_site_root_paths()] == ["fr"]
