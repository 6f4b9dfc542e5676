"""The table block: Wagtail's typed table, with a required caption and optional row headings.

Wagtail's typed table is unknown to wagtail-localize, which would copy its
text untranslated; :class:`TranslatableTypedTableBlock` hands it the
caption, the column headings and the text cells as segments.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTable, TypedTableBlock

from musenor.site.dates import long_date

CELL_FEATURES = ["bold", "italic", "link"]


class TranslatableTypedTableBlock(TypedTableBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=300)
    number = blocks.DecimalBlock(label=_("Number"), max_digits=14, decimal_places=4)
    rich_text = blocks.RichTextBlock(label=_("Text with links"), features=CELL_FEATURES)
    date = blocks.DateBlock(label=_("Date"))

    def get_translatable_segments(self, table):
        from wagtail_localize.segments import StringSegmentValue
        from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

        extractor = StreamFieldSegmentExtractor(field=None)
        segments = []
        if table.caption:
            segments.append(StringSegmentValue("caption", table.caption))
        for index, column in enumerate(table.columns):
            if column["heading"]:
                segments.append(StringSegmentValue(f"heading-{index}", column["heading"]))
        for row_index, row in enumerate(table.row_data):
            for index, (column, cell) in enumerate(zip(table.columns, row["values"], strict=False)):
                if cell in (None, ""):
                    continue
                segments.extend(
                    segment.wrap(f"cell-{row_index}-{index}")
                    for segment in extractor.handle_block(column["block"], cell)
                )
        return segments

    def restore_translated_segments(self, table, segments):
        from collections import defaultdict

        from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

        writer = StreamFieldSegmentsWriter(field=None, src_locale=None, tgt_locale=None)
        by_path = defaultdict(list)
        for segment in segments:
            name, inner = segment.unwrap()
            by_path[name].append(inner)
        caption = table.caption
        if by_path.get("caption"):
            caption = by_path["caption"][0].render_text()
        columns = [
            {
                "block": column["block"],
                "heading": by_path[f"heading-{index}"][0].render_text()
                if by_path.get(f"heading-{index}")
                else column["heading"],
            }
            for index, column in enumerate(table.columns)
        ]
        rows = []
        for row_index, row in enumerate(table.row_data):
            values = []
            for index, (column, cell) in enumerate(zip(table.columns, row["values"], strict=False)):
                cell_segments = by_path.get(f"cell-{row_index}-{index}")
                if cell_segments:
                    cell = writer.handle_block(column["block"], cell, cell_segments)
                values.append(cell)
            rows.append({"values": values})
        return TypedTable(columns=columns, row_data=rows, caption=caption)


def _table_preview():
    block = TranslatableTypedTableBlock()
    return {
        "table": block.to_python(
            {
                "caption": "Fréquentation des musées du réseau",
                "columns": [
                    {"type": "text", "heading": "Département"},
                    {"type": "number", "heading": "Musées"},
                    {"type": "number", "heading": "Visiteurs en 2024"},
                ],
                "rows": [
                    {"values": ["Nord", "38", "1250000"]},
                    {"values": ["Pas-de-Calais", "21", "870000"]},
                    {"values": ["Somme", "12", "310000"]},
                ],
            }
        ),
        "row_headers": True,
        "source": "Enquête Musenor, 2024",
    }


class TableBlock(blocks.StructBlock):
    table = TranslatableTypedTableBlock(
        label=_("Table"),
        help_text=_(
            "Add columns (text, number, text with links, date), give each a heading, then "
            "add rows. The caption says what the table shows and is required."
        ),
    )
    row_headers = blocks.BooleanBlock(
        label=_("The first column holds row headings"),
        required=False,
        default=False,
        help_text=_("Tick when each row is named by its first cell, e.g. a département."),
    )
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("Where the data comes from and when; shown under the table."),
    )

    class Meta:
        icon = "table"
        label = _("Table")
        group = _("Data")
        template = "musenor_streamfields/blocks/table.html"
        description = _("A table of data with a caption and column headings, readable on phones.")
        preview_value = staticmethod(_table_preview)

    def clean(self, value):
        value = super().clean(value)
        table = value.get("table")
        errors = []
        if table is None or not (table.caption or "").strip():
            errors.append(_("Give the table a caption: it says what the table shows."))
        if table is not None:
            if not table.columns or not table.row_data:
                errors.append(_("A table needs at least one column and one row."))
            if any(not (column["heading"] or "").strip() for column in table.columns):
                errors.append(_("Give every column a heading."))
            if value.get("row_headers") and table.columns:
                first = table.columns[0]["block"].name
                if first not in ("text", "rich_text", "date"):
                    errors.append(_("Row headings need a first column of text or dates."))
        if errors:
            raise blocks.StructBlockValidationError(block_errors={"table": ValidationError(errors)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        table = value.get("table")
        context["columns"] = []
        context["rows"] = []
        if table is not None:
            context["columns"] = [
                {"heading": column["heading"], "kind": column["block"].name}
                for column in table.columns
            ]
            context["rows"] = [[cell_context(cell) for cell in row] for row in table.rows]
        return context


def cell_context(cell):
    """What a cell's template needs: its kind, its text as the site's locale writes it."""
    kind, value = cell.block.name, cell.value
    if value in (None, ""):
        text = ""
    elif kind == "number":
        text = format_number(value)
    elif kind == "date":
        text = long_date(value)
    else:
        text = value
    return {"kind": kind, "text": text, "bound": cell}


def format_number(number):
    """A decimal as the active language writes it, grouped, without trailing zeros."""
    if number is None:
        return ""
    plain = format(Decimal(number).normalize(), "f")
    return formats.number_format(Decimal(plain), use_l10n=True, force_grouping=True)
