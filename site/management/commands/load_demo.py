"""Load the demo site: the home page, then every app's demo content through the hook.

Safe to run again: pages are found by slug and updated, nothing is duplicated.
The core apps and the enabled plugins add their content through the
``load_demo_data`` hook, each after the apps it needs (see
``musenor.plugins.manager.call_in_order``).
"""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Site

from musenor.pages.home.demo import home_page
from musenor.plugins.manager import call_in_order
from musenor.site import demo_translations

ADMIN_EMAIL = "admin@musenor.local"


class Command(BaseCommand):
    help = "Create or update the demo site: the network's museums and every app's content."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1972)

    def handle(self, *args, seed, **options):
        with transaction.atomic():
            for code in ("fr", "en", "nl"):
                Locale.objects.get_or_create(language_code=code)
            home = home_page(Locale.objects.get(language_code="fr"))
            site = self.site(home)
        # Before the apps' content: the forum's demo topics need an author.
        password = self.admin()
        call_in_order("load_demo_data", site=site, seed=seed, stdout=self.stdout)
        # Last: the English and Dutch trees mirror every page the apps made.
        demo_translations.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        if password:
            self.stdout.write(f"Admin: {ADMIN_EMAIL} / {password}")

    def site(self, home):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname = "localhost"
        site.port = 80
        site.root_page = home
        site.site_name = "Musenor"
        site.save()
        return site

    def admin(self):
        User = get_user_model()
        if User.objects.filter(email=ADMIN_EMAIL).exists():
            return None
        password = secrets.token_urlsafe(9)
        User.objects.create_superuser(
            email=ADMIN_EMAIL, password=password, first_name="Admin", last_name="Musenor"
        )
        Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
        return password
