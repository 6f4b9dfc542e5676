"""The admin's "send a test" and "send" screens of a newsletter issue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from musenor.site.links import site_root_url

from .forms import TestSendForm
from .mailing import send_test
from .models import NewsletterIssue, Subscriber

CHANGE = "musenor_newsletter.change_newsletterissue"
SEND = "musenor_newsletter.send_newsletterissue"


def _issue_for(request, pk, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied
    return get_object_or_404(NewsletterIssue, pk=pk)


@require_http_methods(["GET", "POST"])
def send_test_view(request, pk):
    issue = _issue_for(request, pk, CHANGE)
    form = TestSendForm(request.POST or None, initial={"email": request.user.email})
    if request.method == "POST" and form.is_valid():
        send_test(issue, form.cleaned_data["email"], base_url=site_root_url(request))
        NewsletterIssue.objects.filter(pk=issue.pk).update(test_sent_at=timezone.now())
        messages.success(
            request,
            _("The test of “%(subject)s” was sent to %(email)s.")
            % {"subject": issue.subject, "email": form.cleaned_data["email"]},
        )
        return redirect("musenor_newsletter_admin:send", issue.pk)
    return render(
        request, "musenor_newsletter/admin/send_test.html", {"issue": issue, "form": form}
    )


@require_http_methods(["GET", "POST"])
def send_view(request, pk):
    from .tasks import send_issue

    issue = _issue_for(request, pk, SEND)
    recipients = Subscriber.objects.receiving()
    context = {
        "issue": issue,
        "recipient_count": recipients.count(),
        "pending_count": recipients.exclude(deliveries__issue=issue).count(),
        "sent_count": issue.deliveries.count(),
        "tested": issue.tested_since_last_change,
    }
    if request.method == "POST":
        if not context["tested"]:
            messages.error(request, _("Send a test of this version of the issue first."))
            return redirect("musenor_newsletter_admin:send_test", issue.pk)
        NewsletterIssue.objects.filter(pk=issue.pk).update(send_requested_at=timezone.now())
        send_issue.enqueue(issue.pk, site_root_url(request))
        messages.success(
            request,
            _("“%(subject)s” is being sent to %(count)s subscribers.")
            % {"subject": issue.subject, "count": context["pending_count"]},
        )
        return redirect("musenor_newsletter_admin:send", issue.pk)
    return render(request, "musenor_newsletter/admin/send.html", context)
