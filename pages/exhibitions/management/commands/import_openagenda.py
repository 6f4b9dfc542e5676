"""Import an OpenAgenda agenda's events as exhibition pages.

    manage.py import_openagenda --file events.json --index expositions
    manage.py import_openagenda --url "https://api.openagenda.com/v2/agendas/…/events?key=…" \\
        --index 42 --museum 17 --dry-run
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from musenor.pages.exhibitions.models import ExhibitionIndexPage
from musenor.pages.exhibitions.openagenda import (
    FetchError,
    MalformedFile,
    import_events,
    read_file,
    read_url,
)


class Command(BaseCommand):
    help = (
        "Create or update exhibition pages from OpenAgenda events (v2 JSON), keyed on the "
        "event's uid: running it again changes only what changed."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--file", help="A JSON file: one page of the API, or a list of events.")
        source.add_argument("--url", help="The events URL of an agenda; pages are followed.")
        parser.add_argument(
            "--index", required=True, help="The exhibition index page: its id or its slug."
        )
        parser.add_argument(
            "--museum",
            type=int,
            help="The id of the agenda's museum page, for events held outside any museum.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; save nothing."
        )

    def handle(self, *args, file, url, index, museum, dry_run, **options):
        index_page = self.index_page(index)
        museum_page = self.museum_page(museum) if museum else None
        try:
            if file:
                try:
                    with open(file, "rb") as handle:
                        events = read_file(handle, source=file)
                except OSError as error:
                    raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
            else:
                events = read_url(url)
        except (FetchError, MalformedFile) as error:
            raise CommandError(str(error)) from error
        report = import_events(events, index_page, default_museum=museum_page, dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(report.summary()))

    def index_page(self, value):
        pages = ExhibitionIndexPage.objects.all()
        page = pages.filter(pk=int(value)).first() if value.isdigit() else None
        if page is None:
            matches = list(pages.filter(slug=value)[:2])
            if len(matches) > 1:
                # Translations share the slug: the default language's index is the one.
                matches = list(pages.filter(slug=value, locale=Locale.get_default())[:2])
            if len(matches) > 1:
                raise CommandError(
                    f"Several exhibition indexes have the slug {value!r}: give the page id."
                )
            page = matches[0] if matches else None
        if page is None:
            raise CommandError(f"No exhibition index page has the id or slug {value!r}.")
        return page

    def museum_page(self, value):
        from musenor.pages.museums.models import MuseumPage

        page = MuseumPage.objects.filter(pk=value).first()
        if page is None:
            raise CommandError(f"No museum page has the id {value}.")
        return page
