"""Build standard pages for tests and fixtures."""

from .models import ContactFormField, ContactPage

CONTACT_FIELDS = (
    ("Votre nom", "singleline"),
    ("Votre adresse", "email"),
    ("Votre message", "multiline"),
)


def make_contact_page(parent, fields=CONTACT_FIELDS, **attributes):
    """A published contact page under ``parent`` whose form asks for ``fields``
    (label, field type), all required."""
    attributes = {
        "title": "Contact",
        "slug": "contact",
        "to_address": "equipe@musenor.example",
        **attributes,
    }
    page = ContactPage(**attributes)
    for order, (label, field_type) in enumerate(fields):
        page.form_fields.add(
            ContactFormField(sort_order=order, label=label, field_type=field_type, required=True)
        )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
