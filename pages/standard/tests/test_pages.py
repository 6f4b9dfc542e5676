"""Standard and landing pages: where they go, what they show, what the editor may not do."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.home.models import HomePage
from musenor.pages.museums.factories import make_site_tree
from musenor.pages.museums.models import MuseumIndexPage, MuseumPage
from musenor.pages.news.models import NewsIndexPage
from musenor.pages.standard.models import LandingPage, StandardPage

pytestmark = pytest.mark.django_db


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class TestCreationRules(WagtailPageTestCase):
    def test_standard_pages_make_sections_under_the_home_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(MuseumIndexPage, StandardPage)
        self.assertCanNotCreateAt(MuseumPage, StandardPage)

    def test_a_section_holds_pages_that_name_it_as_a_parent(self):
        self.assertCanCreateAt(StandardPage, LandingPage)
        self.assertCanCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, MuseumPage)

    def test_landing_pages_are_single_campaign_pages(self):
        self.assertAllowedParentPageTypes(LandingPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(LandingPage, set())
        self.assertCanNotCreateAt(LandingPage, StandardPage)


@pytest.fixture
def campaign(home):
    return LandingPage(
        title="Musées et Reconstructions 2027",
        slug="campagne",
        hero_title="Racontez la reconstruction de votre ville",
        hero_text="Déposez votre projet avant le 31 janvier 2027.",
        cta_text="Découvrir l'opération",
        cta_url="https://example.org/operation/",
        body=[("heading", {"text": "Une opération du réseau", "level": "h2"})],
    )


def test_landing_page_shows_its_hero_call_to_action_and_body(client, home, campaign):
    page = publish(home, campaign)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="landing-title">Racontez la reconstruction de votre ville</h1>' in html
    assert "Déposez votre projet avant le 31 janvier 2027." in html
    assert (
        '<a class="button" href="https://example.org/operation/">Découvrir l&#x27;opération</a>'
        in html
    )
    assert "Une opération du réseau" in html
    # The hero text describes the page when nothing else does.
    assert (
        '<meta name="description" content="Déposez votre projet avant le 31 janvier 2027.">' in html
    )


def test_hero_title_defaults_to_the_page_title(client, home, campaign):
    campaign.hero_title = ""
    page = publish(home, campaign)
    assert (
        '<h1 id="landing-title">Musées et Reconstructions 2027</h1>'
        in client.get(page.url).content.decode()
    )


def test_call_to_action_leads_to_a_live_page_only(client, home, directory, campaign):
    campaign.cta_url = ""
    campaign.cta_page = directory
    page = publish(home, campaign)
    html = client.get(page.url).content.decode()
    assert f'<a class="button" href="{directory.url}">' in html

    directory.unpublish()
    html = client.get(page.url).content.decode()
    assert 'class="hero-cta"' not in html


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"cta_url": ""}, "cta_page", "choose a page or give an address"),
        ({"cta_text": ""}, "cta_text", "Write the button"),
        ({"cta_text": "Cliquez ici"}, "cta_text", "means nothing out of context"),
        ({"cta_text": "En savoir plus…"}, "cta_text", "means nothing out of context"),
    ],
)
def test_call_to_action_is_checked(home, campaign, fields, field, message):
    for key, value in fields.items():
        setattr(campaign, key, value)
    with translation.override("en"):  # the messages are lazy: read them in English too
        with pytest.raises(ValidationError) as error:
            campaign.clean()
        assert message in " ".join(error.value.message_dict[field])


def test_call_to_action_takes_a_page_or_an_address_not_both(home, directory, campaign):
    campaign.cta_page = directory
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            campaign.clean()
        assert "not both" in error.value.message_dict["cta_url"][0]


def test_a_landing_page_without_call_to_action_is_valid(home, campaign):
    campaign.cta_text = ""
    campaign.cta_url = ""
    campaign.clean()  # no error
    page = publish(home, campaign)
    assert page.cta_href() is None


def test_standard_page_renders(client, home):
    page = publish(home, StandardPage(title="À propos", slug="a-propos", intro="L'association."))
    response = client.get(page.url)
    assert response.status_code == 200
    assert "<h1>À propos</h1>" in response.content.decode()


class TestEditor(WagtailPageTestCase):
    def setUp(self):
        self.home, self.directory = make_site_tree()
        user = get_user_model().objects.create_superuser(
            email="staff@musenor.test", password="pw", first_name="A", last_name="B"
        )
        self.client.force_login(user)

    def post(self, **fields):
        url = reverse(
            "wagtailadmin_pages:add", args=["musenor_standard", "landingpage", self.home.pk]
        )
        data = {
            "title": "Journées du patrimoine",
            "slug": "journees-du-patrimoine",
            "hero_text": "Les musées ouvrent leurs réserves.",
            "body-count": "0",
            "action-publish": "publish",
            **fields,
        }
        return self.client.post(url, data)

    def test_publish_a_landing_page_through_the_admin(self):
        response = self.post(cta_text="Voir le programme", cta_page=self.directory.pk)
        assert response.status_code == 302, response.content.decode()[:2000]
        page = LandingPage.objects.get(slug="journees-du-patrimoine")
        assert page.live
        assert page.cta_href() == self.directory.url
        preview = page.make_preview_request()
        assert preview.status_code == 200
        assert "Voir le programme" in preview.content.decode()

    def test_a_button_without_destination_is_refused_in_the_admin(self):
        response = self.post(cta_text="Voir le programme")
        assert response.status_code == 200
        assert response.context["form"].errors["cta_page"]
        assert not LandingPage.objects.exists()
