"""Bevaka: a logged-in representative watches a call (a button posted to
``<call>/bevaka/``), and stops from the link in a reminder
(``<call>/sluta-bevaka/<token>/``)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.i18n import page_url
from core.links import LinkError
from core.pages import page_view
from foreningar.services import current_representative

from .. import services
from ..forms import WatchForm
from ..models import CallStatus, GrantCallPage


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@page_view(GrantCallPage, "watch")
@never_cache
def watch(request: HttpRequest, call: GrantCallPage):
    call_url = page_url(call, request)
    if request.method != "POST":
        return redirect(call_url)
    representative = current_representative(request)
    if representative is None:
        login = reverse("foreningar_selfservice:login")
        messages.info(
            request, _("Logga in på Min förening för att bevaka utlysningar.")
        )
        return redirect(f"{login}?{urlencode({'next': call_url})}")
    form = WatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Det gick inte att ändra bevakningen. Försök igen."))
        return redirect(_back(request, call_url))
    if form.cleaned_data["action"] == "unwatch":
        services.unwatch(representative, call)
        messages.success(
            request,
            _("Du bevakar inte längre ”%(title)s”.") % {"title": call.title},
        )
    elif call.status_at() == CallStatus.CLOSED:
        messages.error(request, _("Utlysningen har stängt och kan inte bevakas."))
    else:
        services.watch(representative, call)
        messages.success(
            request,
            _(
                "Du bevakar ”%(title)s”. Vi påminner dig med e-post till %(email)s "
                "7 dagar och 1 dag före sista ansökningsdag."
            )
            % {"title": call.title, "email": representative.email},
        )
    return redirect(_back(request, call_url))


@page_view(GrantCallPage, "unwatch_link")
@never_cache
def unwatch_link(request: HttpRequest, call: GrantCallPage, token: str):
    """A button, not a GET that acts: link scanners must not stop reminders."""
    context = {"page": call, "self": call, "call_url": page_url(call, request)}
    try:
        services.watch_for_link(token)
        if request.method == "POST":
            services.unwatch_with_link(token)
            return TemplateResponse(request, "grants/unwatch_done.html", context)
    except LinkError as error:
        return TemplateResponse(
            request,
            "grants/unwatch_error.html",
            {
                **context,
                "reason": error.reason,
                "login_url": reverse("foreningar_selfservice:login"),
            },
            status=error.status,
        )
    return TemplateResponse(request, "grants/unwatch_confirm.html", context)
