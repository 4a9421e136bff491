"""Calls for an association: open calls whose purposes or target groups are
among the association's, for its profile and for Min förening; the calls
closing soonest for the home page and the newsletter. Fixed query counts."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone, translation

from core.i18n import localize_pages, page_language, url_in_language
from foreningar.models import AssociationPage

from ..models import GrantCallPage, closing_soon_days, status_at
from .cards import CallCard, build_cards, funder_names, public_calls

MATCH_LIMIT = 5


def matching_condition(association_ids: Iterable[int]) -> Q:
    """Calls sharing an activity area (as purpose) or a target group with any
    of the associations, as subqueries over the many-to-many tables."""
    ids = list(association_ids)
    areas = AssociationPage.activity_areas.through.objects.filter(
        associationpage_id__in=ids
    ).values("activityarea_id")
    groups = AssociationPage.target_groups.through.objects.filter(
        associationpage_id__in=ids
    ).values("targetgroup_id")
    by_purpose = GrantCallPage.purposes.through.objects.filter(
        activityarea_id__in=areas
    ).values("grantcallpage_id")
    by_group = GrantCallPage.target_groups.through.objects.filter(
        targetgroup_id__in=groups
    ).values("grantcallpage_id")
    return Q(pk__in=by_purpose) | Q(pk__in=by_group)


def matching_calls(
    association_ids: Iterable[int],
    request: HttpRequest | None,
    *,
    now: datetime.datetime | None = None,
    limit: int = MATCH_LIMIT,
) -> list[CallCard]:
    """Open calls matching the associations, soonest deadline first.
    Queries: the threshold, view restrictions, the calls (one, with their
    funders), and in another language the translations and funder names."""
    ids = list(association_ids)
    if not ids:
        return []
    now = now or timezone.now()
    days = closing_soon_days()
    calls = list(
        public_calls()
        .open(now)
        .filter(matching_condition(ids))
        .order_by("deadline", "pk")[:limit]
    )
    return build_cards(calls, request, now=now, days=days)


def closing_soonest(
    request: HttpRequest | None,
    *,
    now: datetime.datetime | None = None,
    limit: int = 3,
) -> list[CallCard]:
    """The open calls with the nearest deadlines (home page)."""
    now = now or timezone.now()
    calls = list(public_calls().open(now).order_by("deadline", "pk")[:limit])
    return build_cards(calls, request, now=now, days=closing_soon_days())


@dataclass(frozen=True)
class Deadline:
    """An open call's deadline for another app (the newsletter's "upcoming
    grant deadlines" block): plain values, absolute URL, in ``language``."""

    title: str
    url: str
    deadline: datetime.datetime
    funder: str
    summary: str
    status: str
    language: str  # the language the title and summary are in


def upcoming_deadlines(
    limit: int = 5,
    language: str | None = None,
    *,
    now: datetime.datetime | None = None,
    within_days: int | None = None,
    target_group: str = "",
) -> list[Deadline]:
    """Open calls by deadline, in ``language`` where translated (default:
    the site's language). ``within_days`` keeps calls closing within that
    many days; ``target_group`` (a vocabulary slug) calls for that group.
    Fixed number of queries."""
    now = now or timezone.now()
    language = language or settings.LANGUAGE_CODE
    calls_qs = public_calls().open(now)
    if within_days is not None:
        calls_qs = calls_qs.filter(
            deadline__lte=now + datetime.timedelta(days=within_days)
        )
    if target_group:
        calls_qs = calls_qs.filter(
            pk__in=GrantCallPage.target_groups.through.objects.filter(
                targetgroup__slug=target_group
            ).values("grantcallpage_id")
        )
    with translation.override(language):
        days = closing_soon_days()
        calls = list(calls_qs.order_by("deadline", "pk")[:limit])
        pages = localize_pages(calls)
        names = funder_names([call.funder for call in calls])
        return [
            Deadline(
                title=page.title,
                url=settings.SITE_URL
                + url_in_language(page.get_url(), page_language(page), language),
                deadline=call.deadline,
                funder=names.get(call.funder_id, ""),
                summary=page.summary,
                status=status_at(call.opens_at, call.deadline, now, days),
                language=page_language(page),
            )
            for call, page in zip(calls, pages, strict=True)
        ]
