"""Load the demo site: the network's 90 museums, a home page, translations.

Safe to run again: pages are found by slug and updated, nothing is duplicated.
Plugins add their own demo content through the ``load_demo_data`` hook.
"""

import csv
import secrets
from decimal import Decimal
from importlib import import_module
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from musenor.pages.home.models import HomePage
from musenor.pages.museums.models import MuseumIndexPage, MuseumPage, MuseumTheme
from musenor.pages.standard.models import StandardPage
from musenor.plugins.manager import get_manager
from musenor.site.demo import DEMO_MODULES, publish_child, translate_page

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
ADMIN_EMAIL = "admin@musenor.local"
ABOUT_INTRO = "Musenor est l'association des professionnels des musées des Hauts-de-France."

HOME = {
    "title": "Musenor",
    "hero_title": "Les musées des Hauts-de-France",
    "intro": (
        "Quatre-vingt-dix musées, de Dunkerque à Château-Thierry : trouvez le vôtre, "
        "suivez leurs expositions et découvrez leurs collections."
    ),
    "body": [
        ("heading", {"text": "Un réseau de professionnels", "level": "h2"}),
        (
            "text",
            "<p>Musenor rassemble depuis 1972 les professionnels des musées du Nord, du "
            "Pas-de-Calais, de la Somme, de l'Oise et de l'Aisne. Ensemble, ils montent des "
            "opérations communes, partagent leur matériel et leurs savoir-faire.</p>",
        ),
        (
            "call_to_action",
            {"text": "Trouver un musée", "page": None, "url": "", "description": ""},
        ),
    ],
}
TRANSLATIONS = {
    "en": {
        "Musenor": "Musenor",
        "Les musées des Hauts-de-France": "The museums of the Hauts-de-France",
        HOME["intro"]: (
            "Ninety museums from Dunkirk to Château-Thierry: find yours, follow their "
            "exhibitions and discover their collections."
        ),
        "Un réseau de professionnels": "A network of professionals",
        "Trouver un musée": "Find a museum",
        "Les musées": "The museums",
        "À propos": "About",
    },
    "nl": {
        "Musenor": "Musenor",
        "Les musées des Hauts-de-France": "De musea van Hauts-de-France",
        HOME["intro"]: (
            "Negentig musea van Duinkerke tot Château-Thierry: vind het uwe, volg hun "
            "tentoonstellingen en ontdek hun collecties."
        ),
        "Un réseau de professionnels": "Een netwerk van professionals",
        "Trouver un musée": "Een museum vinden",
        "Les musées": "De musea",
        "À propos": "Over ons",
    },
}

# One museum page in English as well: the translation workflow, shown on the demo.
MUSEUM_IN_ENGLISH = (
    "louvre-lens-lens",
    {
        "Louvre-Lens": "Louvre-Lens",
        "Un musée du réseau Musenor à Lens (Pas-de-Calais).": (
            "A museum of the Musenor network in Lens (Pas-de-Calais)."
        ),
        # Its opening hours come from the circuits' demo (pages/circuits/demo.py).
        "Fermé le 1er janvier, 1er mai et 25 décembre.": (
            "Closed on 1 January, 1 May and 25 December."
        ),
    },
)


def read_museums():
    with open(DATA_DIR / "museums.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Command(BaseCommand):
    help = "Create or update the demo site with the network's museums."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1972)
        parser.add_argument(
            "--no-translations", action="store_true", help="Skip the English and Dutch pages."
        )

    def handle(self, *args, seed, no_translations, **options):
        with transaction.atomic():
            locales = {
                code: Locale.objects.get_or_create(language_code=code)[0]
                for code in ("fr", "en", "nl")
            }
            home = self.home_page(locales["fr"])
            site = self.site(home)
            about = publish_child(
                home,
                StandardPage,
                "a-propos",
                title="À propos",
                show_in_menus=True,
                intro=ABOUT_INTRO,
            )
            directory = publish_child(
                home,
                MuseumIndexPage,
                "musees",
                title="Les musées",
                show_in_menus=True,
                intro="Les musées du réseau, par département, par thème ou par ville.",
            )
            self.link_call_to_action(home, directory)
            created, updated = self.museums(directory)
            self.stdout.write(f"Museums: {created} created, {updated} updated.")
            for module in DEMO_MODULES:
                import_module(module).load(home=home, seed=seed, stdout=self.stdout)
        if not no_translations:
            for code in ("en", "nl"):
                for page in (home, about, directory):
                    translate_page(page, locales[code], TRANSLATIONS[code])
            slug, strings = MUSEUM_IN_ENGLISH
            museum = MuseumPage.objects.child_of(directory).get(slug=slug)
            translate_page(museum, locales["en"], strings)
            self.stdout.write(
                "Translations: home, about and directory in English and Dutch; "
                f"{museum.title} in English."
            )
        get_manager().hook.load_demo_data(site=site, seed=seed, stdout=self.stdout)
        password = self.admin()
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        if password:
            self.stdout.write(f"Admin: {ADMIN_EMAIL} / {password}")

    # -- pages -----------------------------------------------------------

    def home_page(self, locale):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(locale=locale).first()
        fields = {key: HOME[key] for key in ("title", "hero_title", "intro")}
        if home is None:
            home = HomePage(slug="accueil", locale=locale, body=HOME["body"], **fields)
            root.add_child(instance=home)
        else:
            for key, value in fields.items():
                setattr(home, key, value)
        home.save_revision().publish()
        # Wagtail's welcome page is of no use once the home page exists.
        for page in root.get_children().exclude(pk=home.pk).filter(depth=2):
            if page.specific_class is Page:
                page.delete()
        return home

    def site(self, home):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname = "localhost"
        site.port = 80
        site.root_page = home
        site.site_name = "Musenor"
        site.save()
        return site

    def link_call_to_action(self, home, directory):
        body = []
        for block in home.body.raw_data:
            if block["type"] == "call_to_action" and not block["value"].get("page"):
                block["value"]["page"] = directory.pk
            body.append(block)
        home.body = body
        home.save_revision().publish()

    def museums(self, directory):
        themes = {}
        existing = {page.slug: page for page in MuseumPage.objects.child_of(directory)}
        created = updated = 0
        for row in read_museums():
            slug = slugify(f"{row['name']} {row['city']}")[:80]
            names = [t.strip() for t in row["themes"].split(";") if t.strip()]
            for name in names:
                if name not in themes:
                    themes[name] = MuseumTheme.objects.get_or_create(
                        slug=slugify(name), defaults={"name": name}
                    )[0]
            fields = {
                "title": row["name"],
                "city": row["city"],
                "department": row["department_code"].zfill(2),
                "latitude": Decimal(row["latitude"]),
                "longitude": Decimal(row["longitude"]),
                "summary": f"Un musée du réseau Musenor à {row['city']} ({row['department']}).",
            }
            page = existing.get(slug)
            if page is None:
                page = MuseumPage(slug=slug, **fields)
                directory.add_child(instance=page)
                created += 1
            else:
                changed = any(getattr(page, key) != value for key, value in fields.items())
                if not changed and set(page.themes.values_list("name", flat=True)) == set(names):
                    continue
                for key, value in fields.items():
                    setattr(page, key, value)
                updated += 1
            page.themes.set([themes[name] for name in names])
            page.save_revision().publish()
        return created, updated

    def admin(self):
        User = get_user_model()
        if User.objects.filter(email=ADMIN_EMAIL).exists():
            return None
        password = secrets.token_urlsafe(9)
        User.objects.create_superuser(
            email=ADMIN_EMAIL, password=password, first_name="Admin", last_name="Musenor"
        )
        (Path(DATA_DIR).parents[1] / "var").mkdir(exist_ok=True)
        return password
