"""Who may import into which museum, and the report sent to the museum's contact."""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.utils.translation import gettext as _

from .report import OUTCOMES

__all__ = ["can_import", "check_can_import", "email_report", "find_museum", "museum_refs"]


def find_museum(value):
    """A museum of the directory by id or slug; ``LookupError`` with a message otherwise."""
    MuseumPage = apps.get_model("musenor_museums", "MuseumPage")
    value = str(value).strip()
    museum = None
    if value.isdigit():
        museum = MuseumPage.objects.filter(pk=int(value)).first()
    museum = museum or MuseumPage.objects.filter(slug=value).first()
    if museum is None:
        raise LookupError(
            _("No museum of the directory has the id or slug “%(value)s”.") % {"value": value}
        )
    return museum


def can_import(user, museum):
    """A museum's editors import into their museum only; association staff into any.

    Importing creates and changes records, so it needs both permissions of
    the records' policy, for that museum.
    """
    from ..permissions import museums_edited_by, record_permission_policy

    if user is None or not user.is_authenticated:
        return False
    if not record_permission_policy.user_has_any_permission(user, ["add"]):
        return False
    if not record_permission_policy.user_has_any_permission(user, ["change"]):
        return False
    return museums_edited_by(user).filter(pk=museum.pk).exists()


def check_can_import(user, museum):
    if not can_import(user, museum):
        raise PermissionDenied(
            _("You may not import records into %(museum)s.") % {"museum": museum.title}
        )


def museum_refs(limit=None):
    """The directory's museums for the generator, with the MUSEO code their records carry."""
    from ..generator import MuseumRef

    MuseumPage = apps.get_model("musenor_museums", "MuseumPage")
    Record = apps.get_model("musenor_notices", "Record")
    codes = dict(
        Record.objects.exclude(museo="").values_list("museum_id", "museo").order_by("museum_id")
    )
    museums = MuseumPage.objects.order_by("path").values_list("pk", "title")
    if limit:
        museums = museums[:limit]
    return [MuseumRef(name=title, museo=codes.get(pk, ""), pk=pk) for pk, title in museums]


def email_report(report, museum, file_name, to=None, sender=None):
    """E-mail what the museum must correct at the source to its contact; returns the count sent.

    The message gives the counts and every file-level problem; the rows to
    correct travel as a CSV attachment (``;``, UTF-8), which a spreadsheet opens.
    """
    to = to or ([museum.email] if getattr(museum, "email", "") else [])
    if not to:
        return 0
    summary = report.summary()
    counts = summary["counts"]
    lines = [
        _("Import of %(file)s into %(museum)s.") % {"file": file_name, "museum": museum.title},
        "",
    ]
    for key, label in OUTCOMES.items():
        lines.append(f"- {label}: {counts[key]}")
    lines.append(_("- rows with warnings: %(n)d") % {"n": counts["warnings"]})
    lines.append(_("- likely duplicates to merge: %(n)d") % {"n": counts["duplicates"]})
    if summary["file_messages"]:
        lines += ["", _("About the whole file:"), *(f"- {m}" for m in summary["file_messages"])]
    if summary["review_terms"]:
        lines += ["", _("Values kept as written, not in the reference tables:")]
        for code, labels in summary["review_terms"].items():
            lines.append(f"- {code}: {', '.join(labels[:50])}")
    lines += [
        "",
        _(
            "The attached file lists each row to correct in your inventory software before "
            "the next export, with its line number in the file."
        ),
    ]
    message = EmailMessage(
        subject=_("Import report: %(file)s") % {"file": file_name},
        body="\n".join(lines),
        from_email=sender or settings.DEFAULT_FROM_EMAIL,
        to=to,
    )
    message.attach(
        f"corrections-{file_name.rsplit('.', 1)[0]}.csv",
        report.corrections_csv().encode("utf-8-sig"),
        "text/csv",
    )
    return message.send()
