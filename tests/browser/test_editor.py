"""The communication officer's day: compose an exhibition in the Wagtail editor, find it online.

Everything goes through the admin's real screens in French: the login form, the
page editor with its block picker, the publish menu. Only the starting point (a
site, a museum, the exhibition index, an account) is built in Python.
"""

import re
from datetime import date

import pytest

pytestmark = pytest.mark.browser

EMAIL = "communication@musenor.test"
PASSWORD = "un mot de passe de test"
TITLE = "Les couleurs de Lens"
HEADING = "Une couleur par salle"
TEXT = "Le Louvre-Lens consacre un focus aux couleurs de ses collections."


@pytest.fixture
def newsroom(home, directory):
    """The Louvre-Lens, the exhibition index and a member of staff who writes in French."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    from musenor.pages.exhibitions.factories import make_exhibition_index
    from musenor.pages.museums.factories import make_museum

    museum = make_museum(directory, title="Louvre-Lens", city="Lens", department="62")
    index = make_exhibition_index(home)
    user = get_user_model().objects.create_superuser(
        email=EMAIL, password=PASSWORD, first_name="Claire", last_name="Martin"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    return museum, index


def log_in(page, base_url):
    page.goto(base_url + "/admin/")
    # Not signed in: the admin sends to its login form, which speaks French.
    assert "/admin/login/" in page.url
    page.get_by_label("Adresse électronique").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    assert page.url.rstrip("/").endswith("/admin")


def insert_block(page, stream, name):
    """Open the last "+" of the stream and pick ``name`` in the block menu."""
    stream.get_by_role("button", name="Insérer un bloc").last.click()
    page.get_by_role("listbox").get_by_role("option", name=name, exact=True).click()


def test_compose_and_publish_an_exhibition(live_server, newsroom, page, artifacts_dir):
    from musenor.pages.exhibitions.models import ExhibitionPage

    museum, index = newsroom
    page.set_default_timeout(20_000)
    log_in(page, live_server.url)

    # From the exhibition index in the explorer, add a child page.
    page.goto(f"{live_server.url}/admin/pages/{index.pk}/")
    page.goto(f"{live_server.url}/admin/pages/add/musenor_exhibitions/exhibitionpage/{index.pk}/")
    assert page.locator("html").get_attribute("lang") == "fr"
    # The editor is in French, down to the project's own labels and help texts.
    assert page.get_by_text("Date de début").first.is_visible()
    assert page.get_by_text("Laissez vide pour une présentation permanente.").is_visible()

    page.get_by_role("textbox", name=re.compile(r"^Titre\b")).fill(TITLE)
    page.get_by_label("Date de début").fill("2026-01-10")
    page.keyboard.press("Escape")  # the date picker
    page.get_by_label("Date de fin").fill("2026-12-20")
    page.keyboard.press("Escape")
    page.get_by_role("combobox", name=re.compile(r"^Type\W*$")).select_option(label="Focus")
    # The museum chooser: one check box per museum, named with its town, and a
    # search box that narrows the list (accents ignored).
    chooser = page.locator("[data-museum-chooser]")
    chooser.get_by_role("searchbox").fill(museum.title[:5].lower())
    chooser.get_by_role("checkbox", name=f"{museum.title} ({museum.city})").check()

    # Two blocks in the body, through the block picker.
    stream = page.locator("[data-contentpath=body]")
    insert_block(page, stream, "Intertitre")
    stream.get_by_role("textbox", name=re.compile(r"^Intertitre")).fill(HEADING)
    insert_block(page, stream, "Texte")
    editor = stream.locator("[contenteditable=true]").last
    editor.click()
    page.keyboard.type(TEXT)
    editor.filter(has_text=TEXT).wait_for()

    # Wagtail 8 saves a new page as a draft by itself: publishing before that
    # draft exists would create the page twice. Wait until every edit is saved.
    page.locator(
        "form[data-edit-form][action*='/edit/'][data-w-unsaved-has-edits-value=false]"
    ).wait_for()
    page.screenshot(path=artifacts_dir / "editor-exhibition.png", full_page=True)

    page.get_by_role("button", name="Plus d'actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publier", exact=True).click()
    assert "a été publiée" in page.locator(".messages").inner_text()

    exhibition = ExhibitionPage.objects.get(title=TITLE)
    assert exhibition.live
    assert (exhibition.start_date, exhibition.end_date) == (date(2026, 1, 10), date(2026, 12, 20))
    assert exhibition.kind == "focus"
    assert list(exhibition.museums.all()) == [museum]
    assert [block.block_type for block in exhibition.body] == ["heading", "text"]

    # The public index lists it; its page shows the blocks composed in the editor.
    page.goto(live_server.url + index.url)
    link = page.get_by_role("link", name=TITLE)
    assert link.count() == 1
    page.screenshot(path=artifacts_dir / "editor-exhibition-index.png", full_page=True)
    with page.expect_navigation():
        link.click()
    assert page.locator("main h1").inner_text() == TITLE
    assert page.get_by_role("heading", level=2, name=HEADING).is_visible()
    assert TEXT in page.locator("main").inner_text()
    assert museum.title in page.locator("main").inner_text()
    page.screenshot(path=artifacts_dir / "editor-exhibition-page.png", full_page=True)


def test_the_checks_panel_flags_a_skipped_heading_level(live_server, newsroom, page, artifacts_dir):
    """axe-core runs in the editor with the portal's rules, and speaks French."""
    from musenor.pages.standard.models import StandardPage
    from musenor.site.demo import publish_child

    museum, _index = newsroom
    about = publish_child(
        museum.get_parent().get_parent().specific,
        StandardPage,
        "a-propos",
        title="À propos",
        # A level-3 heading straight under the page title: a level is skipped.
        body=[("heading", {"text": "Nos missions", "level": "h3"})],
    )
    page.set_default_timeout(20_000)
    log_in(page, live_server.url)

    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    page.get_by_role("button", name="Activer/désactiver les vérifications").click()
    issue = page.locator("[data-checks-panel] [data-content-checker-name]")
    # axe-core runs once the preview has loaded in the background.
    issue.first.wait_for(timeout=45_000)
    assert "Hiérarchie de titre incorrecte" in issue.all_inner_texts()
    page.screenshot(path=artifacts_dir / "editor-checks-panel.png")

    # On the published page, the userbar offers the same checker to the editor.
    page.goto(live_server.url + about.url)
    assert page.locator("wagtail-userbar #checker-trigger").count() == 1
