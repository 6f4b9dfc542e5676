"""Forum attachments: checked on upload, stored outside the public media, served to readers only.

machina stores attachments with the default storage (the public media
folder, served by the web server to anyone who guesses the name) and serves
them with a guessed Content-Type. The plugin, without changing machina's
tables:

- checks each file through the portal's upload facility (kind
  ``forum_attachment``: images, PDF, office documents, text; 10 MB);
- stores it in a private folder (the setting ``ATTACHMENTS_ROOT``) that no
  URL maps;
- serves it from :func:`download`, which checks that the reader may read the
  topic and download files in its forum, with the headers of
  ``musenor.site.uploads.serving``.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

from musenor.site import uploads
from musenor.site.uploads.forms import CheckedUploadsMixin
from musenor.site.uploads.serving import protect_user_files

ATTACHMENT_KIND = uploads.UploadKind(
    "forum_attachment",
    _("attachment"),
    types=(*uploads.IMAGE_TYPES, *uploads.OFFICE_TYPES, uploads.CSV, uploads.PLAIN_TEXT),
    max_size=10 * uploads.MB,
)


def attachments_root():
    configured = apps.get_app_config("musenor_forum").get_setting("ATTACHMENTS_ROOT")
    return (
        Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "forum-attachments"
    )


class PrivateStorage(LazyObject):
    """A file-system storage in ``ATTACHMENTS_ROOT``, without a base URL: nothing serves it."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=attachments_root(), base_url=None)


private_storage = PrivateStorage()


class CheckedAttachmentForm(CheckedUploadsMixin):
    upload_kinds = {"file": ATTACHMENT_KIND.name}


def wrap_machina_attachments():
    """Point machina's attachment field at the private storage and check its uploads;
    show every attachment and poll option slot (machina adds them with JavaScript).

    The field's ``deconstruct`` keeps describing machina's own field, so that
    ``makemigrations`` sees no change in machina's app (a migration there would
    be written into the installed package). The attachment formset of machina's
    post views is replaced by one whose forms check files by kind.
    """
    from django.forms.models import modelformset_factory
    from machina.apps.forum_conversation import views as conversation_views
    from machina.apps.forum_conversation.forum_attachments import forms as attachment_forms
    from machina.apps.forum_conversation.forum_attachments.models import Attachment
    from machina.conf import settings as machina_settings

    field = Attachment._meta.get_field("file")
    if getattr(field, "_musenor_private", False):
        return
    machina_deconstruct = field.deconstruct

    def deconstruct():
        name, path, args, kwargs = machina_deconstruct()
        kwargs.pop("storage", None)
        return name, path, args, kwargs

    field.storage = private_storage
    field.deconstruct = deconstruct
    field._musenor_private = True

    form_class = type(
        "AttachmentForm",
        (CheckedAttachmentForm, attachment_forms.AttachmentForm),
        {"__module__": __name__},
    )
    formset_class = modelformset_factory(
        Attachment,
        form_class,
        formset=attachment_forms.BaseAttachmentFormset,
        can_delete=True,
        # No script adds forms: every slot is shown.
        extra=machina_settings.ATTACHMENT_MAX_FILES_PER_POST,
        max_num=machina_settings.ATTACHMENT_MAX_FILES_PER_POST,
        validate_max=True,
    )
    attachment_forms.AttachmentFormset = formset_class
    conversation_views.BasePostFormView.attachment_formset_class = formset_class

    # machina's JavaScript adds poll options one by one; without it, the form
    # shows six empty options at once (empty ones are ignored).
    from machina.apps.forum_conversation.forum_polls import forms as poll_forms

    poll_formset_class = modelformset_factory(
        poll_forms.TopicPollOption,
        poll_forms.TopicPollOptionForm,
        formset=poll_forms.BaseTopicPollOptionFormset,
        can_delete=True,
        extra=6,
        max_num=machina_settings.POLL_MAX_OPTIONS_PER_POLL,
        validate_max=True,
    )
    conversation_views.BaseTopicFormView.poll_option_formset_class = poll_formset_class


def may_download(user, attachment):
    from machina.apps.forum_permission.handler import PermissionHandler

    post = attachment.post
    forum = post.topic.forum
    handler = PermissionHandler()
    if not (handler.can_read_forum(forum, user) and handler.can_download_files(forum, user)):
        return False
    # A post awaiting approval: its author and the forum's moderators only.
    return bool(
        post.approved
        or (user.is_authenticated and post.poster_id == user.pk)
        or handler.can_approve_posts(forum, user)
    )


@protect_user_files
def download(request, pk):
    """The file of attachment ``pk`` for a reader of its topic; 404 for anyone else."""
    from machina.apps.forum_conversation.forum_attachments.models import Attachment

    attachment = get_object_or_404(Attachment.objects.select_related("post__topic__forum"), pk=pk)
    if not may_download(request.user, attachment):
        # Not 403: whether the attachment exists is nobody else's business.
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    # FileResponse takes the type from the name; protect_user_files neutralises
    # any a browser would render as a page and forces a download of the rest.
    response = FileResponse(handle, filename=attachment.filename)
    response["Cache-Control"] = "private, no-store"
    return response
