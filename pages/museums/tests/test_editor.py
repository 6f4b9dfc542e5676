"""The editor's side: every page type opens, saves and previews in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.museums.factories import make_museum, make_site_tree
from musenor.pages.standard.models import StandardPage


class TestEditing(WagtailPageTestCase):
    def setUp(self):
        self.home, self.directory = make_site_tree()
        self.museum = make_museum(
            self.directory,
            title="Musée de Picardie",
            city="Amiens",
            department="80",
            themes=["beaux-arts"],
        )
        self.standard = StandardPage(title="À propos")
        self.home.add_child(instance=self.standard)
        self.superuser = get_user_model().objects.create_superuser(
            email="staff@musenor.test", password="pw", first_name="A", last_name="B"
        )
        self.client.force_login(self.superuser)

    def test_every_page_type_is_editable_and_previewable(self):
        for page in (self.home, self.directory, self.museum, self.standard):
            with self.subTest(page=page.specific_class.__name__):
                edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                assert edit.status_code == 200
                # Wagtail's assertPageIsPreviewable builds form data without the
                # StreamField's count field; render the preview directly instead.
                preview = page.specific.make_preview_request()
                assert preview.status_code == 200
                assert page.title in preview.content.decode()

    def test_admin_speaks_french(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.museum.pk]))
        html = response.content.decode()
        assert 'lang="fr"' in html
        assert "Horaires d’ouverture" in html or "Horaires d'ouverture" in html

    def test_create_a_museum_through_the_admin(self):
        url = reverse(
            "wagtailadmin_pages:add", args=["musenor_museums", "museumpage", self.directory.pk]
        )
        data = {
            "title": "Musée du Touquet",
            "slug": "musee-du-touquet",
            "city": "Le Touquet-Paris-Plage",
            "department": "62",
            "latitude": "50.52",
            "longitude": "1.59",
            "body-count": "0",
            "opening_hours-TOTAL_FORMS": "1",
            "opening_hours-INITIAL_FORMS": "0",
            "opening_hours-MIN_NUM_FORMS": "0",
            "opening_hours-MAX_NUM_FORMS": "1000",
            "opening_hours-0-weekday": "2",
            "opening_hours-0-opens": "14:00",
            "opening_hours-0-closes": "18:00",
            "opening_hours-0-ORDER": "1",
            "gallery_images-TOTAL_FORMS": "0",
            "gallery_images-INITIAL_FORMS": "0",
            "gallery_images-MIN_NUM_FORMS": "0",
            "gallery_images-MAX_NUM_FORMS": "1000",
            "action-publish": "publish",
        }
        response = self.client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        page = self.directory.get_children().get(slug="musee-du-touquet").specific
        assert page.live
        assert page.opening_hours.get().weekday == 2
        public = self.client.get(page.url).content.decode()
        assert "14:00–18:00" in public


@pytest.mark.django_db
def test_alt_text_is_required_on_uploaded_images(client):
    from musenor.site.models import PortalImage

    field = PortalImage._meta.get_field("description")
    assert not field.blank
