"""The core upload facility (musenor.site.uploads) and every upload screen of the admin.

Real files (made with Pillow, openpyxl and zipfile, or written byte by byte
from their formats' signatures) go through the real admin views.
"""

import io
import os
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image as PILImage

from musenor.site import uploads

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
MP3_BYTES = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 64
WEBM_BYTES = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 64
MP4_BYTES = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00" * 64


def png_bytes(size=(8, 6)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (10, 80, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def jpeg_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (10, 80, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def xlsx_bytes():
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# --- The facility ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "name", "content", "served_as"),
    [
        ("image", "beffroi.png", png_bytes(), "image/png"),
        ("image", "beffroi.JPEG", jpeg_bytes(), "image/jpeg"),
        ("document", "programme.pdf", PDF_BYTES, "application/pdf"),
        ("document", "compte-rendu.docx", docx_bytes(), None),
        ("document", "inventaire.xlsx", xlsx_bytes(), None),
        ("document", "inventaire.csv", b"nom;ville\nLouvre-Lens;Lens\n", "text/csv"),
        ("document", "lisez-moi.txt", "Horaires : 10 h – 18 h\n".encode(), "text/plain"),
        ("document", "sous-titres.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n", None),
        ("audio", "entretien.mp3", MP3_BYTES, "audio/mpeg"),
        ("video", "visite.webm", WEBM_BYTES, "video/webm"),
        ("video", "visite.mp4", MP4_BYTES, "video/mp4"),
    ],
)
def test_real_files_of_each_kind_are_accepted(kind, name, content, served_as):
    checked = uploads.check_upload(upload(name, content), kind)
    assert checked.name == name.rsplit(".", 1)[0] + "." + name.rsplit(".", 1)[1].lower()
    if served_as:
        assert checked.content_type == served_as


@pytest.mark.parametrize("kind", ["image", "document", "audio", "video"])
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", HTML),
        ("page.htm", HTML),
        ("dessin.svg", SVG),
        ("page.xhtml", HTML),
        ("flux.xml", b'<?xml version="1.0"?><a/>'),
        ("script.js", b"alert(1)"),
    ],
)
def test_nothing_a_browser_renders_as_a_page_is_accepted(kind, name, content):
    with pytest.raises(ValidationError) as caught:
        uploads.check_upload(upload(name, content, "image/png"), kind)
    assert caught.value.code == "extension"


@pytest.mark.parametrize(
    ("kind", "name", "content", "code"),
    [
        # Markup behind an extension that is accepted.
        ("document", "notes.txt", HTML, "markup"),
        ("document", "notes.txt", b"Bonjour\n" + SVG, "markup"),
        ("document", "table.csv", b"\xef\xbb\xbf  <html><body>x</body></html>", "markup"),
        ("document", "captions.vtt", b"WEBVTT\n\n<script>alert(1)</script>", "markup"),
        ("image", "photo.png", SVG, "content"),
        ("image", "photo.jpg", HTML, "content"),
        # Random bytes with an audio name: the 60 MiB ".mp3" of the issue, in small.
        ("audio", "musique.mp3", os.urandom(4096), "content"),
        ("video", "film.mp4", b"\x00" * 32, "content"),
        # The extension must agree with the content.
        ("image", "photo.png", jpeg_bytes(), "mismatch"),
        ("document", "programme.txt", PDF_BYTES, "mismatch"),
        ("document", "archive.zip", docx_bytes(), "mismatch"),
        ("audio", "entretien.ogg", MP3_BYTES, "mismatch"),
        # Text that is not text, and a captions file that is not WebVTT.
        ("document", "notes.txt", "é".encode("utf-16"), "not_text"),
        ("document", "captions.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nHi\n", "not_webvtt"),
        ("document", "vide.pdf", b"", "empty"),
    ],
)
def test_content_is_checked_not_the_name_nor_the_claimed_type(kind, name, content, code):
    with pytest.raises(ValidationError) as caught:
        uploads.check_upload(upload(name, content, "audio/mpeg"), kind)
    assert caught.value.code == code


def test_each_kind_has_a_size_limit_from_the_settings(settings):
    settings.MUSENOR_UPLOAD_MAX_SIZES = {**settings.MUSENOR_UPLOAD_MAX_SIZES, "audio": 1024}
    with pytest.raises(ValidationError) as caught:
        uploads.check_upload(upload("entretien.mp3", MP3_BYTES + b"\x00" * 1024), "audio")
    assert caught.value.code == "too_large"
    uploads.check_upload(upload("entretien.mp3", MP3_BYTES), "audio")


def test_default_limits_are_set_and_shared_with_wagtail():
    sizes = settings.MUSENOR_UPLOAD_MAX_SIZES
    assert set(sizes) >= {"image", "document", "audio", "video"}
    assert sizes["audio"] < 60 * 2**20
    assert sizes["image"] == settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert sizes["document"] == settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 50_000_000


def test_wagtail_extension_settings_agree_with_the_kinds():
    """The accept attributes and Wagtail's own extension checks say what the kinds say."""
    assert set(settings.WAGTAILIMAGES_EXTENSIONS) == set(uploads.get_kind("image").extensions)
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == set(uploads.get_kind("document").extensions)
    media = settings.WAGTAILMEDIA
    assert media["AUDIO_EXTENSIONS"] == uploads.get_kind("audio").extensions
    assert media["VIDEO_EXTENSIONS"] == uploads.get_kind("video").extensions


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\marie\\photo.JPG", "photo.jpg"),
        ("rapport.html.jpg", "rapport-html.jpg"),
        ("photo\u202egpj.html", "photogpj.html"),
        ("bon\x00jour\r\n.pdf", "bonjour.pdf"),
        ("\uff42\uff45\uff46\uff46\uff52\uff4f\uff49.png", "beffroi.png"),
        ("Cafe\u0301 de l'été.pdf", "Café de l-été.pdf"),
        (".htaccess", "file.htaccess"),
        ("...", "file"),
        ("a" * 300 + ".pdf", "a" * 76 + ".pdf"),
    ],
)
def test_names_are_cleaned(name, clean):
    assert uploads.clean_filename(name) == clean


def test_a_kind_cannot_declare_a_type_browsers_render_as_a_page():
    for extensions, mime in [(("svg",), "image/svg+xml"), (("html",), "text/plain")]:
        with pytest.raises(ImproperlyConfigured):
            uploads.FileType(mime, extensions, "bad")
    with pytest.raises(ImproperlyConfigured):
        uploads.FileType("text/html", ("txt",), "bad")


def test_plugins_register_their_own_kinds():
    kind = uploads.UploadKind(
        "test_attachment", "attachment", (*uploads.IMAGE_TYPES, uploads.PDF), 1024
    )
    try:
        assert uploads.register_kind(kind) is kind
        assert uploads.get_kind("test_attachment") is kind
        uploads.check_upload(upload("plan.pdf", PDF_BYTES), "test_attachment")
        with pytest.raises(ValidationError):
            uploads.check_upload(upload("plan.docx", docx_bytes()), "test_attachment")
        clash = uploads.UploadKind("test_attachment", "other", (uploads.PDF,), 10)
        with pytest.raises(ImproperlyConfigured):
            uploads.register_kind(clash)
    finally:
        from musenor.site.uploads import kinds

        kinds._registry.pop("test_attachment", None)


def test_upload_form_field_checks_and_renames():
    from django import forms

    class Form(forms.Form):
        file = uploads.UploadFormField(kind="document")

    form = Form(files={"file": upload("notes.txt", HTML)})
    assert not form.is_valid()
    assert "markup" in form.errors.as_data()["file"][0].code
    form = Form(files={"file": upload("../compte.rendu.pdf", PDF_BYTES)})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["file"].name == "compte-rendu.pdf"
    assert form.fields["file"].widget.attrs["accept"].startswith(".pdf,")


def test_upload_model_field_checks_cleans_and_deconstructs():
    from musenor.site.uploads import UploadField

    field = UploadField(kind="document", upload_to="test/")
    assert field.deconstruct()[3]["kind"] == "document"
    assert field.generate_filename(None, "a/b/rapport.html.pdf") == "test/rapport-html.pdf"
    assert isinstance(field.formfield(), uploads.UploadFormField)
    with pytest.raises(ValidationError):
        field.validate(upload("x.svg", SVG), None)


# --- The admin's upload screens -------------------------------------------------


@pytest.fixture
def media_add_url():
    return reverse("wagtailmedia:add", args=["media"])


def media_post(client, url, name, content, **extra):
    data = {"title": "Essai", "duration": "10", "tags": "", "file": upload(name, content)}
    data.update(extra)
    return client.post(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"), [("page.html", HTML), ("dessin.svg", SVG), ("x.mp3", os.urandom(2048))]
)
def test_media_library_refuses_pages_and_unrecognised_content(
    admin_client, media_add_url, name, content
):
    from wagtailmedia.models import get_media_model

    response = media_post(admin_client, media_add_url, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_media_model().objects.exists()


@pytest.mark.django_db
def test_media_library_refuses_files_over_the_audio_limit(admin_client, media_add_url, settings):
    from wagtailmedia.models import get_media_model

    settings.MUSENOR_UPLOAD_MAX_SIZES = {**settings.MUSENOR_UPLOAD_MAX_SIZES, "audio": 2**20}
    response = media_post(admin_client, media_add_url, "long.mp3", MP3_BYTES + bytes(2**20))
    assert "file" in response.context["form"].errors
    assert not get_media_model().objects.exists()


@pytest.mark.django_db
def test_media_library_takes_real_audio_and_video(admin_client, media_add_url):
    from wagtailmedia.models import get_media_model

    response = media_post(admin_client, media_add_url, "Entretien.final.MP3", MP3_BYTES)
    assert response.status_code == 302, response.context["form"].errors
    response = media_post(
        admin_client, reverse("wagtailmedia:add", args=["video"]), "visite.webm", WEBM_BYTES
    )
    assert response.status_code == 302, response.context["form"].errors
    audio, video = get_media_model().objects.order_by("pk")
    assert audio.type == "audio"
    assert os.path.basename(audio.file.name).startswith("Entretien-final")
    assert audio.file.name.endswith(".mp3")
    assert video.type == "video"


@pytest.mark.django_db
def test_media_thumbnails_are_checked_as_images(admin_client, media_add_url):
    response = media_post(
        admin_client, media_add_url, "e.mp3", MP3_BYTES, thumbnail=upload("t.png", SVG)
    )
    assert "thumbnail" in response.context["form"].errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("notes.txt", HTML), ("table.csv", SVG), ("page.html", HTML), ("faux.pdf", HTML)],
)
def test_documents_refuse_markup_and_unrecognised_content(admin_client, name, content):
    from wagtail.documents import get_document_model

    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Essai", "file": upload(name, content)}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_documents_multiple_upload_is_checked(admin_client):
    from wagtail.documents import get_document_model

    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": upload("notes.txt", HTML)}
    )
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_documents_take_real_files_with_clean_names(admin_client):
    from wagtail.documents import get_document_model

    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Programme", "file": upload("../Programme.2026.PDF", PDF_BYTES)},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.filename.startswith("Programme-2026")
    assert document.filename.endswith(".pdf")


@pytest.mark.django_db
def test_images_are_checked_and_renamed(admin_client):
    from wagtail.images import get_image_model

    url = reverse("wagtailimages:add")
    data = {"title": "Beffroi", "description": "Le beffroi", "licence": "cc-by", "tags": ""}
    response = admin_client.post(url, {**data, "file": upload("beffroi.png", SVG)})
    assert response.context["form"].errors["file"]
    response = admin_client.post(url, {**data, "file": upload("beffroi.html.png", png_bytes())})
    assert response.status_code == 302
    assert get_image_model().objects.get().filename.startswith("beffroi-html")


# --- Serving users' files ---------------------------------------------------------


def make_document(name, content):
    from wagtail.documents import get_document_model

    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["ancien.txt", "ancien.csv", "ancien.html", "ancien.svg"])
def test_stored_documents_are_never_served_as_pages(client, name):
    """Files stored before the checks existed are served as downloads, sandboxed."""
    document = make_document(name, HTML)
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "html" not in response["Content-Type"]
    assert "svg" not in response["Content-Type"]


@pytest.mark.django_db
def test_pdf_documents_open_in_the_browser_without_sandbox(client):
    """Chromium refuses to show a PDF in a sandboxed document; scripts stay blocked."""
    response = client.get(make_document("programme.pdf", PDF_BYTES).url)
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content", "disposition"),
    [
        ("page.html", HTML, "attachment"),
        ("dessin.svg", SVG, "attachment"),
        ("notes.txt", b"hello", "attachment"),
        ("photo.png", png_bytes(), "inline"),
        ("entretien.mp3", MP3_BYTES, "inline"),
    ],
)
def test_media_served_in_debug_carry_the_same_headers(tmp_path, name, content, disposition):
    from musenor.site.uploads.serving import serve_media

    (tmp_path / name).write_bytes(content)
    response = serve_media(RequestFactory().get(f"/media/{name}"), name, document_root=tmp_path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Content-Disposition"].startswith(disposition)
    assert not response["Content-Type"].startswith(("text/html", "image/svg"))
