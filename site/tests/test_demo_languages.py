"""The demo in English and Dutch: every French page has its counterparts, one page of
every type is translated by hand. Slow: the demo is loaded once for this module."""

import re

import pytest
from django.test import Client
from wagtail.models import Locale, Page, get_page_models

# Loads the whole demo (minutes): left to the SQLite pass of CI, as the other
# whole-demo tests are; the routes it checks do not depend on the database.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def portal_page_types():
    return {
        model
        for model in get_page_models()
        if model._meta.app_label.startswith("musenor_") and not model._meta.abstract
    }


# Pages of each type (and each kind: alias or translation) fetched per language: a
# page type renders its pages with the same template and code, and fetching all
# of the demo's 660 counterparts took minutes.
PAGES_PER_KIND = 3


def test_every_french_page_answers_in_english_and_dutch_with_the_right_lang(demo_site):
    client = Client()
    locales = {code: Locale.objects.get(language_code=code) for code in ("en", "nl")}
    french = Page.objects.filter(locale__language_code="fr", depth__gt=1).live().specific()
    assert french.count() > 150
    problems = []
    fetched = {}
    for page in french:
        for code, locale in locales.items():
            counterpart = page.get_translation_or_none(locale)
            # Every French page has a live counterpart in each language…
            if counterpart is None or not counterpart.live:
                problems.append(f"{page.url}: no live {code} page")
                continue
            # …and a few of each type and kind are fetched.
            kind = (type(page), code, counterpart.alias_of_id is not None)
            if fetched.setdefault(kind, 0) >= PAGES_PER_KIND:
                continue
            fetched[kind] += 1
            response = client.get(counterpart.url)
            if response.status_code != 200:
                problems.append(f"{counterpart.url}: {response.status_code}")
                continue
            html = response.content.decode()
            main = re.search(r"<main [^>]*>", html).group(0)
            if f'<html lang="{code}">' not in html:
                problems.append(f"{counterpart.url}: not lang={code}")
            # An alias (not translated yet) says its text is French; a translation does not.
            if (counterpart.alias_of_id is not None) != ('lang="fr"' in main):
                problems.append(f"{counterpart.url}: {main} for alias_of={counterpart.alias_of_id}")
    assert not problems, "\n".join(problems)
    # Every page type of the demo was fetched in both languages.
    assert {model for model, _, _ in fetched} == {type(page) for page in french}
    assert {code for _, code, _ in fetched} == {"en", "nl"}


def test_one_page_of_every_type_is_translated_into_english_and_dutch(demo_site):
    for code in ("en", "nl"):
        translated = {
            type(page)
            for page in Page.objects.filter(
                locale__language_code=code, alias_of__isnull=True, depth__gt=1
            ).specific()
        }
        missing = sorted(model.__name__ for model in portal_page_types() - translated)
        assert not missing, f"no page translated into {code}: {missing}"


def test_a_hand_translation_reads_in_its_language(demo_site):
    client = Client()
    html = client.get("/nl/parcours/la-piscine-de-roubaix-avec-sa-classe/").content.decode()
    assert '<html lang="nl">' in html
    assert "La Piscine in Roubaix met de klas" in html
    assert "Het grote bad" in html
    quiz = client.get("/en/choisir-un-musee/quel-musee-pour-vous/").content.decode()
    assert "Which museum is right for you?" in quiz


def test_the_demo_has_the_home_page_and_a_museum_in_english(demo_site, client):
    from musenor.pages.museums.models import MuseumPage

    museum = MuseumPage.objects.get(locale__language_code="en", slug__startswith="louvre-lens")
    assert museum.live
    response = client.get(museum.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "A museum of the Musenor network" in html
    assert client.get("/en/").status_code == 200


def test_the_demo_translates_the_themes_and_the_school_subjects(demo_site):
    from musenor.pages.education.models import ShowcaseIndexPage
    from musenor.pages.museums.models import MuseumIndexPage

    client = Client()
    directory = MuseumIndexPage.objects.get(locale__language_code="en")
    html = client.get(directory.url).content.decode()
    assert '<option value="beaux-arts">fine arts</option>' in html
    assert "<li>fine arts</li>" in html
    showcases = ShowcaseIndexPage.objects.get(locale__language_code="nl")
    html = client.get(showcases.url).content.decode()
    assert '<option value="histoire-des-arts">Kunstgeschiedenis</option>' in html
