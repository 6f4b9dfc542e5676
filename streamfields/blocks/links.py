"""Link blocks: call to action, document link, download."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import Page

from . import previews


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Button text"),
        max_length=80,
        help_text=_("Says where the link leads, e.g. “Find a museum”, never “Click here”."),
    )
    page = blocks.PageChooserBlock(
        label=_("Page of the site"), required=False, help_text=_("Either a page of the site…")
    )
    url = blocks.URLBlock(
        label=_("Or an address"),
        required=False,
        help_text=_("…or the address of another site, starting with https://."),
    )
    description = blocks.CharBlock(
        label=_("Short description"),
        required=False,
        max_length=200,
        help_text=_("One sentence under the button; optional."),
    )

    class Meta:
        icon = "link"
        label = _("Call to action")
        group = _("Links")
        template = "musenor_streamfields/blocks/call_to_action.html"
        description = _("A prominent link to a page of the site or another address.")
        preview_value = {
            "text": "Trouver un musée",
            "url": "https://example.org/musees/",
            "description": "Quatre-vingt-dix musées des Hauts-de-France.",
        }

    def clean(self, value):
        value = super().clean(value)
        check_link_text(value, "text")
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose either a page of the site or an address."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("page")
        request = (parent_context or {}).get("request")
        if page is not None:
            # The chosen page in the language of the page being read (one query
            # when they differ: an English copy of a French page).
            from musenor.site.translations import pages_in_language

            current = (parent_context or {}).get("page")
            page = pages_in_language([page], getattr(current, "locale_id", None), Page.objects)[0]
        context["href"] = page.get_url(request) if page else value.get("url")
        return context


# Link texts that say nothing of where the link leads (RGAA 6.1), in any language of the site.
VAGUE_LINK_TEXTS = {
    "click here",
    "here",
    "download",
    "link",
    "more",
    "read more",
    "cliquez ici",
    "ici",
    "télécharger",
    "lien",
    "plus",
    "en savoir plus",
    "lire la suite",
    "klik hier",
    "hier",
    "downloaden",
    "meer",
    "lees meer",
}


def check_link_text(value, field):
    text = (value.get(field) or "").strip().rstrip(".…!").strip().casefold()
    if text in VAGUE_LINK_TEXTS:
        raise blocks.StructBlockValidationError(
            block_errors={
                field: ValidationError(
                    _("Say what the link leads to: “%(text)s” means nothing out of context.")
                    % {"text": value.get(field).strip()}
                )
            }
        )


def _document_preview():
    return {"document": previews.document(), "title": "Le programme de l'année (PDF)"}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        group = _("Links")
        template = "musenor_streamfields/blocks/document_link.html"
        description = _("A document to download, with its format and size.")
        preview_value = staticmethod(_document_preview)

    def clean(self, value):
        value = super().clean(value)
        check_link_text(value, "title")
        return value


def _download_preview():
    return {
        "document": previews.document(),
        "title": "Dossier pédagogique — cycle 3",
        "description": "Activités en classe et au musée, avec les corrigés.",
    }


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        label=_("Document"), help_text=_("A file from the documents library.")
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_("What the document is, as a visitor would look for it."),
    )
    description = blocks.TextBlock(
        label=_("Description"),
        required=False,
        max_length=400,
        help_text=_("What is inside and who it is for; optional."),
    )

    class Meta:
        icon = "download"
        label = _("Download")
        group = _("Links")
        template = "musenor_streamfields/blocks/download.html"
        description = _("A document to download with a title, a description, its format and size.")
        preview_value = staticmethod(_download_preview)

    def clean(self, value):
        value = super().clean(value)
        check_link_text(value, "title")
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context.update(document_details(value.get("document")))
        return context


def document_details(document):
    """The format (“PDF”) and size in bytes of a document, without reading its file."""
    if document is None:
        return {"format": "", "size": None}
    return {"format": document.file_extension.upper(), "size": document.file_size}
