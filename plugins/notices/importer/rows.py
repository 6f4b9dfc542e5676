"""Checking one row of a file: required values, mojibake, lengths; what it would set.

:func:`prepare` turns a :class:`~.reading.RawRow` into a :class:`Prepared` row
(the values it sets on a record, by field, and the written vocabulary values)
or into errors for the report. Nothing here touches the database.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from .fields import (
    LOSS_CODE,
    LOSS_VALUES,
    REQUIRED_VALUES,
    STATUS_CODE,
    TEXT_FIELDS,
    VOCABULARY_FIELDS,
)

__all__ = ["Prepared", "find_mojibake", "prepare", "split_status", "split_values"]

# What UTF-8 read as Latin-1 or Windows-1252 looks like ("Ã©", "Ã¨", "â€™", "Ã‰"),
# and the replacement character a wrong decoding leaves: POP refuses both.
MOJIBAKE = re.compile(
    r"[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]|â€|\ufffd"
)
URL = URLValidator()


def find_mojibake(text):
    match = MOJIBAKE.search(text)
    return match.group(0) if match else ""


def _repair(text):
    """The text as it was before UTF-8 was read as Windows-1252, when that round-trips."""
    for encoding in ("cp1252", "latin-1"):
        try:
            return text.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return ""


def split_values(text):
    """The values of a multi-valued cell: split on ``;``, spaces tidied, empties dropped."""
    return [v for v in (" ".join(part.split()) for part in text.split(";")) if v]


def split_status(text):
    """STAT: the legal status (first part) and the rest (acquisition mode, place, year)."""
    text = " ".join(text.split())
    for separator in (";", ","):
        if separator in text:
            head, rest = text.split(separator, 1)
            parts = [p.strip() for p in re.split(r"[;,]", rest)]
            return head.strip(), ", ".join(p for p in parts if p)
    return text, ""


@dataclass
class Prepared:
    line: int
    inventory: str
    ref: str
    values: dict[str, str]
    terms: dict[str, list[str]]
    status: str | None
    status_details: str | None
    loss: str | None
    images: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def prepare(raw, max_lengths, ref_length=11):
    """Check ``raw``; return ``(Prepared, [])`` or ``(None, errors)``.

    ``max_lengths`` maps a record field to its ``max_length`` (the text fields
    that have one): a longer value is refused rather than cut.
    """
    if raw.error:
        return None, [raw.error]
    values = raw.values
    errors, warnings = [], []
    for code in REQUIRED_VALUES:
        if code in values and not values[code].strip():
            errors.append(_("%(code)s is required and empty.") % {"code": code})
    for code, text in values.items():
        bad = find_mojibake(text)
        if bad:
            repaired = _repair(text)
            if repaired and not find_mojibake(repaired):
                errors.append(
                    _(
                        "%(code)s has garbled characters (“%(bad)s”): the file was probably "
                        "saved in one encoding and read in another; it probably reads “%(fixed)s”."
                    )
                    % {"code": code, "bad": bad, "fixed": repaired[:80]}
                )
            else:
                errors.append(
                    _("%(code)s has garbled characters (“%(bad)s”).") % {"code": code, "bad": bad}
                )
    if errors:
        return None, errors
    result = {}
    for code, name in TEXT_FIELDS.items():
        if code not in values:
            continue
        text = values[code].strip()
        if name in ("inventory_number", "ref", "museo"):
            text = " ".join(text.split())
        limit = max_lengths.get(name)
        if limit and len(text) > limit:
            errors.append(
                _("%(code)s is longer than %(limit)d characters.") % {"code": code, "limit": limit}
            )
        result[name] = text
    ref = result.get("ref", "")
    if ref:
        if len(ref) > ref_length or not ref.isalnum():
            errors.append(
                _("REF “%(ref)s” is not a reference of %(n)d letters or digits.")
                % {"ref": ref, "n": ref_length}
            )
        ref = result["ref"] = ref.zfill(ref_length)
    for code in ("WWW", "LVID"):
        name = TEXT_FIELDS[code]
        if result.get(name):
            try:
                URL(result[name])
            except ValidationError:
                warnings.append(
                    _("%(code)s “%(value)s” is not a web address; it is kept as written.")
                    % {"code": code, "value": result[name][:80]}
                )
    terms = {code: split_values(values[code]) for code in VOCABULARY_FIELDS if code in values}
    status = details = None
    if STATUS_CODE in values:
        status, details = split_status(values[STATUS_CODE])
        if len(details) > max_lengths.get("legal_status_details", 500):
            errors.append(_("STAT is too long."))
    loss = None
    if LOSS_CODE in values:
        written = values[LOSS_CODE].strip()
        loss = LOSS_VALUES.get(written.casefold().rstrip("."), None) if written else ""
        if loss is None:
            loss = "missing"
            warnings.append(
                _("MANQUANT “%(value)s” is not missing, stolen or destroyed: read as missing.")
                % {"value": written[:80]}
            )
    if errors:
        return None, errors
    from .photos import image_names

    return (
        Prepared(
            line=raw.line,
            inventory=result.get("inventory_number", ""),
            ref=ref,
            values=result,
            terms=terms,
            status=status,
            status_details=details,
            loss=loss,
            images=image_names(result.get("image_references", "")),
            warnings=warnings,
        ),
        [],
    )


def loose_inventory(text):
    """A key under which near-identical inventory numbers meet: ``Inv. 2004-1-3`` ~ ``2004.1.3``."""
    text = text.casefold()
    text = re.sub(r"^\s*(inv(entaire)?|n[°o])\.?\s*", "", text)
    parts = re.findall(r"[^\W_]+", text)
    return ".".join(p.lstrip("0") or "0" if p.isdigit() else p for p in parts)
