"""The coordinator's views in the Wagtail admin: a newsletter's send panel
(status, previews, test message, send now or later with a confirmation
step, cancel) and the subscriber import (check first, then apply)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.i18n import language_codes

from .. import services, tasks
from ..forms import ImportForm, StartSendForm, TestSendForm
from ..models import NewsletterPage, SubscriberImport
from ..selectors import audience_by_language, send_for, send_progress
from ..services.rendering import version_for


def _page_for(request, page_id: int) -> NewsletterPage:
    page = get_object_or_404(NewsletterPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return page


def _language_rows(page: NewsletterPage, counts: dict[str, int]) -> list[dict]:
    """Recipients per language and which version of the page they get."""
    names = dict(settings.LANGUAGES)
    rows = []
    for code in language_codes():
        version = version_for(page, code)
        rows.append(
            {
                "code": code,
                "name": names.get(code, code),
                "count": counts.get(code, 0),
                "translated": services.page_language(version) == code,
                "version": version,
            }
        )
    return rows


def _panel_context(request, page, **extra) -> dict:
    send = send_for(page)
    counts = audience_by_language(page)
    return {
        "page": page,
        "send": send,
        "progress": send_progress(send),
        "languages": _language_rows(page, counts),
        "recipient_total": sum(counts.values()),
        "test_form": TestSendForm(initial={"language": services.page_language(page)}),
        "start_form": StartSendForm(),
        "panel_url": reverse("newsletters_admin:send", args=[page.pk]),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def send_panel(request, page_id: int):
    page = _page_for(request, page_id)
    url = reverse("newsletters_admin:send", args=[page.pk])
    action = request.POST.get("action")
    if action == "test":
        form = TestSendForm(request.POST)
        if form.is_valid():
            services.send_test(
                page,
                form.cleaned_data["addresses"],
                form.cleaned_data["language"],
                request.user,
            )
            messages.success(request, _("Testmeddelandet är skickat."))
            return redirect(url)
        return TemplateResponse(
            request,
            "newsletters/admin/send.html",
            _panel_context(request, page, test_form=form),
            status=400,
        )
    if action == "start":
        form = StartSendForm(request.POST)
        if not form.is_valid():
            return TemplateResponse(
                request,
                "newsletters/admin/send.html",
                _panel_context(request, page, start_form=form),
                status=400,
            )
        if not form.cleaned_data["confirmed"]:
            # The confirmation step: who gets it, in which language, when.
            return TemplateResponse(
                request,
                "newsletters/admin/confirm_send.html",
                _panel_context(
                    request, page, start_form=form, at=form.cleaned_data["at"]
                ),
            )
        try:
            result = services.start_send(page, request.user, at=form.cleaned_data["at"])
        except services.SendError as error:
            messages.error(request, str(error))
            return redirect(url)
        if result.started:
            tasks.queue_send(result.send)
            messages.success(
                request,
                _("Utskicket är planerat.")
                if result.send.scheduled_for
                else _("Utskicket har startat."),
            )
        else:
            messages.warning(
                request,
                _(
                    "Nyhetsbrevet har redan skickats eller planerats. Inget nytt utskick startades."
                ),
            )
        return redirect(url)
    if action == "cancel":
        send = send_for(page)
        if send is not None and services.cancel_send(send, request.user):
            messages.success(request, _("Det planerade utskicket är avbrutet."))
        else:
            messages.warning(
                request, _("Utskicket har redan börjat och kan inte avbrytas.")
            )
        return redirect(url)
    return TemplateResponse(
        request, "newsletters/admin/send.html", _panel_context(request, page)
    )


def preview(request, page_id: int, language: str, part: str):
    """The email as a subscriber of ``language`` gets it (HTML or text)."""
    page = _page_for(request, page_id)
    if language not in language_codes() or part not in ("html", "text"):
        return HttpResponse(status=404)
    urls = services.SubscriberUrls(language)
    rendered = services.render_newsletter(
        version_for(page, language),
        language,
        preferences_url=urls.new_link(),
        unsubscribe_url=urls.new_link(),
    )
    if part == "text":
        return HttpResponse(rendered.text, content_type="text/plain; charset=utf-8")
    return HttpResponse(rendered.html, content_type="text/html; charset=utf-8")


def _can_import(user) -> bool:
    return user.has_perm("newsletters.add_subscriber")


@require_http_methods(["GET", "POST"])
def import_upload(request):
    if not _can_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                staged = services.stage_import(
                    upload.read(services.imports.MAX_BYTES + 1),
                    upload.name,
                    form.cleaned_data["privacy_version"],
                    request.user,
                )
            except services.ImportFileError as error:
                form.add_error("file", str(error))
            else:
                return redirect("newsletters_admin:import_review", staged.pk)
        status = 400
    return TemplateResponse(
        request, "newsletters/admin/import.html", {"form": form}, status=status
    )


@require_http_methods(["GET", "POST"])
def import_review(request, import_id: int):
    if not _can_import(request.user):
        raise PermissionDenied
    staged = get_object_or_404(SubscriberImport, pk=import_id)
    if request.method == "POST" and staged.applied_at is None:
        if request.POST.get("action") == "apply":
            result = services.apply_import(staged)
            messages.success(
                request,
                _(
                    "Importen är klar: %(active)s nya aktiva prenumeranter, %(invited)s inbjudningar skickade."
                )
                % result,
            )
        else:
            services.discard_import(staged)
            messages.success(request, _("Importen är borttagen. Inget ändrades."))
            return redirect("newsletters_admin:import")
        return redirect("newsletters_admin:import_review", staged.pk)
    return TemplateResponse(
        request, "newsletters/admin/import_review.html", {"staged": staged}
    )
