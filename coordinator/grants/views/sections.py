"""The grants app's sections elsewhere on the site: the home page (calls
closing soonest), an association's public profile (open calls that match
it) and Min förening (matching and watched calls, with Bevaka buttons)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from core.i18n import default_locale_id, page_url
from core.pages import first_in_tree
from foreningar.models import AssociationPage, Representative

from ..models import GrantCallIndexPage, closing_soon_days
from ..selectors import (
    build_cards,
    closing_soonest,
    matching_calls,
    public_calls,
    watched_call_ids,
)


def default_index() -> GrantCallIndexPage | None:
    return first_in_tree(
        GrantCallIndexPage.objects.live().filter(locale_id=default_locale_id())
    )


def _index_url(request: HttpRequest) -> tuple[GrantCallIndexPage | None, str]:
    index_page = default_index()
    if index_page is None:
        return None, ""
    localized = index_page.localized
    return index_page, page_url(localized, request)


def home_section(request: HttpRequest, context) -> str:
    index_page, index_url = _index_url(request)
    if index_page is None:
        return ""
    return render_to_string(
        "grants/includes/home_calls.html",
        {
            "cards": closing_soonest(request, limit=3),
            "index_url": index_url,
            "heading_level": 3,
        },
        request=request,
    )


def profile_section(request: HttpRequest, association: AssociationPage) -> str:
    index_page, index_url = _index_url(request)
    if index_page is None:
        return ""
    return render_to_string(
        "grants/includes/profile_calls.html",
        {
            "cards": matching_calls([association.pk], request),
            "index_url": index_url,
            "association": association,
        },
        request=request,
    )


def dashboard_section(
    request: HttpRequest,
    representative: Representative,
    associations: list[AssociationPage],
) -> str:
    """Matching open calls and the calls the person watches."""
    index_page, index_url = _index_url(request)
    if index_page is None:
        return ""
    now = timezone.now()
    watched_ids = watched_call_ids(representative)
    watched = build_cards(
        list(
            public_calls()
            .filter(pk__in=watched_ids)
            .not_closed(now)
            .order_by("deadline", "pk")
        ),
        request,
        now=now,
        days=closing_soon_days(),
    )
    return render_to_string(
        "grants/includes/dashboard_calls.html",
        {
            "matching": matching_calls(
                [association.pk for association in associations], request, now=now
            ),
            "watched": watched,
            "watched_ids": set(watched_ids),
            "representative": representative,
            "index_url": index_url,
            "next": request.path,
            "section_id": "bidrag",
        },
        request=request,
    )


def association_section(
    request: HttpRequest, representative: Representative, association
) -> str:
    index_page, index_url = _index_url(request)
    if index_page is None:
        return ""
    return render_to_string(
        "grants/includes/dashboard_calls.html",
        {
            "matching": matching_calls([association.pk], request),
            "watched": [],
            "watched_ids": set(watched_call_ids(representative)),
            "representative": representative,
            "index_url": index_url,
            "next": request.path,
            "section_id": "bidrag",
            "association": association,
        },
        request=request,
    )
