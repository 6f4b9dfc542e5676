"""Reading an inventory export: CSV or XLSX, streamed row by row.

``open_source(path)`` returns a :class:`Source` whose rows are dicts of Joconde
code to text, read lazily: the CSV through the ``csv`` module over a decoding
stream, the XLSX through openpyxl's read-only mode. Neither keeps more than a
row in memory, so a 300 MB export costs what a small one does.

The encoding of a CSV is detected from its first megabyte (UTF-8 with or
without BOM, else Windows-1252 when it has bytes 0x80-0x9F, else ISO-8859-1)
and can be given instead. A byte the encoding cannot decode further down the
file becomes U+FFFD, which the row check reports as mojibake: the row is
rejected with its line number, the rest of the file is read.
"""

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .fields import FIELD_CODES

__all__ = [
    "ENCODINGS",
    "FileError",
    "RawRow",
    "Source",
    "detect_delimiter",
    "detect_encoding",
    "open_source",
]

ENCODINGS = {"utf-8": "UTF-8", "iso8859-1": "ISO-8859-1", "cp1252": "Windows-1252"}
SAMPLE_SIZE = 1 << 20
# A cell of a CSV may hold a long text, never a book.
csv.field_size_limit(1 << 24)


class FileError(Exception):
    """The file cannot be read at all (not a row: the whole file); the message is for the user."""


@dataclass
class RawRow:
    """One row of the file: its line (CSV) or row (XLSX) number, its cells by code, or an error."""

    line: int
    values: dict[str, str]
    error: str = ""


def detect_encoding(sample: bytes) -> str:
    """Guess the encoding of a CSV's first bytes among UTF-8, Windows-1252 and ISO-8859-1."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8"
    try:
        # The sample may end in the middle of a multi-byte character.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # 0x80-0x9F are C1 control characters in ISO-8859-1, never in real text:
    # a file that has them was written by Windows (Excel's "CSV" export).
    if re.search(rb"[\x80-\x9f]", sample):
        return "windows-1252"
    return "iso-8859-1"


def detect_delimiter(header_line: str) -> str:
    """``;`` (POP's) or ``,``, whichever separates more cells of the header line."""
    return "," if header_line.count(",") > header_line.count(";") else ";"


def normalise_header(name) -> str:
    return str(name or "").strip().lstrip("\ufeff").strip()


@dataclass
class Source:
    """An opened file: its format, encoding, delimiter, header, and its rows (read once)."""

    path: Path
    format: str
    header: list[str]
    columns: dict[int, str]
    encoding: str = ""
    delimiter: str = ""
    ignored: list[str] = field(default_factory=list)
    _rows: Iterator[RawRow] | None = None
    _close: object = None

    def rows(self) -> Iterator[RawRow]:
        return self._rows

    def close(self):
        if self._close:
            self._close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _columns(header, mapping):
    """Column index → Joconde code, by the saved mapping first, then by the header itself.

    Returns the columns and the headers that map to nothing (ignored, reported).
    """
    mapping = {normalise_header(k).casefold(): v for k, v in (mapping or {}).items() if v}
    columns, ignored = {}, []
    for index, name in enumerate(header):
        code = mapping.get(name.casefold()) or name.upper()
        if code in FIELD_CODES and code not in columns.values():
            columns[index] = code
        elif name:
            ignored.append(name)
    return columns, ignored


def open_source(path, encoding=None, delimiter=None, mapping=None) -> Source:
    """Open a CSV or XLSX file for reading; raises :class:`FileError` if it cannot be read."""
    path = Path(path)
    with open(path, "rb") as handle:
        start = handle.read(8)
    if start.startswith(b"PK"):
        return _open_xlsx(path, mapping)
    return _open_csv(path, encoding, delimiter, mapping)


def _open_csv(path, encoding, delimiter, mapping):
    if encoding:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError as error:
            raise FileError(
                _("Unknown encoding: %(encoding)s.") % {"encoding": encoding}
            ) from error
    with open(path, "rb") as handle:
        sample = handle.read(SAMPLE_SIZE)
    if not sample.strip():
        raise FileError(_("The file is empty."))
    if b"\x00" in sample[:4096]:
        raise FileError(
            _("The file is not a CSV text file (it holds NUL bytes: UTF-16 or a binary file).")
        )
    encoding = encoding or detect_encoding(sample)
    python_encoding = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
    raw = open(path, "rb")  # noqa: SIM115 (closed by Source.close)
    text = io.TextIOWrapper(raw, encoding=python_encoding, errors="replace", newline="")
    header_line = text.readline()
    delimiter = delimiter or detect_delimiter(header_line)
    header = [normalise_header(h) for h in next(csv.reader([header_line], delimiter=delimiter))]
    columns, ignored = _columns(header, mapping)
    return Source(
        path=path,
        format="csv",
        header=header,
        columns=columns,
        encoding=ENCODINGS.get(codecs.lookup(encoding).name, encoding),
        delimiter=delimiter,
        ignored=ignored,
        _rows=_csv_rows(text, delimiter, header, columns),
        _close=text.close,
    )


def _csv_rows(text, delimiter, header, columns):
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    width = len(header)
    consumed = 0  # lines the reader has read; the header line came before them
    while True:
        line = consumed + 2
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            consumed = reader.line_num
            yield RawRow(line, {}, _("Unreadable row (%(error)s).") % {"error": error})
            continue
        consumed = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        values = {code: cells[i] for i, code in columns.items() if i < len(cells)}
        if len(cells) != width:
            yield RawRow(
                line,
                values,
                _("The row has %(cells)d cells where the header has %(width)d columns.")
                % {"cells": len(cells), "width": width},
            )
            continue
        yield RawRow(line, values)


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)


def _open_xlsx(path, mapping):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileError(
            _("The file is neither a CSV file nor a readable XLSX workbook (%(error)s).")
            % {"error": error}
        ) from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    try:
        header = [normalise_header(_cell_text(v)) for v in next(rows)]
    except StopIteration:
        workbook.close()
        raise FileError(_("The workbook's first sheet is empty.")) from None
    columns, ignored = _columns(header, mapping)

    def read():
        for number, cells in enumerate(rows, start=2):
            if not any(c not in (None, "") for c in cells):
                continue
            yield RawRow(
                number,
                {
                    code: _cell_text(cells[i]) if i < len(cells) else ""
                    for i, code in columns.items()
                },
            )

    return Source(
        path=path,
        format="xlsx",
        header=header,
        columns=columns,
        ignored=ignored,
        _rows=read(),
        _close=workbook.close,
    )
