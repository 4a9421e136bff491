"""The grants section (GrantCallIndexPage: current calls, archive) and a
call's page (GrantCallPage). Status is computed per request from the clock:
nothing here is cached, so no status outlives a boundary."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone

from core.country import current_country
from core.i18n import attach_locale, foreign_language, page_url
from core.pages import context_provider, page_view
from foreningar.models import ActivityArea, TargetGroup
from foreningar.selectors.queries import translated_name
from foreningar.services import current_representative
from home.models import SiteSettings

from ..models import (
    CallStatus,
    GrantCallIndexPage,
    GrantCallPage,
    closing_soon_days,
)
from ..selectors import (
    ARCHIVE_PAGE_SIZE,
    active_filters,
    card_for,
    closed_calls,
    current_calls,
    is_watching,
    parse_params,
)
from .jsonld import monetary_grant_json_ld

FEED_NAME = "sista-ansokningsdag.ics"


def index_urls(index_page: GrantCallIndexPage, request: HttpRequest) -> dict[str, str]:
    base = page_url(index_page, request)
    return {
        "index_url": base,
        "archive_url": f"{base}arkiv/",
        "rss_url": f"{base}rss/",
        "ics_url": f"{base}{FEED_NAME}",
    }


def _listing_context(request, index_page, listing) -> dict[str, Any]:
    for notice in listing.params.notices:
        messages.warning(request, notice)
    return {
        "listing": listing,
        "params": listing.params,
        "filters": listing.filters,
        "content_lang": foreign_language(index_page),
        **index_urls(index_page, request),
    }


@context_provider(GrantCallIndexPage)
def index_context(request: HttpRequest, index_page: GrantCallIndexPage):
    attach_locale(index_page)
    listing = current_calls(
        index_page.canonical_index(),
        parse_params(request.GET),
        request,
        now=timezone.now(),
        days=closing_soon_days(),
    )
    context = _listing_context(request, index_page, listing)
    context["active_filters"] = active_filters(listing, context["index_url"])
    return context


@page_view(GrantCallIndexPage, "archive")
def archive(request: HttpRequest, index_page: GrantCallIndexPage):
    """Closed calls, latest deadline first, paginated."""
    attach_locale(index_page)
    listing = closed_calls(
        index_page.canonical_index(),
        parse_params(request.GET),
        request,
        now=timezone.now(),
        days=closing_soon_days(),
    )
    context = _listing_context(request, index_page, listing)
    context["active_filters"] = active_filters(listing, context["archive_url"])
    paginator = Paginator([], ARCHIVE_PAGE_SIZE)
    paginator.__dict__["count"] = listing.closed_total
    page_obj = paginator.page(listing.page)
    page_obj.object_list = listing.closed
    return TemplateResponse(
        request,
        "grants/grant_call_archive.html",
        {
            "page": index_page,
            "self": index_page,
            "request": request,
            "page_obj": page_obj,
            **context,
        },
    )


def vocabulary_labels(call: GrantCallPage) -> dict[str, list[str]]:
    """The call's purposes and target groups in the reader's language (one
    query)."""
    parts = [
        model.objects.filter(grant_calls=call.pk)
        .order_by()
        .annotate(label=translated_name(model))
        .values_list("label", "sort_order")
        for model in (ActivityArea, TargetGroup)
    ]
    purposes = sorted(parts[0], key=lambda row: (row[1], row[0].lower()))
    groups = sorted(parts[1], key=lambda row: (row[1], row[0].lower()))
    return {
        "purposes": [label for label, _order in purposes],
        "target_groups": [label for label, _order in groups],
    }


@context_provider(GrantCallPage)
def call_context(request: HttpRequest, call: GrantCallPage) -> dict[str, Any]:
    attach_locale(call)
    now = timezone.now()
    card = card_for(call, request, now=now, days=closing_soon_days())
    url = page_url(call, request)
    index_page = call.get_parent().specific
    representative = current_representative(request)
    return {
        "card": card,
        "status": card.status,
        "is_open": card.status in (CallStatus.OPEN, CallStatus.CLOSING_SOON),
        "is_closed": card.status == CallStatus.CLOSED,
        "terms": vocabulary_labels(call),
        "call_url": url,
        "help_url": f"{url}hjalp/",
        "watch_url": f"{url}bevaka/",
        "ics_url": f"{url}{FEED_NAME}",
        "index_url": page_url(index_page, request),
        "representative": representative,
        "watching": is_watching(representative, call),
        "site_settings": SiteSettings.for_request(request),
        "content_lang": foreign_language(call),
        "lang_marked_inline": True,
        "json_ld": monetary_grant_json_ld(
            card, request.build_absolute_uri(url), current_country().currency
        ),
    }
