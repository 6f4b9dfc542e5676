"""Link blocks: call to action, document download."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page of the site"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False)
    description = blocks.CharBlock(label=_("Short description"), required=False, max_length=200)

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
        context["href"] = page.url if page else value.get("url")
        return context


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
