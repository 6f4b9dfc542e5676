"""The editor's experience in the Wagtail admin: the content checker, exhibitions' rights.

- The accessibility checker of Wagtail's userbar (on published pages) and of the
  editor's "Checks" panel (on the live preview) runs our rules as well as
  Wagtail's: headings in order with one level-1 heading, alt text present, not
  a file name nor a placeholder word nor a paragraph, captions on videos.
- Museum editors publish the exhibitions of their own museums only (see
  ``musenor.site.workflow``).
- Rich text links and embeds render through defensive handlers
  (``musenor.site.richtext``).
- Each page served says whether the page cache may keep it
  (``musenor.site.page_cache``).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from musenor.pages.exhibitions.models import ExhibitionPage

from .page_cache import mark_cacheable_page
from .richtext import SAFE_EMBED_HANDLERS, SAFE_LINK_HANDLERS
from .workflow import exhibition_publish_refusal, sync_exhibition_permissions

# Generic words standing for an image, whole (French and English), in the alt text.
PLACEHOLDER_WORDS = (
    "image|img|photo|photographie|picture|illustration|visuel|logo|dsc|sans titre|untitled"
)
PLACEHOLDER_ALT = rf"^\s*({PLACEHOLDER_WORDS})\s*\d*\s*$"
# Alt text beyond this length is a caption or a description, not alternative text.
MAX_ALT_LENGTH = 150


class MusenorContentChecker(ContentCheckerItem):
    """Wagtail's content checker with the portal's accessibility rules (RGAA, WCAG 2.1 AA)."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        # Headings: one level-1 heading (the page title), none skipped or empty.
        "page-has-heading-one",
        # Alternative text of images, image buttons, SVG and embedded objects.
        "image-alt",
        "image-redundant-alt",
        "input-image-alt",
        "role-img-alt",
        "svg-img-alt",
        "object-alt",
        # Media, lists and tables composed in the body.
        "video-caption",
        "list",
        "listitem",
        "td-headers-attr",
        "th-has-data-cells",
    ]
    axe_custom_checks = [
        {
            "id": "check-image-alt-text",
            "options": {
                "pattern": (
                    r"\.(avif|gif|jpg|jpeg|png|svg|webp)$|_"
                    rf"|{PLACEHOLDER_ALT}"
                    rf"|^[\s\S]{{{MAX_ALT_LENGTH + 1},}}$"
                )
            },
        },
        {"id": "check-empty-meta-description"},
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "alt-text-quality": {
            "error_name": _("Image alt text is a file name, a placeholder or too long"),
            "help_text": _(
                "Say in a short sentence what the image shows, or leave it empty if it is "
                "decorative; put longer descriptions in the caption"
            ),
        },
        "page-has-heading-one": {
            "error_name": _("The page has no level-1 heading"),
            "help_text": _("Give the page a title"),
        },
        "image-alt": {
            "error_name": _("Image without alt text"),
            "help_text": _("Describe the image for people who cannot see it"),
        },
        "image-redundant-alt": {
            "error_name": _("Alt text repeats the text around the image"),
            "help_text": _("Say what the image adds, or leave the alt text empty"),
        },
        "video-caption": {
            "error_name": _("Video without captions"),
            "help_text": _("Add a captions file (WebVTT) to the video"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_musenor_content_checker(request, items, page):
    """Replace Wagtail's checker; the editor's Checks panel reads its rules from here too."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, MusenorContentChecker):
            items[position] = MusenorContentChecker(in_editor=item.in_editor)


# --- Museum editors and exhibitions -------------------------------------------


@hooks.register("after_create_page")
def mirror_museum_rights_on_new_exhibition(request, page):
    if isinstance(page.specific, ExhibitionPage):
        sync_exhibition_permissions(page)


@hooks.register("before_publish_page")
def publish_own_exhibitions_only(request, page):
    if not isinstance(page, ExhibitionPage):
        return None
    # The form's choice, not yet saved to the database.
    refusal = exhibition_publish_refusal(request.user, page, page.museums.all())
    if refusal is None:
        return None
    messages.error(request, refusal)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def bulk_publish_own_exhibitions_only(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    for page in objects:
        if page.specific_class is not ExhibitionPage:
            continue
        draft = page.get_latest_revision_as_object()
        refusal = exhibition_publish_refusal(request.user, draft, draft.museums.all())
        if refusal is not None:
            messages.error(request, refusal)
            return redirect(action_class_instance.next_url)
    return None


# --- Rich text ----------------------------------------------------------------


@hooks.register("register_rich_text_features", order=100)
def render_rich_text_defensively(features):
    """Replace Wagtail's link and embed handlers (registered before: order 0)."""
    for handler in SAFE_LINK_HANDLERS:
        features.register_link_type(handler)
    for handler in SAFE_EMBED_HANDLERS:
        features.register_embed_type(handler)


# --- The page cache (musenor.site.page_cache) ------------------------------------

hooks.register("before_serve_page", mark_cacheable_page)
