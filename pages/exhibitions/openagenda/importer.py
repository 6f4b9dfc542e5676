"""Create, update or unpublish exhibition pages from mapped OpenAgenda events.

Keyed on the event's ``uid`` (``ExhibitionPage.openagenda_uid``): running the
same import again changes nothing. Each event is imported in its own
savepoint, so one bad event never stops the others; a dry run rolls the whole
import back and reports what would have happened.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import ExhibitionKind
from .mapping import MalformedEvent, map_event, normalize

logger = logging.getLogger(__name__)


class _DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


ACTION_LABELS = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "unpublished": gettext_lazy("unpublished"),
    "skipped": gettext_lazy("skipped"),
}


@dataclass
class Outcome:
    action: str  # a key of ACTION_LABELS
    uid: object
    title: str
    reason: str = ""
    page_id: int | None = None

    @property
    def label(self):
        return ACTION_LABELS[self.action]


@dataclass
class Report:
    dry_run: bool = False
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, action, uid, title, reason="", page=None):
        self.outcomes.append(
            Outcome(action, uid, title or "", reason, page.pk if page is not None else None)
        )

    def of(self, action):
        return [o for o in self.outcomes if o.action == action]

    @property
    def counts(self):
        return {action: len(self.of(action)) for action in ACTION_LABELS}

    def summary(self):
        counts = self.counts
        text = (
            _(
                "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
                "%(unpublished)s unpublished, %(skipped)s skipped."
            )
            % counts
        )
        if self.dry_run:
            text = _("Dry run, nothing saved: %(summary)s") % {"summary": text}
        return text

    def lines(self):
        """One line per event that did not simply go through unchanged."""
        for outcome in self.outcomes:
            if outcome.action == "unchanged":
                continue
            label = f"[{outcome.action}] {outcome.uid}"
            if outcome.title:
                label += f" “{outcome.title}”"
            if outcome.reason:
                label += f": {outcome.reason}"
            yield label


class Importer:
    def __init__(self, index, *, default_museum=None, dry_run=False, as_drafts=None):
        from musenor.pages.museums.models import MuseumPage

        from ..models import OpenAgendaSettings

        self.index = index
        # None: as the site's "OpenAgenda import" setting says.
        self.as_drafts = OpenAgendaSettings.review_for(index) if as_drafts is None else as_drafts
        self.default_museum = default_museum
        self.dry_run = dry_run
        self.report = Report(dry_run=dry_run)
        museums = MuseumPage.objects.live().filter(locale_id=index.locale_id)
        self.museums = {
            (normalize(title), normalize(city)): pk
            for pk, title, city in museums.values_list("pk", "title", "city")
        }

    # -- the run ---------------------------------------------------------

    def run(self, events):
        try:
            with transaction.atomic():
                for position, event in enumerate(events, start=1):
                    self.import_one(event, position)
                if self.dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return self.report

    def import_one(self, event, position):
        uid = event.get("uid") if isinstance(event, dict) else None
        uid = uid if uid not in (None, "") else _("event #%(n)s") % {"n": position}
        try:
            data = map_event(event)
        except MalformedEvent as error:
            self.report.add("skipped", uid, "", _("malformed: %(reason)s") % {"reason": error})
            return
        except Exception:  # noqa: BLE001 - one event's failure must not stop the others
            logger.exception("OpenAgenda event %s could not be read", uid)
            self.report.add("skipped", uid, "", _("malformed: the event could not be read."))
            return
        try:
            with transaction.atomic():
                self.apply(data)
        except MalformedEvent as error:
            self.report.add(
                "skipped", data.uid, data.title, _("malformed: %(reason)s") % {"reason": error}
            )
        except Exception as error:  # noqa: BLE001 - one event's failure must not stop the others
            logger.exception("OpenAgenda event %s could not be imported", data.uid)
            reason = _("error: %(error)s") % {"error": error}
            self.report.add("skipped", data.uid, data.title, reason)

    def apply(self, data):
        from musenor.pages.museums.models import MuseumPage

        from ..models import ExhibitionPage

        page = ExhibitionPage.objects.filter(openagenda_uid=data.uid).first()
        if data.cancelled:
            self.cancel(data, page)
            return
        museum_ids, venue = self.place(data)
        data.museum_ids = museum_ids
        checksum = data.checksum()
        # An editor may have unpublished the page on purpose: only a change of
        # the event brings it back.
        if page is not None and page.openagenda_checksum == checksum:
            self.report.add("unchanged", data.uid, data.title, page=page)
            return
        created = page is None
        if created:
            page = ExhibitionPage(
                slug=self.free_slug(data),
                locale_id=self.index.locale_id,
                kind=self.kind(data, museum_ids, venue),
                openagenda_uid=data.uid,
            )
        page.title = data.title
        page.summary = data.summary
        page.start_date = data.start_date
        page.end_date = data.end_date
        page.venue = venue
        page.body = [("text", data.body_html)] if data.body_html else []
        page.openagenda_updated_at = data.updated_at
        page.openagenda_checksum = checksum
        if created:
            # A draft to review is a page that has never been live.
            page.live = not self.as_drafts
            self.index.add_child(instance=page)
        page.museums.set(MuseumPage.objects.filter(pk__in=museum_ids))
        page.tags.set(data.tags)
        revision = page.save_revision()
        if self.as_drafts:
            # The live page keeps its content until an editor publishes the draft;
            # the checksum is the event's, so that the next import sees no change.
            type(page).objects.filter(pk=page.pk).update(
                openagenda_checksum=checksum, openagenda_updated_at=data.updated_at
            )
        else:
            revision.publish()
        action = "created" if created else "updated"
        notes = [] if data.online and not data.venue else [self.place_note(museum_ids, venue)]
        if self.as_drafts:
            notes.insert(0, _("draft to review"))
        self.report.add(action, data.uid, data.title, "; ".join(n for n in notes if n), page)

    def cancel(self, data, page):
        from ..models import ExhibitionPage

        if page is None:
            self.report.add("skipped", data.uid, data.title, _("cancelled"))
            return
        was_live = page.live
        if was_live:
            page.unpublish()
        # Forget the checksum (after unpublish(), which saves the page): if the
        # event is rescheduled unchanged, it comes back.
        ExhibitionPage.objects.filter(pk=page.pk).update(openagenda_checksum="")
        action = "unpublished" if was_live else "skipped"
        self.report.add(action, data.uid, data.title, _("cancelled"), page)

    def kind(self, data, museum_ids, venue):
        """The kind of a new page; editors may change it, later imports keep theirs."""
        if data.online:
            return ExhibitionKind.ONLINE
        if museum_ids and venue:  # held elsewhere by the agenda's museum
            return ExhibitionKind.OFF_SITE
        return ExhibitionKind.EXHIBITION

    # -- helpers ---------------------------------------------------------

    def place(self, data):
        """Museum ids and venue text: a matching museum, else the default one plus the venue."""
        key = (normalize(data.location_name), normalize(data.location_city))
        if key in self.museums:
            return [self.museums[key]], ""
        venue = data.venue or (_("Online") if data.online else "")
        if self.default_museum is not None:
            return [self.default_museum.pk], venue
        if not venue:
            raise MalformedEvent(_("the event has no location and no museum was given."))
        return [], venue

    def place_note(self, museum_ids, venue):
        if museum_ids and not venue:
            return ""
        if venue and not museum_ids:
            return _("no museum of the directory matches the location; venue: %(venue)s") % {
                "venue": venue
            }
        return _("venue: %(venue)s") % {"venue": venue}

    def free_slug(self, data):
        from wagtail.models import Page

        base = slugify(data.title)[:70] or "evenement"
        siblings = set(
            Page.objects.child_of(self.index)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        if base not in siblings:
            return base
        return f"{base}-{data.uid}"


def import_events(events, index, *, default_museum=None, dry_run=False, as_drafts=None):
    """Import ``events`` (decoded JSON) under ``index``; returns the :class:`Report`.

    ``as_drafts``: keep new and changed events as drafts for an editor to review
    and publish; by default, as the "OpenAgenda import" setting of the index's
    site says.
    """
    importer = Importer(index, default_museum=default_museum, dry_run=dry_run, as_drafts=as_drafts)
    return importer.run(events)
