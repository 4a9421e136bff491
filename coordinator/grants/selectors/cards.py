"""Calls as the public sees them: in the reader's language where a
translation is live, with status, funder and amounts ready to show. Every
function here runs a fixed number of queries whatever the number of calls."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from core.i18n import (
    current_locale_id,
    default_locale_id,
    foreign_language,
    localize_pages,
    page_url,
)

from ..models import CallStatus, Funder, GrantCallPage, status_at
from .amounts import amount_range


@dataclass
class CallCard:
    page: GrantCallPage  # in the reader's language where translated
    source: GrantCallPage  # the default-language call
    status: str
    url: str
    funder_name: str
    funder_kind: str
    amount: str
    content_lang: str  # the page's language when not the reader's

    @property
    def status_label(self) -> str:
        return CallStatus(self.status).label

    @property
    def deadline(self) -> datetime.datetime:
        return self.source.deadline

    @property
    def opens_at(self) -> datetime.datetime:
        return self.source.opens_at

    @property
    def days_left(self) -> int:
        """Whole calendar days to the deadline in the town's time zone."""
        today = timezone.localdate()
        return (timezone.localtime(self.source.deadline).date() - today).days


def public_calls() -> QuerySet[GrantCallPage]:
    """Live default-language calls outside view-restricted sections, with
    the funder (one query for the restrictions)."""
    return (
        GrantCallPage.objects.live()
        .public()
        .filter(locale_id=default_locale_id())
        .select_related("funder")
    )


def funder_names(funders: list[Funder | None]) -> dict[int, str]:
    """Funder id → name in the reader's language (one query, none when the
    reader reads the default language)."""
    known = {funder.pk: funder for funder in funders if funder is not None}
    names = {pk: funder.name for pk, funder in known.items()}
    locale_id = current_locale_id()
    if not known or locale_id is None or locale_id == default_locale_id():
        return names
    translated = dict(
        Funder.objects.filter(
            translation_key__in=[f.translation_key for f in known.values()],
            locale_id=locale_id,
        ).values_list("translation_key", "name")
    )
    for pk, funder in known.items():
        names[pk] = translated.get(funder.translation_key, funder.name)
    return names


def build_cards(
    calls: list[GrantCallPage],
    request: HttpRequest | None,
    *,
    now: datetime.datetime,
    days: int,
) -> list[CallCard]:
    """Cards for default-language ``calls``: translations swapped in (one or
    two queries), funder names in the reader's language (one)."""
    localized = localize_pages(calls)
    names = funder_names([call.funder for call in calls])
    cards = []
    for source, page in zip(calls, localized, strict=True):
        cards.append(
            CallCard(
                page=page,
                source=source,
                status=status_at(source.opens_at, source.deadline, now, days),
                url=page_url(page, request),
                funder_name=names.get(source.funder_id, ""),
                funder_kind=source.funder.kind if source.funder else "",
                amount=amount_range(source.amount_min, source.amount_max),
                content_lang=foreign_language(page),
            )
        )
    return cards


def card_for(
    call: GrantCallPage, request: HttpRequest | None, **kwargs: Any
) -> CallCard:
    return build_cards([call], request, **kwargs)[0]
