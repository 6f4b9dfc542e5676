"""The public side of the newsletter: subscribing, confirming, unsubscribing."""

from django.conf import settings
from django.core.mail import send_mail
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from musenor.site.links import site_root_url
from musenor.site.throttling import over_limit

from .forms import HONEYPOT_FIELD, SubscribeForm
from .models import Subscriber


def _send_confirmation(request, subscriber):
    link = site_root_url(request) + reverse(
        "musenor_newsletter:confirm", args=[subscriber.confirm_token()]
    )
    context = {"link": link, "days": settings.MUSENOR_NEWSLETTER_CONFIRM_DAYS}
    send_mail(
        _("Confirm your subscription to the Musenor newsletter"),
        render_to_string("musenor_newsletter/mail/confirm.txt", context, request=request),
        None,
        [subscriber.email],
    )


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """Double opt-in: the same answer whether the address is known, new or already confirmed."""
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if request.POST.get(HONEYPOT_FIELD):
            return render(request, "musenor_newsletter/subscribe_done.html")
        limit, window = settings.MUSENOR_NEWSLETTER_RATE
        if over_limit(request, "newsletter", limit, window):
            return render(
                request,
                "musenor_newsletter/subscribe.html",
                {"form": form, "throttled": True},
                status=429,
            )
        if form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            subscriber, _created = Subscriber.objects.get_or_create(
                email=email, defaults={"language": translation.get_language() or "fr"}
            )
            if not subscriber.is_receiving:
                subscriber.language = translation.get_language() or subscriber.language
                subscriber.save(update_fields=["language"])
                _send_confirmation(request, subscriber)
            return render(request, "musenor_newsletter/subscribe_done.html")
    else:
        form = SubscribeForm()
    return render(request, "musenor_newsletter/subscribe.html", {"form": form})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link of the confirmation mail asks; only the button confirms.

    Mail providers' link scanners open (GET) every link of a message: a GET that
    confirmed would subscribe whoever typed an address into the form.
    """
    subscriber = Subscriber.from_confirm_token(token)
    if subscriber is None:
        return render(request, "musenor_newsletter/confirm_invalid.html", status=400)
    if request.method == "GET" and not subscriber.is_receiving:
        return render(request, "musenor_newsletter/confirm.html", {"subscriber": subscriber})
    if not subscriber.is_receiving:
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["confirmed_at", "unsubscribed_at"])
    return render(request, "musenor_newsletter/confirmed.html")


@csrf_exempt  # RFC 8058: mail clients POST the one-click unsubscribe without a session.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = Subscriber.from_unsubscribe_token(token)
    if subscriber is None:
        return render(request, "musenor_newsletter/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        if subscriber.unsubscribed_at is None:
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["unsubscribed_at"])
        return render(request, "musenor_newsletter/unsubscribed.html")
    return render(request, "musenor_newsletter/unsubscribe.html", {"subscriber": subscriber})
