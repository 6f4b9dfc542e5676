"""The import with real files: a Latin-1 ';' CSV with broken rows, a ZIP of photographs, XLSX."""

import io
import zipfile

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import ModelLogEntry, Revision

from musenor.plugins.notices.factories import make_record
from musenor.plugins.notices.generator import (
    GeneratorOptions,
    MuseumRef,
    generate_records,
    jpeg_bytes,
    write_csv,
    write_xlsx,
)
from musenor.plugins.notices.importer import ImportOptions, Report, open_source, run_import
from musenor.plugins.notices.importer.access import can_import, email_report
from musenor.plugins.notices.models import LegalStatus, Record, RecordImage, Technique, TermStatus

pytestmark = pytest.mark.django_db

GOOD = {"D.2001.1", "D.2001.2", "D.2001.3", "D.2001.6", "D.2001.8"}


@pytest.fixture(autouse=True)
def _english():
    """Messages are read in English here; one test reads them in French, the admin's language."""
    with translation.override("en"):
        yield


def outcomes(report):
    return {(e.line, e.inventory): e.outcome for e in report.entries}


def by_line(report):
    return {e.line: e for e in report.entries}


@pytest.fixture
def photos(tmp_path):
    """The ZIP beside the Douai file: D2001-2.jpg is not an image, absente.jpg is missing."""
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("export/D2001-1.jpg", jpeg_bytes(1))
        archive.writestr("D2001-2.jpg", b"not an image at all")
        archive.writestr("D2001-6.JPG", jpeg_bytes(6))
        archive.writestr("D2001-8.jpg", jpeg_bytes(8))
    return path


def test_the_latin1_file_is_read_with_its_encoding_and_separator(data_file):
    with open_source(data_file("douai-latin1.csv")) as source:
        rows = list(source.rows())
        assert source.encoding == "ISO-8859-1"
        assert source.delimiter == ";"
    assert rows[0].values["TITR"] == "Vue de Douai"
    assert rows[1].values["TITR"] == "Étude de mains"
    assert rows[0].values["STAT"] == "propriété de la commune ; don ; 1921"


def test_the_dry_run_reports_every_row_and_writes_nothing(museum, data_file):
    report = run_import(museum, data_file("douai-latin1.csv"), ImportOptions(dry_run=True))
    lines = by_line(report)
    assert report.counts["created"] == 5
    assert report.counts["rejected"] == 5
    assert {e.inventory for e in report.entries if e.outcome == "created"} == GOOD
    assert "DOMN is required" in lines[5].errors[0]
    assert "cells where the header has 9 columns" in lines[7].errors[0]
    assert "garbled" in lines[9].errors[0] and "étude de ciel" in lines[9].errors[0]
    assert "Line 2 already gives" in lines[10].errors[0]
    assert "Unreadable row" in lines[11].errors[0]
    assert Record.objects.count() == 0
    assert not Technique.objects.filter(label="faïence fine à décor bleu").exists()
    assert "TECH" in report.summary()["review_terms"]


def test_the_import_then_the_same_file_again_changes_nothing(museum, data_file, photos):
    path = data_file("douai-latin1.csv")
    first = run_import(museum, path, ImportOptions(photos=photos))
    assert first.counts["created"] == 5
    assert set(Record.objects.values_list("inventory_number", flat=True)) == GOOD
    counts = (Revision.objects.count(), ModelLogEntry.objects.count(), RecordImage.objects.count())

    again = run_import(museum, path, ImportOptions(photos=photos))
    assert again.counts["created"] == 0
    assert again.counts["updated"] == 0
    assert again.counts["unchanged"] == 5
    assert Record.objects.count() == 5
    assert (
        Revision.objects.count(),
        ModelLogEntry.objects.count(),
        RecordImage.objects.count(),
    ) == counts


def test_records_carry_their_fields_vocabularies_history_and_search(
    museum, data_file, django_capture_on_commit_callbacks
):
    # The index is written once the batch is committed.
    with django_capture_on_commit_callbacks(execute=True):
        run_import(museum, data_file("douai-latin1.csv"), ImportOptions())
    record = Record.objects.get(inventory_number="D.2001.1")
    assert record.title == "Vue de Douai"
    assert record.description == "Signé en bas à droite."
    # "Huile sur toile." is the seeded "huile sur toile"; STAT is split.
    assert [t.label for t in record.techniques.all()] == ["huile sur toile"]
    assert record.legal_status.label == "propriété de la commune"
    assert record.legal_status_details == "don, 1921"
    assert record.live and not record.cleared_for_publication
    assert record.slug == "d-2001-1"
    # The history staff see in the admin: a published revision, created then published.
    assert record.latest_revision_id == record.live_revision_id
    assert record.latest_revision.as_object().title == "Vue de Douai"
    actions = set(
        ModelLogEntry.objects.filter(object_id=str(record.pk)).values_list("action", flat=True)
    )
    assert actions == {"wagtail.create", "wagtail.publish"}
    from wagtail.search.backends import get_search_backend

    found = get_search_backend().search("Douai", Record.objects.all())
    assert record in list(found)


def test_an_unknown_value_is_kept_as_written_and_listed_for_review(museum, data_file):
    report = run_import(museum, data_file("douai-latin1.csv"), ImportOptions())
    term = Technique.objects.get(label="faïence fine à décor bleu")
    assert term.status == TermStatus.TO_REVIEW
    record = Record.objects.get(inventory_number="D.2001.6")
    assert term in record.techniques.all()
    assert record.needs_review
    assert "faïence fine à décor bleu" in report.summary()["review_terms"]["TECH"]
    assert Record.objects.get(inventory_number="D.2001.3").needs_review is False


def test_photographs_come_from_the_zip_and_bad_ones_are_reported(museum, data_file, photos):
    report = run_import(museum, data_file("douai-latin1.csv"), ImportOptions(photos=photos))
    lines = by_line(report)
    first = Record.objects.get(inventory_number="D.2001.1")
    assert first.has_image
    image = first.images.get()
    assert image.is_primary and image.file_reference == "D2001-1.jpg"
    assert first.primary_image_id == image.image_id
    assert image.image.width == 64
    # Matched whatever the case of the name in the ZIP.
    assert Record.objects.get(inventory_number="D.2001.6").has_image
    assert "Photograph absente.jpg is not in the archive." in lines[6].warnings
    assert not Record.objects.get(inventory_number="D.2001.2").has_image
    assert any("D2001-2.jpg" in w for w in lines[3].warnings)


def test_a_changed_row_updates_the_record_with_a_new_revision(museum, tmp_path, data_file):
    path = data_file("douai-latin1.csv")
    run_import(museum, path, ImportOptions())
    record = Record.objects.get(inventory_number="D.2001.3")
    revisions = Revision.objects.filter(object_id=str(record.pk)).count()
    changed = path.read_bytes().replace(b"T\xeate de faune", b"T\xeate de satyre")
    path.write_bytes(changed)

    report = run_import(museum, path, ImportOptions())
    assert report.counts["updated"] == 1
    entry = next(e for e in report.entries if e.outcome == "updated")
    assert entry.changes == ["TITR"]
    record.refresh_from_db()
    assert record.title == "Tête de satyre"
    assert Revision.objects.filter(object_id=str(record.pk)).count() == revisions + 1
    assert record.latest_revision.as_object().title == "Tête de satyre"
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), action="wagtail.edit").exists()


def test_ref_matches_a_record_whose_inventory_number_changed(museum, tmp_path):
    record = make_record(museum, inventory_number="A.1", ref="00000012345")
    path = tmp_path / "ref.csv"
    path.write_text(
        "REF;INV;DOMN;STAT;TITR\n12345;A.1 bis;peinture;propriété de la commune;Renuméroté\n",
        encoding="utf-8",
    )
    report = run_import(museum, path, ImportOptions())
    assert report.counts["updated"] == 1
    record.refresh_from_db()
    assert record.inventory_number == "A.1 bis"
    assert Record.objects.count() == 1


def test_a_ref_of_another_museum_is_refused(museums, tmp_path):
    make_record(museums[1], inventory_number="B.1", ref="00000000777")
    path = tmp_path / "ref.csv"
    path.write_text("REF;INV;DOMN;STAT\n777;B.1;peinture;propriété de la commune\n")
    report = run_import(museums[0], path, ImportOptions())
    assert report.counts["rejected"] == 1
    assert "another museum" in report.entries[0].errors[0]


def test_likely_duplicates_are_listed_and_flagged(museum, tmp_path):
    existing = make_record(museum, inventory_number="2004.1.3")
    path = tmp_path / "dup.csv"
    path.write_text(
        "INV;DOMN;STAT;TITR\nInv. 2004-1-3;peinture;propriété de la commune;Le même\n"
        "2004.1.4;peinture;propriété de la commune;Un autre\n"
    )
    report = run_import(museum, path, ImportOptions())
    assert report.counts["created"] == 2
    assert report.summary()["duplicates"] == [
        {
            "line": 2,
            "inventory": "Inv. 2004-1-3",
            "record": existing.pk,
            "other_inventory": "2004.1.3",
            "reason": "near-identical inventory number",
        }
    ]
    twin = Record.objects.get(inventory_number="Inv. 2004-1-3")
    assert twin.needs_review and "2004.1.3" in twin.review_note
    assert not Record.objects.get(inventory_number="2004.1.4").needs_review


def test_missing_required_columns_import_nothing(museum, tmp_path):
    path = tmp_path / "cols.csv"
    path.write_text("INV;TITR\nX.1;Sans domaine ni statut\n")
    report = run_import(museum, path, ImportOptions())
    assert "DOMN, STAT" in report.file_messages[0]
    assert Record.objects.count() == 0


def test_a_saved_mapping_reads_the_museums_own_headers(museum, tmp_path):
    path = tmp_path / "mapped.csv"
    path.write_text(
        "Numéro d'inventaire,Domaine,Statut,Titre,Colonne libre\n"
        "M.1,dessin,propriété de la commune,Croquis,x\n",
        encoding="utf-8",
    )
    mapping = {"Numéro d'inventaire": "INV", "Domaine": "DOMN", "Statut": "STAT", "Titre": "TITR"}
    report = run_import(museum, path, ImportOptions(mapping=mapping))
    assert report.counts["created"] == 1
    assert "Colonne libre" in report.file_messages[0]
    assert Record.objects.get().title == "Croquis"


def test_windows_1252_with_commas_is_detected(museum, tmp_path):
    rows = [
        {
            "INV": "W.1",
            "DOMN": "peinture",
            "STAT": "propriété de la commune",
            "TITR": "Cœur et œuvre",
        }
    ]
    path = tmp_path / "excel.csv"
    write_csv(
        path, rows, delimiter=",", encoding="windows-1252", fields=["INV", "DOMN", "STAT", "TITR"]
    )
    with open_source(path) as source:
        assert (source.encoding, source.delimiter) == ("Windows-1252", ",")
    run_import(museum, path, ImportOptions())
    assert Record.objects.get().title == "Cœur et œuvre"


def test_a_wrong_encoding_given_by_hand_gives_mojibake_rows_not_garbage(museum, tmp_path):
    path = tmp_path / "utf8.csv"
    path.write_text("INV;DOMN;STAT;TITR\nU.1;céramique;propriété de la commune;Pot\n")
    report = run_import(museum, path, ImportOptions(encoding="iso-8859-1"))
    assert report.counts["rejected"] == 1
    assert "céramique" in report.entries[0].errors[0]  # the reading it probably had
    assert Record.objects.count() == 0


def test_xlsx_is_read(museum, tmp_path):
    ref = MuseumRef(name=museum.title, pk=museum.pk)
    clean = GeneratorOptions(variants=0, mojibake=0, missing=0, unknown=0)
    path = tmp_path / "export.xlsx"
    write_xlsx(path, generate_records(40, [ref], seed=3, options=clean))
    report = run_import(museum, path, ImportOptions(batch_size=15))
    assert report.counts["created"] == 40
    assert report.counts["rejected"] == 0
    assert Record.objects.filter(museum=museum).count() == 40


def test_an_interrupted_import_run_again_finishes_without_duplicates(museum, tmp_path):
    ref = MuseumRef(name=museum.title, pk=museum.pk)
    path = tmp_path / "big.csv"
    write_csv(path, generate_records(120, [ref], seed=5))

    class Interrupted(Exception):
        pass

    def stop_after_two_batches(rows, position):
        if rows >= 50:
            raise Interrupted

    with pytest.raises(Interrupted):
        run_import(museum, path, ImportOptions(batch_size=25), progress=stop_after_two_batches)
    partial = Record.objects.count()
    assert 0 < partial < 120
    report = run_import(museum, path, ImportOptions(batch_size=25))
    total = Record.objects.count()
    assert report.counts["unchanged"] == partial
    assert report.counts["created"] == total - partial
    assert total == report.counts["created"] + report.counts["unchanged"]
    assert Record.objects.values("inventory_number").distinct().count() == total


def test_the_generator_is_seeded():
    museums = [MuseumRef("Musée A", pk=1), MuseumRef("Musée B", pk=2)]
    assert list(generate_records(30, museums, seed=7)) == list(generate_records(30, museums, 7))
    assert list(generate_records(30, museums, seed=7)) != list(generate_records(30, museums, 8))


def test_an_editor_imports_into_their_own_museum_only(museums, editors, staff_user, tmp_path):
    assert can_import(editors[0], museums[0])
    assert not can_import(editors[0], museums[1])
    assert can_import(staff_user, museums[1])
    path = tmp_path / "one.csv"
    path.write_text("INV;DOMN;STAT\nE.1;peinture;propriété de la commune\n")
    with pytest.raises(CommandError, match="may not import"):
        call_command(
            "import_notices",
            str(path),
            museum=str(museums[1].pk),
            user=editors[0].email,
            verbosity=0,
        )
    assert Record.objects.count() == 0
    out = io.StringIO()
    call_command(
        "import_notices",
        str(path),
        museum=museums[0].slug,
        user=editors[0].email,
        stdout=out,
        verbosity=0,
    )
    record = Record.objects.get()
    assert record.museum_id == museums[0].pk
    assert ModelLogEntry.objects.filter(object_id=str(record.pk), user=editors[0]).count() == 2


def test_the_command_prints_the_dry_run_and_writes_the_corrections(museum, data_file, tmp_path):
    out = io.StringIO()
    corrections = tmp_path / "corrections.csv"
    call_command(
        "import_notices",
        str(data_file("douai-latin1.csv")),
        museum=str(museum.pk),
        dry_run=True,
        report=str(corrections),
        stdout=out,
        verbosity=0,
    )
    text = out.getvalue()
    assert "line 5 [D.2001.4]" in text
    assert "DOMN is required and empty." in text
    assert Record.objects.count() == 0
    rows = corrections.read_text(encoding="utf-8-sig").splitlines()
    # The five rejected rows and the row whose technique is kept as written, with their lines.
    assert sorted(int(row.split(";")[0]) for row in rows if row[:1].isdigit()) == [
        5,
        6,
        7,
        9,
        10,
        11,
    ]
    assert any(row.startswith("5;D.2001.4;") for row in rows)


def test_the_report_is_emailed_to_the_museums_contact(museum, data_file):
    museum.email = "contact@musee-douai.test"
    museum.save()
    report = run_import(museum, data_file("douai-latin1.csv"), ImportOptions(), report=Report())
    assert email_report(report, museum, "douai-latin1.csv") == 1
    message = mail.outbox[0]
    assert message.to == ["contact@musee-douai.test"]
    assert "douai-latin1.csv" in message.subject
    assert "- rejected: 5" in message.body or "rejet" in message.body
    name, content, mimetype = message.attachments[0]
    assert mimetype == "text/csv"
    assert "D.2001.4" in content


def test_a_status_kept_as_written_is_created_for_review(museum, tmp_path):
    path = tmp_path / "stat.csv"
    path.write_text("INV;DOMN;STAT\nS.1;peinture;propriété d'une fondation\n")
    run_import(museum, path, ImportOptions())
    status = LegalStatus.objects.get(label="propriété d'une fondation")
    assert status.status == TermStatus.TO_REVIEW
    assert Record.objects.get().legal_status == status


def test_the_report_speaks_french(museum, tmp_path):
    path = tmp_path / "fr.csv"
    path.write_text("INV;DOMN;STAT\nF.1;;propriété de la commune\n")
    with translation.override("fr"):
        report = run_import(museum, path, ImportOptions())
    assert report.entries[0].errors == ["DOMN est obligatoire et vide."]
