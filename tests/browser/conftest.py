"""Fixtures of the browser tests: Debian's Chromium driven by Playwright's sync API.

One browser is launched for the whole session; each test gets a fresh context
(cookies, JavaScript switch, viewport) and page. The pages are served by
pytest-django's ``live_server``, which needs committed data, hence
``transactional_db``: every test starts from an emptied database.

Serialized rollback cannot bring back what the migrations created (Wagtail's
root page, the default locale): once Playwright's event loop runs in the test
thread, Django hands out a new connection per async context, and that one
never carries the serialized contents. ``wagtail_roots`` recreates them instead.
"""

import json
import os
import shutil
from datetime import time
from decimal import Decimal
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django refuses
# ORM calls from a thread with a running loop unless told it is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS_DIR = REPO_ROOT / "test-artifacts"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 740}}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# The museums of the directory tests: title, city, département, themes, latitude, longitude.
MUSEUMS = [
    ("Palais des Beaux-Arts", "Lille", "59", ["Beaux-arts"], "50.63061", "3.06250"),
    ("Musée d'Histoire naturelle", "Lille", "59", ["Sciences"], "50.62660", "3.07000"),
    ("La Piscine", "Roubaix", "59", ["Beaux-arts", "Arts décoratifs"], "50.69060", "3.16480"),
    ("Musée de la Chartreuse", "Douai", "59", ["Beaux-arts", "Histoire"], "50.37330", "3.07470"),
    ("Forum antique de Bavay", "Bavay", "59", ["Archéologie"], "50.29860", "3.79360"),
    ("Musée des Beaux-Arts d'Arras", "Arras", "62", ["Beaux-arts"], "50.29140", "2.77500"),
    ("Louvre-Lens", "Lens", "62", ["Beaux-arts", "Archéologie"], "50.43000", "2.80400"),
    ("Musée de la Dentelle", "Calais", "62", ["Arts décoratifs"], "50.95360", "1.84650"),
    ("Musée de la Mine", "Lens", "62", ["Histoire", "Sciences"], "50.43250", "2.83300"),
    ("Musée de Picardie", "Amiens", "80", ["Beaux-arts", "Archéologie"], "49.89050", "2.29950"),
    ("Maison de Jules Verne", "Amiens", "80", ["Histoire"], "49.88560", "2.30410"),
    ("Historial de la Grande Guerre", "Péronne", "80", ["Histoire"], "49.93120", "2.93350"),
]


def _chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser(request):
    """One headless Chromium for the session, or a skip that says why there is none.

    Plugins' browser tests load these fixtures again from their own conftest
    (a second definition of this fixture): Playwright's sync API runs once per
    thread, so the first definition to start it shares its browser.
    """
    shared = getattr(request.config, "_musenor_chromium", None)
    if shared is not None:
        yield shared
        return
    executable = _chromium_path()
    if executable is None:
        pytest.skip(
            "Chromium is not installed (no `chromium` on PATH): "
            "install Debian's package with `apt-get install chromium` to run the browser tests"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed: `pip install -e .[test]`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        request.config._musenor_chromium = browser
        yield browser
        del request.config._musenor_chromium
        browser.close()


@pytest.fixture(autouse=True)
def _browser_first(browser):
    """Start (or skip for want of) the browser before any database is set up."""


@pytest.fixture
def new_page(browser):
    """Open pages in fresh contexts: ``new_page(javascript=False, viewport="mobile")``.

    Uncaught JavaScript errors fail the test that opened the page.
    """
    contexts = []
    errors = []

    def open_page(*, javascript=True, viewport="desktop"):
        context = browser.new_context(
            java_script_enabled=javascript, viewport=VIEWPORTS[viewport], locale="fr-FR"
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.javascript_enabled = javascript  # read by check_accessibility
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not errors, "JavaScript errors in the page:\n" + "\n".join(errors)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def site_tree(wagtail_roots):
    from musenor.pages.museums.factories import make_site_tree

    home, directory = make_site_tree()
    home.intro = "Le réseau des professionnels des musées des Hauts-de-France."
    home.save_revision().publish()
    return home, directory


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def directory(site_tree):
    return site_tree[1]


@pytest.fixture
def museums(directory):
    """Twelve published museums in three départements, with themes; keyed by title."""
    from musenor.pages.museums.factories import make_museum

    created = {}
    for title, city, department, themes, latitude, longitude in MUSEUMS:
        created[title] = make_museum(
            directory,
            title=title,
            city=city,
            department=department,
            themes=themes,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            summary=f"Un musée de {city}.",
        )
    return created


@pytest.fixture
def museum(directory):
    """One museum with everything its page shows: hours, address, accessibility, contact."""
    from musenor.pages.museums.factories import make_museum
    from musenor.pages.museums.models import OpeningHours

    page = make_museum(
        directory,
        title="Musée de l'Hospice Comtesse",
        city="Lille",
        department="59",
        postcode="59800",
        latitude=Decimal("50.64000"),
        longitude=Decimal("3.06400"),
        address="32 rue de la Monnaie",
        themes=["Histoire", "Arts décoratifs"],
        summary="Un ancien hôpital du XIIIe siècle au cœur du Vieux-Lille.",
        musee_de_france=True,
        opening_hours_note="Fermé le 1er janvier, le 1er mai et le 25 décembre.",
        wheelchair_access=True,
        hearing_impairment=True,
        website="https://example.org/hospice-comtesse",
        phone="03 28 36 84 00",
        email="hospice@example.org",
        publish=False,
    )
    for weekday in (0, 2, 3, 4, 5, 6):
        page.opening_hours.add(OpeningHours(weekday=weekday, opens=time(10), closes=time(18)))
    page.opening_hours.add(OpeningHours(weekday=5, opens=time(19), closes=time(21)))
    page.save_revision().publish()
    return page


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_SCRIPT.exists():
        pytest.skip(
            f"axe-core is missing ({AXE_SCRIPT.relative_to(REPO_ROOT)}): "
            "run `npm install` at the root of the repository"
        )
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture
def check_accessibility(axe_source):
    """Run axe-core on the page as it is and fail with every violation it reports."""

    def check(page, label=""):
        # axe-core waits on timers, which never fire where JavaScript is off.
        if not getattr(page, "javascript_enabled", True):
            pytest.fail("axe-core cannot run in a page opened with javascript=False")
        # Evaluated through the DevTools protocol, not added as an inline <script>
        # element: the site's Content-Security-Policy refuses inline scripts.
        page.evaluate(axe_source)
        results = page.evaluate(
            """async (tags) => await axe.run(document, {
                runOnly: {type: "tag", values: tags},
                resultTypes: ["violations"],
            })""",
            AXE_TAGS,
        )
        violations = results["violations"]
        report = [
            f"{v['id']} ({v['impact']}): {v['help']}\n  {v['helpUrl']}\n"
            + "\n".join(
                f"  - {json.dumps(node['target'])}: {node['failureSummary']}" for node in v["nodes"]
            )
            for v in violations
        ]
        where = f"{page.url} ({label})" if label else page.url
        assert not violations, f"axe-core violations on {where}:\n" + "\n".join(report)
        return results

    return check


@pytest.fixture(scope="session")
def artifacts_dir():
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


# --- Members (musenor.site.members): accounts that sign in on the public site -------

MEMBER_PASSWORD = "un mot de passe de membre 2026"


@pytest.fixture
def working_groups(wagtail_roots):
    """The association's five working groups (site/data/groups.csv), keyed by slug."""
    from musenor.site.accounts.models import WorkingGroup

    WorkingGroup.objects.load_defaults()
    return {group.slug: group for group in WorkingGroup.objects.all()}


@pytest.fixture
def accept_invitation(live_server):
    """Open the link of an invitation mail in ``page`` and choose the password.

    ``accept_invitation(page, message)`` lands on the members' dashboard, signed
    in, and returns the new account.
    """
    import re

    from django.contrib.auth import get_user_model

    def accept(page, message, password=MEMBER_PASSWORD):
        link = re.search(r"https?://\S+/membres/invitation/\S+/", message.body).group(0)
        page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))
        page.locator("input[name=new_password1]").fill(password)
        page.locator("input[name=new_password2]").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/membres/$"))
        return get_user_model().objects.get(email=message.to[0])

    return accept


@pytest.fixture
def member_page(site_tree, working_groups, new_page, accept_invitation):
    """A member invited and signed in through the browser: ``member_page(groups=[...])``.

    The invitation is made as staff's would be (``membership.invite``), its mail
    read from Django's outbox; the page is signed in, on the dashboard.
    Keyword arguments: ``email``, ``first_name``, ``last_name``, ``groups``
    (working group slugs), ``password``.
    """
    from django.core import mail

    from musenor.site.members import membership
    from musenor.site.members.models import Invitation

    def sign_in(
        *,
        email="camille.durand@musenor.test",
        first_name="Camille",
        last_name="Durand",
        groups=(),
        password=MEMBER_PASSWORD,
    ):
        invitation = Invitation(email=email, first_name=first_name, last_name=last_name)
        sent = len(mail.outbox)
        membership.invite(invitation)
        invitation.working_groups.set([working_groups[slug] for slug in groups])
        [message] = [m for m in mail.outbox[sent:] if m.to == [email]]
        page = new_page()
        return page, accept_invitation(page, message, password)

    return sign_in
