"""News pages: where they go, what the index lists, what a news page shows."""

import json
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from musenor.pages.home.models import HomePage
from musenor.pages.museums.factories import make_museum, make_site_tree
from musenor.pages.museums.models import MuseumIndexPage
from musenor.pages.news.factories import make_news, make_news_index
from musenor.pages.news.models import NewsIndexPage, NewsPage
from musenor.pages.standard.models import StandardPage

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html):
    return [json.loads(block) for block in SCRIPT.findall(html)]


def titles(items):
    return [page.title for page in items]


class TestCreationRules(WagtailPageTestCase):
    def test_where_news_go(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(MuseumIndexPage, NewsIndexPage)
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsPage)

    def test_one_news_index_per_parent(self):
        home, _directory = make_site_tree()
        make_news_index(home)
        assert not NewsIndexPage.can_create_at(home)


def test_the_publication_date_is_today_by_default():
    assert NewsPage().date == timezone.localdate()


@pytest.fixture
def news(news_index):
    """Four news items: three live with keywords, one draft."""
    return {
        "portal": make_news(
            news_index,
            title="Le portail est en ligne",
            date=date(2026, 11, 16),
            tags=["vie du réseau", "numérique"],
            intro="Un seul site pour les musées du réseau.",
            author="Claire Vasseur",
        ),
        "call": make_news(
            news_index,
            title="Appel à participation",
            date=date(2026, 10, 5),
            tags=["patrimoine", "appel à participation"],
        ),
        "jep": make_news(
            news_index,
            title="Journées du patrimoine",
            date=date(2026, 9, 8),
            tags=["patrimoine", "Rendez-vous"],
        ),
        "draft": make_news(
            news_index,
            title="Brouillon",
            date=date(2026, 11, 20),
            tags=["patrimoine"],
            publish=False,
        ),
    }


def test_index_lists_live_news_newest_first(client, news_index, news):
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert titles(response.context["news_items"]) == [
        "Le portail est en ligne",
        "Appel à participation",
        "Journées du patrimoine",
    ]
    html = response.content.decode()
    assert '<time datetime="2026-11-16">' in html
    assert "Brouillon" not in html


def test_index_lists_the_keywords_of_live_news_with_their_counts(client, news_index, news):
    response = client.get(news_index.url)
    tags = {tag.name: tag.news_count for tag in response.context["tags"]}
    # The draft's "patrimoine" is not counted; case does not change the order.
    assert tags == {
        "appel à participation": 1,
        "numérique": 1,
        "patrimoine": 2,
        "Rendez-vous": 1,
        "vie du réseau": 1,
    }
    assert list(tags)[:4] == ["appel à participation", "numérique", "patrimoine", "Rendez-vous"]


def test_index_filters_by_keyword(client, news_index, news):
    response = client.get(f"{news_index.url}?tag=patrimoine")
    assert response.status_code == 200
    assert titles(response.context["news_items"]) == [
        "Appel à participation",
        "Journées du patrimoine",
    ]
    assert response.context["active_tag"].name == "patrimoine"
    html = response.content.decode()
    assert f'href="{news_index.url}?tag=patrimoine" aria-current="page"' in html
    # The feeds in the head follow the keyword.
    assert f'href="{news_index.url}tags/patrimoine/rss/"' in html
    assert f'href="{news_index.url}tags/patrimoine/atom/"' in html


def test_an_unknown_keyword_says_so_and_lists_every_news_item(client, news_index, news):
    response = client.get(f"{news_index.url}?tag=inconnu")
    assert response.status_code == 200
    assert response.context["unknown_tag"] == "inconnu"
    assert response.context["active_tag"] is None
    assert len(response.context["news_items"]) == 3
    html = response.content.decode()
    assert "inconnu" in html
    assert 'role="status"' in html


def test_a_keyword_that_exists_only_elsewhere_is_unknown_here(client, home, news_index, news):
    other = make_news_index(make_standard(home), title="Archives", slug="archives")
    make_news(other, title="Ailleurs", tags=["ailleurs"])
    response = client.get(f"{news_index.url}?tag=ailleurs")
    assert response.context["unknown_tag"] == "ailleurs"
    assert "ailleurs" not in {tag.slug for tag in response.context["tags"]}


def make_standard(home):
    page = StandardPage(title="L'association", slug="association")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_index_paginates_and_keeps_the_keyword(client, news_index, monkeypatch):
    monkeypatch.setattr(NewsIndexPage, "per_page", 2)
    for n in range(5):
        make_news(
            news_index,
            title=f"Info {n}",
            date=date(2026, 1, 1) + timedelta(days=n),
            tags=["réseau"],
        )
    make_news(news_index, title="Sans mot-clé", date=date(2026, 2, 1))
    # Keyword slugs keep their accents.
    response = client.get(news_index.url, {"tag": "réseau", "page": "2"})
    assert titles(response.context["news_items"]) == ["Info 2", "Info 1"]
    assert 'href="?tag=r%C3%A9seau&amp;page=3"' in response.content.decode()
    # A page number out of range or malformed shows a page rather than an error.
    response = client.get(f"{news_index.url}?page=99")
    assert titles(response.context["news_items"]) == ["Info 1", "Info 0"]
    response = client.get(f"{news_index.url}?page=abc")
    assert titles(response.context["news_items"]) == ["Sans mot-clé", "Info 4"]


def alternate_links(html):
    """The feeds a page announces in its head: {type: href}."""
    head = html.split("</head>")[0]
    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">', head)
    return dict(links)


def test_index_links_its_feeds_in_the_head(client, news_index, news):
    links = alternate_links(client.get(news_index.url).content.decode())
    assert links == {
        "application/rss+xml": f"{news_index.url}rss/",
        "application/atom+xml": f"{news_index.url}atom/",
    }


def test_private_news_are_not_listed(client, news_index, news):
    PageViewRestriction.objects.create(
        page=news["jep"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(news_index.url)
    assert "Journées du patrimoine" not in titles(response.context["news_items"])


def test_news_page_shows_date_author_keywords_and_live_museums(client, directory, news_index):
    arras = make_museum(directory, title="Musée des Beaux-Arts d'Arras", city="Arras")
    draft = make_museum(directory, title="Musée en brouillon", publish=False)
    page = make_news(
        news_index,
        title="Reconstructions",
        date=date(2026, 10, 5),
        author="Claire Vasseur",
        intro="L'appel est ouvert.",
        tags=["patrimoine", "Appel"],
        museums=[arras, draft],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<time datetime="2026-10-05">' in html
    assert "Claire Vasseur" in html
    assert f'href="{news_index.url}?tag=patrimoine"' in html
    assert [m.title for m in response.context["museums"]] == ["Musée des Beaux-Arts d'Arras"]
    assert "Musée en brouillon" not in html
    assert '<meta property="og:type" content="article">' in html
    assert alternate_links(html) == {"application/rss+xml": f"{news_index.url}rss/"}


def test_news_page_json_ld_is_a_news_article(client, directory, news_index, make_image):
    arras = make_museum(directory, title="Musée des Beaux-Arts d'Arras", city="Arras")
    page = make_news(
        news_index,
        title="Reconstructions",
        date=date(2026, 10, 5),
        author="Claire Vasseur",
        intro="L'appel est ouvert.",
        image=make_image(),
        tags=["patrimoine"],
        museums=[arras],
    )
    [data] = json_ld(client.get(page.url).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Reconstructions"
    assert data["datePublished"].startswith("2026-10-05T")
    assert data["dateModified"] >= data["datePublished"]
    assert data["author"] == {"@type": "Person", "name": "Claire Vasseur"}
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Musenor"
    assert data["image"][0].startswith("http://testserver/")
    assert data["url"] == page.get_full_url()
    assert data["description"] == "L'appel est ouvert."
    assert data["keywords"] == ["patrimoine"]
    assert data["about"] == [
        {"@type": "Museum", "name": "Musée des Beaux-Arts d'Arras", "url": arras.get_full_url()}
    ]


def test_news_without_author_is_signed_by_the_association(client, news_index):
    page = make_news(news_index, title="Sans auteur")
    [data] = json_ld(client.get(page.url).content.decode())
    assert data["author"]["@type"] == "Organization"
    assert data["author"]["name"] == "Musenor"
    assert "image" not in data


def test_a_title_cannot_close_the_json_ld_script(client, news_index):
    page = make_news(news_index, title='Fin</script><script>alert("x")</script>')
    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    [data] = json_ld(html)
    assert data["headline"] == 'Fin</script><script>alert("x")</script>'


def test_published_at_is_midnight_when_the_date_is_not_the_day_of_publication(news_index):
    page = NewsPage.objects.get(pk=make_news(news_index, date=date(2026, 1, 5)).pk)
    assert timezone.localtime(page.published_at).date() == date(2026, 1, 5)
    assert timezone.localtime(page.published_at).hour == 0
    today = NewsPage.objects.get(pk=make_news(news_index).pk)
    assert today.published_at == today.first_published_at


class TestEditor(WagtailPageTestCase):
    def setUp(self):
        self.home, self.directory = make_site_tree()
        self.index = make_news_index(self.home)
        self.museum = make_museum(self.directory, title="Louvre-Lens", city="Lens")
        user = get_user_model().objects.create_superuser(
            email="staff@musenor.test", password="pw", first_name="A", last_name="B"
        )
        self.client.force_login(user)

    def test_publish_a_news_item_with_keywords_and_museums_through_the_admin(self):
        url = reverse("wagtailadmin_pages:add", args=["musenor_news", "newspage", self.index.pk])
        response = self.client.post(
            url,
            {
                "title": "Bourse au matériel",
                "slug": "bourse-au-materiel",
                "date": "2026-06-12",
                "author": "Claire Vasseur",
                "intro": "Empruntez le matériel de l'association.",
                "body-count": "0",
                "tags": "conservation préventive, entraide",
                "related_museums": [self.museum.pk],
                "action-publish": "publish",
            },
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        page = NewsPage.objects.get(slug="bourse-au-materiel")
        assert page.live
        assert page.date == date(2026, 6, 12)
        assert sorted(tag.name for tag in page.tags.all()) == [
            "conservation préventive",
            "entraide",
        ]
        assert list(page.related_museums.all()) == [self.museum]

    def test_the_editor_previews_unsaved_keywords_and_museums(self):
        page = make_news(self.index, title="Aperçu", tags=["patrimoine"])
        for target in (self.index, page):
            edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
            assert edit.status_code == 200
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
        response = self.client.post(
            url,
            {
                "title": "Aperçu modifié",
                "slug": "apercu",
                "date": "2026-06-12",
                "body-count": "0",
                "tags": "patrimoine, tout nouveau",
                "related_museums": [self.museum.pk],
            },
        )
        assert response.json() == {"is_valid": True, "is_available": True}
        html = self.client.get(url).content.decode()
        assert "Aperçu modifié" in html
        assert "tout nouveau" in html
        assert "Louvre-Lens" in html
        # Nothing was saved.
        page.refresh_from_db()
        assert page.title == "Aperçu"
        assert [tag.name for tag in page.tags.all()] == ["patrimoine"]


def test_a_news_item_translates_with_wagtail_localize(
    client, home, news_index, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from musenor.site.demo import translate_page

    page = make_news(
        news_index,
        title="Le portail est en ligne",
        intro="Un seul site pour les musées.",
        tags=["portail"],
    )
    english = Locale.objects.create(language_code="en")
    # Each translation is published before its children are translated, as in the demo.
    for source in (home, news_index, page):
        with django_capture_on_commit_callbacks(execute=True):
            translate_page(
                source,
                english,
                {"Le portail est en ligne": "The portal is online", "Actualités": "News"},
            )
    translated = NewsPage.objects.get(locale=english)
    assert translated.title == "The portal is online"
    assert translated.date == page.date
    response = client.get(translated.url)
    assert response.status_code == 200
    assert translated.url.startswith("/en/")
    assert '<html lang="en">' in response.content.decode()
    english_index = NewsIndexPage.objects.get(locale=english)
    assert titles(client.get(english_index.url).context["news_items"]) == ["The portal is online"]
