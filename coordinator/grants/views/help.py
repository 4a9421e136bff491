"""Få hjälp att söka: the form at ``<call>/hjalp/`` posts to the address the
reader used (their language) and answers in it; then a confirmation page."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from core.i18n import current_language, foreign_language, page_url
from core.pages import page_view
from core.protection import RateLimit, protected_form
from foreningar.services import current_representative
from home.models import SiteSettings

from .. import services
from ..forms import HelpRequestForm
from ..models import CallStatus, GrantCallIndexPage, GrantCallPage

HELP_LIMIT = RateLimit(
    "grants-help",
    limit=5,
    period=3600,
    message=gettext_lazy(
        "Du har skickat många frågor på kort tid. Försök igen om en timme, eller "
        "ring koordinatorn."
    ),
)


def reader_index(call: GrantCallPage) -> GrantCallIndexPage:
    """The grants section in the reader's language (its privacy text)."""
    parent = call.get_parent().specific
    return parent.localized.specific


def _context(request: HttpRequest, call: GrantCallPage) -> dict:
    url = page_url(call, request)
    return {
        "page": call,
        "self": call,
        "call_url": url,
        "help_url": f"{url}hjalp/",
        "index_page": reader_index(call),
        "site_settings": SiteSettings.for_request(request),
        "content_lang": foreign_language(call),
        "lang_marked_inline": True,
        "is_closed": call.status_at() == CallStatus.CLOSED,
    }


@page_view(GrantCallPage, "help")
@never_cache
def help_request(request: HttpRequest, call: GrantCallPage):
    representative = current_representative(request)
    submission = protected_form(
        request, HelpRequestForm, limit=HELP_LIMIT, representative=representative
    )
    context = _context(request, call)
    if submission.is_valid:
        data = submission.form.cleaned_data
        services.submit_help_request(
            call,
            services.HelpQuestion(
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                question=data["question"],
                contact_method=data["contact_method"],
                association=data["association"],
                association_name=data["association_name"],
            ),
            index_page=context["index_page"],
            language=current_language(),
            representative=representative,
        )
        return redirect(f"{context['help_url']}skickat/")
    return TemplateResponse(
        request,
        "grants/help_form.html",
        {**context, "form": submission.form},
        status=submission.status,
    )


@page_view(GrantCallPage, "help_sent")
def help_sent(request: HttpRequest, call: GrantCallPage):
    return TemplateResponse(request, "grants/help_sent.html", _context(request, call))
