"""The members' notification preferences, and unsubscribing from a mail's link."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .forms import NotificationPreferencesForm
from .mail import read_unsubscribe_token
from .notifications import OFF, notification_types, preferences_of, set_preference


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request):
    user = request.user
    form = NotificationPreferencesForm(
        request.POST or None,
        types=notification_types(),
        preferences=preferences_of(user),
        language=user.language,
    )
    if request.method == "POST" and form.is_valid():
        for key, delivery in form.chosen().items():
            set_preference(user, key, delivery)
        user.language = form.cleaned_data["language"]
        user.save(update_fields=["language"])
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("musenor_plugins:notification_preferences")
    return TemplateResponse(
        request, "musenor_plugins/notification_preferences.html", {"form": form}
    )


# The one-click unsubscribe of RFC 8058 is a POST from the mail provider, with
# no session and no CSRF token: the signed token is the proof.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET asks to confirm (link checkers follow links); POST switches the types off."""
    try:
        user_pk, type_keys = read_unsubscribe_token(token)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Http404(_("This unsubscribe link is not valid.")) from None
    user = get_user_model().objects.filter(pk=user_pk).first()
    if user is None:
        raise Http404(_("This unsubscribe link is not valid."))
    declared = notification_types()
    types = [declared[key] for key in type_keys if key in declared]
    done = request.method == "POST"
    if done:
        for key in type_keys:
            set_preference(user, key, OFF)
    return TemplateResponse(
        request,
        "musenor_plugins/unsubscribe.html",
        {"types": types, "done": done, "email": user.email},
    )
