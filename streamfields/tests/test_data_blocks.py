"""Key figures, timeline and table blocks: rendering, validation, translation."""

import datetime
import re

import pytest
from django.utils import translation
from wagtail.blocks import StructBlockValidationError

from musenor.streamfields.blocks import KeyFiguresBlock, TableBlock, TimelineBlock

# --- Key figures --------------------------------------------------------------


def figures_raw(count, heading="Le réseau en chiffres"):
    return {
        "heading": heading,
        "figures": [
            {"number": str(1250 * (n + 1)), "unit": "", "label": f"chiffre {n}"}
            for n in range(count)
        ],
        "source": "Enquête Musenor, 2024",
    }


@pytest.mark.parametrize("count", [0, 1, 7])
def test_key_figures_refuse_fewer_than_two_or_more_than_six(count):
    block = KeyFiguresBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(figures_raw(count)))
    message = str(excinfo.value.block_errors["figures"].messages)
    assert "between 2 and 6" in message and f"there are {count}" in message


def test_key_figures_render_numbers_as_the_language_writes_them():
    block = KeyFiguresBlock()
    value = block.clean(
        block.to_python(
            {
                "heading": "",
                "figures": [
                    {"number": "1250", "unit": "", "label": "œuvres prêtées"},
                    {"number": "2.5", "unit": "millions", "label": "de visiteurs"},
                ],
                "source": "",
            }
        )
    )
    with translation.override("fr"):
        html = block.render(value)
    assert "<h2" not in html
    assert re.search(r'<span class="number">1[\xa0\u202f ]250</span>', html)
    assert '<span class="number">2,5</span> <span class="unit">millions</span>' in html
    assert '<span class="figure-label">de visiteurs</span>' in html
    with translation.override("en"):
        assert '<span class="number">1,250</span>' in block.render(value)


def test_key_figures_show_their_heading_and_source():
    block = KeyFiguresBlock()
    html = block.render(block.clean(block.to_python(figures_raw(3))))
    assert "<h2>Le réseau en chiffres</h2>" in html
    assert html.count("<li>") == 3
    assert "Enquête Musenor, 2024" in html


# --- Timeline ----------------------------------------------------------------


def event(title, date=None, year=None, text=""):
    return {"title": title, "date": date, "year": year, "text": text}


def test_timeline_renders_an_ordered_list_of_times():
    block = TimelineBlock()
    raw = {
        "heading": "Histoire du musée",
        "events": [
            event("Fondation de Bavay", year=-20),
            event("Création du musée", year=1801),
            event("Inauguration", date="1932-05-08", text="<p>En présence du ministre.</p>"),
        ],
    }
    with translation.override("fr"):
        html = block.render(block.clean(block.to_python(raw)))
    assert '<ol class="timeline">' in html
    assert '<time class="when" datetime="1801">1801</time>' in html
    assert '<time class="when" datetime="1932-05-08">8 mai 1932</time>' in html
    # HTML has no machine-readable form for years before the Common Era.
    assert '<span class="when">20' in html
    # Under the block's heading, event titles are level 3.
    assert '<h3 class="event-title">Inauguration</h3>' in html
    assert "En présence du ministre." in html


def test_timeline_without_heading_has_level_2_events():
    block = TimelineBlock()
    raw = {"heading": "", "events": [event("A", year=1900), event("B", year=1901)]}
    html = block.render(block.to_python(raw))
    assert '<h2 class="event-title">A</h2>' in html and "<h3" not in html


def test_timeline_events_need_a_date_or_a_year_not_both():
    block = TimelineBlock()
    for wrong in (event("Sans date"), event("Les deux", date="1900-01-01", year=1900)):
        raw = {"heading": "", "events": [event("A", year=1800), wrong]}
        with pytest.raises(StructBlockValidationError) as excinfo:
            block.clean(block.to_python(raw))
        assert "year" in excinfo.value.block_errors["events"].block_errors[1].block_errors


def test_timeline_events_must_be_in_time_order():
    block = TimelineBlock()
    raw = {
        "heading": "",
        "events": [
            event("Création", year=1801),
            event("Inauguration", date="1932-05-08"),
            event("Saisies", year=1795),
        ],
    }
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw))
    message = str(excinfo.value.block_errors["events"].messages)
    assert "event 3" in message and "Saisies" in message


def test_timeline_year_comes_before_the_dates_of_that_year():
    block = TimelineBlock()
    raw = {
        "heading": "",
        "events": [event("L'année", year=1932), event("Le jour", date="1932-05-08")],
    }
    value = block.clean(block.to_python(raw))
    assert [e["title"] for e in value["events"]] == ["L'année", "Le jour"]
    assert value["events"][1]["date"] == datetime.date(1932, 5, 8)


# --- Table --------------------------------------------------------------------


def table_raw(
    caption="Fréquentation", headings=("Département", "Musées"), row_headers=True, rows=None
):
    return {
        "table": {
            "caption": caption,
            "columns": [
                {"type": "text", "heading": headings[0]},
                {"type": "number", "heading": headings[1]},
            ],
            "rows": [
                {"values": values}
                for values in ([["Nord", "1250"], ["Somme", "12"]] if rows is None else rows)
            ],
        },
        "row_headers": row_headers,
        "source": "Enquête 2024",
    }


def test_table_renders_caption_headers_and_row_headers():
    block = TableBlock()
    with translation.override("en"):
        html = block.render(block.clean(block.to_python(table_raw())))
    assert "<caption>Fréquentation</caption>" in html
    assert '<th scope="col">Département</th>' in html
    assert '<th scope="col" class="numeric">Musées</th>' in html
    assert '<th scope="row">Nord</th><td class="numeric">1,250</td>' in html
    # A wide table scrolls on its own, reachable with the keyboard.
    assert 'role="region" aria-label="Fréquentation" tabindex="0"' in html
    assert "Enquête 2024" in html


def test_table_without_row_headers_has_data_cells_only():
    block = TableBlock()
    html = block.render(block.to_python(table_raw(row_headers=False)))
    assert 'scope="row"' not in html and "<td>Nord</td>" in html


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (table_raw(caption=""), "caption"),
        (table_raw(headings=("Département", "")), "heading"),
        (table_raw(rows=[]), "at least one column and one row"),
    ],
)
def test_table_validation(raw, message):
    block = TableBlock()
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw))
    assert message in str(excinfo.value.block_errors["table"].messages)


def test_table_row_headings_need_a_text_first_column():
    block = TableBlock()
    raw = table_raw()
    raw["table"]["columns"].reverse()
    raw["table"]["rows"] = [
        {"values": list(reversed(row["values"]))} for row in raw["table"]["rows"]
    ]
    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(block.to_python(raw))
    assert "Row headings" in str(excinfo.value.block_errors["table"].messages)


def test_table_hands_its_text_to_wagtail_localize():
    table_block = TableBlock().child_blocks["table"]
    table = table_block.to_python(table_raw()["table"])
    segments = table_block.get_translatable_segments(table)
    texts = {
        segment.path: segment.render_text()
        for segment in segments
        if hasattr(segment, "render_text")
    }
    assert texts == {
        "caption": "Fréquentation",
        "heading-0": "Département",
        "heading-1": "Musées",
        "cell-0-0": "Nord",
        "cell-1-0": "Somme",
    }
    english = {
        "Fréquentation": "Attendance",
        "Département": "Department",
        "Nord": "North",
    }
    from wagtail_localize.segments import StringSegmentValue

    translated = [
        StringSegmentValue.from_source_html(
            segment.path, english.get(segment.render_text(), segment.render_text())
        )
        if isinstance(segment, StringSegmentValue)
        else segment
        for segment in segments
    ]
    restored = table_block.restore_translated_segments(table, translated)
    assert restored.caption == "Attendance"
    assert [column["heading"] for column in restored.columns] == ["Department", "Musées"]
    assert [row["values"][0] for row in restored.row_data] == ["North", "Somme"]
    # Numbers are not text to translate: they stay as they are.
    assert [str(row["values"][1]) for row in restored.row_data] == ["1250", "12"]
