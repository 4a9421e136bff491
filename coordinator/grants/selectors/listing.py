"""The grants section: open and upcoming calls, and the archive of closed
ones, filtered, in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils.translation import gettext as _

from core.i18n import default_locale_id
from foreningar.models import ActivityArea, TargetGroup
from foreningar.selectors.queries import translated_name

from ..models import CallStatus, FunderKind, GrantCallIndexPage
from .cards import CallCard, build_cards, public_calls
from .params import (
    AMOUNT_PARAM,
    AMOUNTS,
    ARCHIVE_PAGE_SIZE,
    FILTER_LABELS,
    FUNDER_PARAM,
    PURPOSE_PARAM,
    TARGET_PARAM,
    CallParams,
    amount_label,
    filter_condition,
)


@dataclass
class FilterOption:
    value: str
    label: str
    selected: bool = False


@dataclass
class Filter:
    param: str
    label: str
    options: list[FilterOption]
    selected: str = ""

    @property
    def selected_label(self) -> str:
        return next((o.label for o in self.options if o.selected), self.selected)


@dataclass
class Listing:
    params: CallParams
    filters: list[Filter]
    open: list[CallCard] = field(default_factory=list)
    upcoming: list[CallCard] = field(default_factory=list)
    closed: list[CallCard] = field(default_factory=list)
    closed_total: int = 0
    page: int = 1
    num_pages: int = 1


def _vocabulary_options(model, selected: str) -> list[FilterOption]:
    """Default-language terms labelled in the reader's language (one query)."""
    rows = (
        model.objects.filter(locale_id=default_locale_id())
        .annotate(label=translated_name(model))
        .values_list("slug", "label", "sort_order")
    )
    rows = sorted(rows, key=lambda row: (row[2], row[1].lower()))
    return [FilterOption(slug, label, slug == selected) for slug, label, _o in rows]


def filters_for(params: CallParams) -> list[Filter]:
    """The four filters with their options; unknown vocabulary slugs are
    dropped with a notice."""
    purposes = _vocabulary_options(ActivityArea, params.purpose)
    targets = _vocabulary_options(TargetGroup, params.target)
    for attribute, param, options in (
        ("purpose", PURPOSE_PARAM, purposes),
        ("target", TARGET_PARAM, targets),
    ):
        value = getattr(params, attribute)
        if value and not any(option.selected for option in options):
            setattr(params, attribute, "")
            params.notices.append(
                _("Filtret för %(filter)s känns inte igen och har tagits bort.")
                % {"filter": str(FILTER_LABELS[param]).lower()}
            )
    return [
        Filter(PURPOSE_PARAM, str(FILTER_LABELS[PURPOSE_PARAM]), purposes),
        Filter(TARGET_PARAM, str(FILTER_LABELS[TARGET_PARAM]), targets),
        Filter(
            FUNDER_PARAM,
            str(FILTER_LABELS[FUNDER_PARAM]),
            [
                FilterOption(value, str(label), value == params.funder_kind)
                for value, label in FunderKind.choices
            ],
        ),
        Filter(
            AMOUNT_PARAM,
            str(FILTER_LABELS[AMOUNT_PARAM]),
            [
                FilterOption(key, amount_label(key), key == params.amount)
                for key in AMOUNTS
            ],
        ),
    ]


def _with_selection(filters: list[Filter], params: CallParams) -> list[Filter]:
    values = dict(params.as_query())
    for item in filters:
        item.selected = values.get(item.param, "")
    return filters


def current_calls(
    index_page: GrantCallIndexPage,
    params: CallParams,
    request: HttpRequest | None,
    *,
    now: datetime.datetime,
    days: int,
) -> Listing:
    """Open calls (soonest deadline first), then upcoming ones (soonest
    opening first). Queries: the two vocabularies, view restrictions, the
    calls with their funders, and in another language the translations and
    funder names."""
    filters = _with_selection(filters_for(params), params)
    calls = list(
        public_calls()
        .child_of(index_page)
        .not_closed(now)
        .filter(filter_condition(params))
        .order_by("deadline", "pk")
    )
    cards = build_cards(calls, request, now=now, days=days)
    listing = Listing(params=params, filters=filters)
    listing.open = [c for c in cards if c.status != CallStatus.UPCOMING]
    listing.upcoming = sorted(
        (c for c in cards if c.status == CallStatus.UPCOMING),
        key=lambda card: (card.opens_at, card.source.pk),
    )
    return listing


def closed_calls(
    index_page: GrantCallIndexPage,
    params: CallParams,
    request: HttpRequest | None,
    *,
    now: datetime.datetime,
    days: int,
) -> Listing:
    """One page of the archive, latest deadline first."""
    filters = _with_selection(filters_for(params), params)
    queryset = (
        public_calls().child_of(index_page).closed(now).filter(filter_condition(params))
    )
    total = queryset.count()
    num_pages = max(1, -(-total // ARCHIVE_PAGE_SIZE))
    if params.page > num_pages:
        params.notices.append(
            _("Sidan %(page)s finns inte. Du ser sista sidan, sida %(last)s.")
            % {"page": params.page, "last": num_pages}
        )
        params.page = num_pages
    offset = (params.page - 1) * ARCHIVE_PAGE_SIZE
    calls = list(
        queryset.order_by("-deadline", "-pk")[offset : offset + ARCHIVE_PAGE_SIZE]
    )
    return Listing(
        params=params,
        filters=filters,
        closed=build_cards(calls, request, now=now, days=days),
        closed_total=total,
        page=params.page,
        num_pages=num_pages,
    )


def active_filters(listing: Listing, base_url: str) -> list[dict[str, Any]]:
    """One "remove this filter" link per active filter, for the empty state."""
    active = []
    for item in listing.filters:
        if item.selected:
            query = urlencode(listing.params.as_query(drop=item.param))
            active.append(
                {
                    "label": _("%(filter)s ”%(value)s”")
                    % {"filter": item.label.lower(), "value": item.selected_label},
                    "url": base_url + (f"?{query}" if query else ""),
                }
            )
    return active
