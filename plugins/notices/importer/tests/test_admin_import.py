"""The import screen of the admin: upload, background check, confirm, report, rights, mapping.

Real files go through Django's test client as a browser would send them (the
Douai export in ISO-8859-1 with ';' and broken rows, a ZIP of photographs);
the task runs on the test settings' immediate backend when the request's
transaction commits.
"""

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from musenor.plugins.notices.generator import jpeg_bytes
from musenor.plugins.notices.importer.runs import execute
from musenor.plugins.notices.models import ImportMapping, ImportRun, Record, RecordImage

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
GOOD = {"D.2001.1", "D.2001.2", "D.2001.3", "D.2001.6", "D.2001.8"}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def export(name="douai-latin1.csv", content=None):
    content = (DATA / name).read_bytes() if content is None else content
    return SimpleUploadedFile(name, content, content_type="text/csv")


def photos_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("D2001-1.jpg", jpeg_bytes(1))
        archive.writestr("D2001-6.jpg", jpeg_bytes(6))
    return SimpleUploadedFile("photos.zip", buffer.getvalue(), content_type="application/zip")


@pytest.fixture
def editor_client(client, editors):
    client.force_login(editors[0])
    return client


def refused(response):
    """Wagtail's admin answers a refusal with a redirect to its dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def start(client, museum, capture, **fields):
    data = {"museum": museum.pk, "file": export(), "encoding": "", "delimiter": "", **fields}
    with capture(execute=True):
        response = client.post(reverse("notices_imports:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportRun.objects.latest("pk"), response


def test_an_editor_checks_a_file_then_imports_it(
    editor_client, museum, django_capture_on_commit_callbacks
):
    run, response = start(
        editor_client, museum, django_capture_on_commit_callbacks, photos=photos_zip()
    )
    assert response.url == reverse("notices_imports:detail", args=[run.pk])
    # The check ran in the background: a report, and nothing written.
    assert run.dry_run and run.status == ImportRun.Status.DONE
    assert run.counts["created"] == 5 and run.counts["rejected"] == 5
    assert Record.objects.count() == 0
    page = editor_client.get(response.url).content.decode()
    assert "5 notices créées" in page and "5 lignes rejetées" in page  # the French admin
    assert "DOMN est obligatoire" in page
    assert "faïence fine à décor bleu" in page  # kept for review
    assert 'http-equiv="refresh"' not in page
    assert reverse("notices_imports:confirm", args=[run.pk]) in page
    # Row by row: the rejected rows first, each group in the file's order; a created
    # record lists no changed fields (every field is new).
    table = page[page.index("Ligne par ligne") :]
    table = table[table.index("<tbody>") : table.index("</tbody>")]
    lines = [int(n) for n in re.findall(r"<tr><td>(\d+)</td>", table)]
    assert lines == [5, 7, 9, 10, 11, 2, 3, 4, 6, 8]
    assert "<p>*</p>" not in table

    # The rows to correct, as a CSV the museum opens in a spreadsheet.
    download = editor_client.get(reverse("notices_imports:corrections", args=[run.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(b"".join(download).decode("utf-8-sig")), delimiter=";"))
    assert any(row[1] == "D.2001.4" and "DOMN" in row[3] for row in rows[1:])

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = editor_client.post(reverse("notices_imports:confirm", args=[run.pk]))
    imported = ImportRun.objects.latest("pk")
    assert confirmed.url == reverse("notices_imports:detail", args=[imported.pk])
    assert not imported.dry_run and imported.checked_by == run
    assert imported.status == ImportRun.Status.DONE and imported.counts["created"] == 5
    assert set(Record.objects.values_list("inventory_number", flat=True)) == GOOD
    assert RecordImage.objects.count() == 2
    # The same check cannot be confirmed twice.
    editor_client.post(reverse("notices_imports:confirm", args=[run.pk]))
    assert ImportRun.objects.count() == 2
    assert "import de ce fichier" in editor_client.get(response.url).content.decode()


def test_the_same_file_checked_again_changes_nothing(
    editor_client, museum, django_capture_on_commit_callbacks
):
    from musenor.plugins.cache import page_cache_generation

    before = page_cache_generation()
    run, _ = start(editor_client, museum, django_capture_on_commit_callbacks)
    assert page_cache_generation() == before, "a check writes nothing: cached pages stay"
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("notices_imports:confirm", args=[run.pk]))
    # The import writes in bulk, without saves: it retires the cached pages itself.
    imported = page_cache_generation()
    assert imported != before
    again, _ = start(editor_client, museum, django_capture_on_commit_callbacks)
    assert again.counts["created"] == 0 and again.counts["unchanged"] == 5
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("notices_imports:confirm", args=[again.pk]))
    assert page_cache_generation() == imported, "nothing changed, nothing purged"


def test_a_run_in_progress_shows_its_progress_and_follows_itself(editor_client, editors, museum):
    run = ImportRun.objects.create(
        museum=museum,
        user=editors[0],
        file_name="grand.csv",
        file=export().name,
        clear_for_publication=False,
        status=ImportRun.Status.RUNNING,
        size=1000,
        position=420,
        rows=1234,
        heartbeat=timezone.now(),
    )
    page = editor_client.get(reverse("notices_imports:detail", args=[run.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in page
    assert '<progress id="import-progress" max="100" value="42">' in page
    assert "42 % du fichier lu, 1234 lignes." in page
    assert "Recommencer</button>" not in page


def test_a_failed_or_stalled_run_is_started_again_without_duplicates(
    editor_client, museum, django_capture_on_commit_callbacks
):
    run, _ = start(editor_client, museum, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("notices_imports:confirm", args=[run.pk]))
    imported = ImportRun.objects.latest("pk")
    # As if the worker had died half-way: the run shows as stalled.
    ImportRun.objects.filter(pk=imported.pk).update(
        status=ImportRun.Status.RUNNING, heartbeat=timezone.now() - timezone.timedelta(hours=1)
    )
    page = editor_client.get(reverse("notices_imports:detail", args=[imported.pk]))
    assert "avance plus depuis un moment" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("notices_imports:restart", args=[imported.pk]))
    imported.refresh_from_db()
    assert imported.status == ImportRun.Status.DONE
    assert imported.counts["unchanged"] == 5 and imported.counts["created"] == 0
    assert Record.objects.count() == 5
    # A finished run is not started again.
    editor_client.post(reverse("notices_imports:restart", args=[imported.pk]))
    assert ImportRun.objects.get(pk=imported.pk).status == ImportRun.Status.DONE


def test_an_error_in_the_run_is_kept_and_shown(editor_client, editors, museum):
    run = ImportRun.objects.create(
        museum=museum,
        user=editors[0],
        file_name="perdu.csv",
        file="files/absent.csv",
        clear_for_publication=False,
    )
    execute(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.FAILED and "absent.csv" in run.error
    page = editor_client.get(reverse("notices_imports:detail", args=[run.pk])).content.decode()
    assert "arrêté sur une erreur" in page and "Recommencer</button>" in page


def test_editors_reach_their_own_museums_runs_only(
    client, editors, museums, staff_user, django_capture_on_commit_callbacks
):
    client.force_login(editors[0])
    run, _ = start(client, museums[0], django_capture_on_commit_callbacks)
    client.force_login(editors[1])
    for name in ("detail", "corrections"):
        assert refused(client.get(reverse(f"notices_imports:{name}", args=[run.pk])))
    assert refused(client.post(reverse("notices_imports:confirm", args=[run.pk])))
    assert refused(client.post(reverse("notices_imports:restart", args=[run.pk])))
    index = client.get(reverse("notices_imports:index")).content.decode()
    assert reverse("notices_imports:detail", args=[run.pk]) not in index
    # The form offers their museum only, and refuses the other.
    form = client.get(reverse("notices_imports:add")).content.decode()
    assert "Musée de Picardie" in form and "Musée de la Chartreuse" not in form
    response = client.post(
        reverse("notices_imports:add"), {"museum": museums[0].pk, "file": export()}
    )
    assert response.status_code == 200 and ImportRun.objects.count() == 1
    # Staff reach every museum's runs.
    client.force_login(staff_user)
    assert client.get(reverse("notices_imports:detail", args=[run.pk])).status_code == 200


def test_people_without_record_rights_see_no_import(client, django_user_model, museum):
    assert client.get(reverse("notices_imports:index")).status_code == 302  # to sign in
    user = django_user_model.objects.create_user(email="lecteur@musee.test", password="pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert refused(client.get(reverse("notices_imports:index")))
    assert reverse("notices_imports:index") not in client.get("/admin/").content.decode()


def test_the_files_are_kept_where_no_url_serves_them(
    editor_client, museum, django_capture_on_commit_callbacks
):
    run, _ = start(editor_client, museum, django_capture_on_commit_callbacks)
    media = Path(settings.MEDIA_ROOT).resolve()
    for stored in (run.file, run.corrections):
        assert not Path(stored.path).resolve().is_relative_to(media)


def test_a_file_that_is_not_an_export_is_refused_with_a_message(editor_client, museum):
    response = editor_client.post(
        reverse("notices_imports:add"),
        {"museum": museum.pk, "file": SimpleUploadedFile("notices.csv", b"\x00\x01\x02PNG\x00")},
    )
    assert response.status_code == 200
    assert "pas du texte" in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_the_report_is_emailed_to_the_museum_when_asked(
    editor_client, museum, django_capture_on_commit_callbacks
):
    museum.email = "conservation@musee-douai.test"
    museum.save_revision().publish()
    mail.outbox.clear()
    start(editor_client, museum, django_capture_on_commit_callbacks, email_report="on")
    (message,) = mail.outbox
    assert message.to == ["conservation@musee-douai.test"]
    assert message.attachments[0][0].startswith("corrections-")


def test_a_museums_saved_mapping_reads_its_own_headers(
    client, staff_user, museum, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    url = reverse("notices_imports:mapping", args=[museum.pk])
    wrong = client.post(url, {"mapping": "Numéro d'inventaire = INVENTAIRE\nsans signe"})
    page = wrong.content.decode()
    assert "INVENTAIRE" in page and "Ligne 2" in page
    assert not ImportMapping.objects.exists()
    client.post(
        url, {"mapping": "Numéro d'inventaire = INV\nDomaine = domn\nStatut juridique = STAT"}
    )
    assert ImportMapping.objects.get(museum=museum).mapping == {
        "Numéro d'inventaire": "INV",
        "Domaine": "DOMN",
        "Statut juridique": "STAT",
    }
    assert "Domaine = DOMN" in client.get(url).content.decode()
    content = (
        "Numéro d'inventaire;Domaine;Statut juridique;TITR\n"
        "D.2001.1;peinture;propriété de la commune;Vue de Douai\n"
    ).encode()
    run, _ = start(
        client, museum, django_capture_on_commit_callbacks, file=export("douai.csv", content)
    )
    assert run.counts["created"] == 1, run.summary


def test_old_imports_and_their_files_are_deleted_after_the_retention_period(
    editor_client, museum, django_capture_on_commit_callbacks, settings
):
    from datetime import timedelta

    from musenor.plugins.notices.tasks import prune_import_runs

    settings.MUSENOR_PLUGIN_SETTINGS = {
        **settings.MUSENOR_PLUGIN_SETTINGS,
        "notices": {
            **settings.MUSENOR_PLUGIN_SETTINGS.get("notices", {}),
            "IMPORT_RETENTION_DAYS": 30,
        },
    }
    old_check, _ = start(editor_client, museum, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse("notices_imports:confirm", args=[old_check.pk]))
    old_import = ImportRun.objects.latest("pk")
    recent, _ = start(editor_client, museum, django_capture_on_commit_callbacks)
    waiting = ImportRun.objects.create(
        museum=museum, file_name="attente.csv", file=recent.file.name, clear_for_publication=False
    )
    long_ago = timezone.now() - timedelta(days=31)
    ImportRun.objects.filter(pk__in=[old_check.pk, old_import.pk, waiting.pk]).update(
        created_at=long_ago
    )
    storage = old_check.file.storage
    assert storage.exists(old_check.file.name) and storage.exists(old_import.corrections.name)

    assert prune_import_runs.enqueue().return_value == 2
    assert set(ImportRun.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    # The old check's export and reports are gone; what remaining runs use is kept.
    assert not storage.exists(old_check.file.name)
    assert not storage.exists(old_check.corrections.name)
    assert not storage.exists(old_import.corrections.name)
    assert storage.exists(recent.file.name) and storage.exists(recent.corrections.name)


def test_the_retention_task_is_declared_to_run_daily():
    from datetime import timedelta

    from musenor.plugins.periodic import all_periodic_tasks

    tasks = {task.name: task for task in all_periodic_tasks()}
    assert tasks["notices.prune_import_runs"].schedule == timedelta(days=1)
