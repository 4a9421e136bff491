"""The shared calendar: trainings' sessions and the associations' approved
events in one list, filtered by activity area, district, target group and
"free of charge". A fixed number of queries for any month and any number of
events."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import (
    current_language,
    current_locale_id,
    default_locale_id,
    localize_pages,
    page_language,
    url_in_language,
)
from core.params import clean_text
from foreningar.models import ActivityArea, District, TargetGroup

from ..ical import association_event_uid, session_uid
from ..models import AssociationEvent, TrainingSession
from .trainings import public_trainings

MONTH_PARAM = "manad"
FREE_PARAM = "avgiftsfri"
_MONTH_RE = re.compile(r"^([0-9]{4})-([0-9]{1,2})$")
_SLUG_RE = re.compile(r"^[-a-z0-9_]{1,80}$")
MAX_YEARS_AWAY = 5
FEED_DAYS_BACK = 30
FEED_DAYS_AHEAD = 365


@dataclass(frozen=True)
class Facet:
    param: str  # the GET parameter, Swedish like the site's addresses
    model: type
    label: Any
    training_field: str  # lookup from a TrainingSession
    event_field: str  # lookup from an AssociationEvent


FACETS = (
    Facet(
        "verksamhet",
        ActivityArea,
        _("Verksamhetsområde"),
        "page__activity_areas__slug",
        "activity_areas__slug",
    ),
    Facet("omrade", District, _("Område"), "page__district__slug", "district__slug"),
    Facet(
        "malgrupp",
        TargetGroup,
        _("Målgrupp"),
        "page__target_groups__slug",
        "target_groups__slug",
    ),
)


@dataclass
class CalendarParams:
    month: datetime.date  # the first of the month shown
    filters: dict[str, str] = field(default_factory=dict)  # param → slug
    free: bool = False
    notices: list[str] = field(default_factory=list)

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters or self.free)

    def query(self, **changes: Any) -> dict[str, str]:
        """The filters (and month) as GET parameters, with ``changes``."""
        values = {**self.filters}
        if self.free:
            values[FREE_PARAM] = "1"
        values[MONTH_PARAM] = f"{self.month:%Y-%m}"
        values.update({k: v for k, v in changes.items() if v is not None})
        return {k: v for k, v in values.items() if v}


def this_month(today: datetime.date | None = None) -> datetime.date:
    today = today or timezone.localdate()
    return today.replace(day=1)


def add_months(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def parse_params(
    data: Mapping[str, str], today: datetime.date | None = None
) -> CalendarParams:
    """Clean GET parameters; bad values become a notice and a default."""
    current = this_month(today)
    params = CalendarParams(month=current)
    raw_month = clean_text(data.get(MONTH_PARAM, "") or "", 10)
    if raw_month:
        match = _MONTH_RE.match(raw_month)
        month = None
        if match:
            try:
                month = datetime.date(int(match.group(1)), int(match.group(2)), 1)
            except ValueError:  # month 13, year 0
                month = None
        if month is None or abs(month.year - current.year) > MAX_YEARS_AWAY:
            params.notices.append(
                _("Månaden känns inte igen. Kalendern visar den här månaden.")
            )
        else:
            params.month = month
    for facet in FACETS:
        value = clean_text(data.get(facet.param, "") or "", 80).lower()
        if not value:
            continue
        if _SLUG_RE.match(value):
            params.filters[facet.param] = value
        else:
            params.notices.append(
                _("Filtret för %(filter)s känns inte igen och har tagits bort.")
                % {"filter": str(facet.label).lower()}
            )
    params.free = (data.get(FREE_PARAM) or "") in {"1", "on", "ja", "true"}
    return params


@dataclass
class Option:
    slug: str
    label: str
    selected: bool = False


def vocabulary(params: CalendarParams | None = None) -> dict[str, dict[str, Any]]:
    """Each facet's terms, labelled in the reader's language: {param: {"options":
    [...], "labels": {default row id: label}}}. One query per vocabulary;
    filters naming unknown terms are dropped with a notice."""
    locale_ids = {default_locale_id(), current_locale_id() or default_locale_id()}
    result: dict[str, dict[str, Any]] = {}
    for facet in FACETS:
        rows = list(
            facet.model.objects.filter(locale_id__in=locale_ids).values_list(
                "pk", "translation_key", "locale_id", "slug", "name", "sort_order"
            )
        )
        default_rows = [r for r in rows if r[2] == default_locale_id()]
        translated = {r[1]: r[4] for r in rows if r[2] == current_locale_id()}
        default_rows.sort(key=lambda r: (r[5], translated.get(r[1], r[4]).lower()))
        selected = params.filters.get(facet.param) if params else None
        options = [
            Option(r[3], translated.get(r[1], r[4]), r[3] == selected)
            for r in default_rows
        ]
        if selected and not any(o.selected for o in options):
            del params.filters[facet.param]
            params.notices.append(
                _("Filtret för %(filter)s känns inte igen och har tagits bort.")
                % {"filter": str(facet.label).lower()}
            )
        result[facet.param] = {
            "facet": facet,
            "options": options,
            "labels": {r[0]: translated.get(r[1], r[4]) for r in default_rows},
        }
    return result


@dataclass
class CalendarItem:
    kind: str  # "training" or "association"
    uid: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    url: str
    summary: str = ""
    place: str = ""
    district: str = ""
    district_id: int | None = None
    organiser: str = ""
    organiser_url: str = ""
    link: str = ""
    free: bool = True
    open_to_all: bool = True
    online: bool = False
    lang: str = ""  # the text's language when it is not the reader's
    session_number: int = 0
    session_count: int = 0

    @property
    def local_date(self) -> datetime.date:
        return timezone.localtime(self.starts_at).date()


def _training_sessions(
    start: datetime.datetime, end: datetime.datetime, params: CalendarParams | None
):
    sessions = TrainingSession.objects.filter(
        page__in=public_trainings().values("pk"), starts_at__lt=end, ends_at__gt=start
    )
    same_page = TrainingSession.objects.filter(page=OuterRef("page")).order_by()
    sessions = sessions.annotate(
        session_count=Coalesce(
            Subquery(same_page.values("page").annotate(n=Count("pk")).values("n")[:1]),
            0,
        ),
        session_number=Coalesce(
            Subquery(
                same_page.filter(starts_at__lte=OuterRef("starts_at"))
                .values("page")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            0,
        ),
    )
    if params:
        for facet in FACETS:
            slug = params.filters.get(facet.param)
            if slug:
                sessions = sessions.filter(**{facet.training_field: slug})
        if params.free:
            sessions = sessions.filter(page__price=0)
    # Each page links to one row per slug: the filters add no duplicates.
    return sessions.select_related("page").order_by("starts_at", "pk")


def _association_events(
    start: datetime.datetime, end: datetime.datetime, params: CalendarParams | None
):
    events = AssociationEvent.objects.published().filter(
        starts_at__lt=end, ends_at__gt=start
    )
    if params:
        for facet in FACETS:
            slug = params.filters.get(facet.param)
            if slug:
                events = events.filter(**{facet.event_field: slug})
        if params.free:
            events = events.filter(free_of_charge=True)
    return events.select_related("association").order_by("starts_at", "pk")


def _place(*parts: str) -> str:
    return ", ".join(part for part in parts if part)


def calendar_items(
    start: datetime.datetime,
    end: datetime.datetime,
    params: CalendarParams | None = None,
    district_labels: dict[int, str] | None = None,
) -> list[CalendarItem]:
    """Everything in the calendar between ``start`` and ``end``, by start."""
    language = current_language()
    labels = district_labels or {}
    sessions = list(_training_sessions(start, end, params))
    translated = {
        p.translation_key: p
        for p in localize_pages({s.page_id: s.page for s in sessions}.values())
    }
    items = []
    for session in sessions:
        page = translated.get(session.page.translation_key, session.page)
        original = session.page
        text_language = page_language(page)
        items.append(
            CalendarItem(
                kind="training",
                uid=session_uid(session.pk),
                title=page.title,
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                url=url_in_language(page.url or "", text_language),
                summary=page.summary,
                place=_place(page.place_name, page.town)
                if not original.is_online
                else "",
                online=original.is_online,
                district=labels.get(original.district_id, ""),
                district_id=original.district_id,
                organiser=page.organiser,
                free=not original.price,
                lang="" if text_language == language else text_language,
                session_number=session.session_number,
                session_count=session.session_count,
            )
        )
    for event in _association_events(start, end, params):
        association = event.association
        items.append(
            CalendarItem(
                kind="association",
                uid=association_event_uid(event.pk),
                title=event.title,
                starts_at=event.starts_at,
                ends_at=event.ends_at,
                url=event.link,
                summary=event.description,
                place=_place(event.place_name, event.street_address),
                district=labels.get(event.district_id, ""),
                district_id=event.district_id,
                organiser=association.title,
                organiser_url=url_in_language(
                    association.url or "", page_language(association)
                ),
                link=event.link,
                free=event.free_of_charge,
                open_to_all=event.open_to_all,
                lang="" if event.language == language else event.language,
            )
        )
    items.sort(key=lambda item: (item.starts_at, item.kind, item.title))
    return items


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def month_range(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    return _local_midnight(month), _local_midnight(add_months(month, 1))


@dataclass
class CalendarDay:
    date: datetime.date
    items: list[CalendarItem]


def month_view(params: CalendarParams) -> dict[str, Any]:
    """The month's items grouped by day, the filters' options and the
    neighbouring months."""
    terms = vocabulary(params)
    start, end = month_range(params.month)
    items = calendar_items(start, end, params, terms["omrade"]["labels"])
    days = [
        CalendarDay(day, list(group))
        for day, group in groupby(items, key=lambda item: item.local_date)
    ]
    return {
        "days": days,
        "count": len(items),
        "terms": terms,
        "previous_month": add_months(params.month, -1),
        "next_month": add_months(params.month, 1),
    }


def feed_items(params: CalendarParams | None = None) -> list[CalendarItem]:
    """The iCal feed: from a month back to a year ahead."""
    today = timezone.localdate()
    start = _local_midnight(today - datetime.timedelta(days=FEED_DAYS_BACK))
    end = _local_midnight(today + datetime.timedelta(days=FEED_DAYS_AHEAD))
    terms = vocabulary(params) if params else vocabulary()
    return calendar_items(start, end, params, terms["omrade"]["labels"])


def upcoming_events(
    limit: int = 5,
    *,
    now: datetime.datetime | None = None,
    days: int = 90,
    target_group: str = "",
) -> list[CalendarItem]:
    """The next ``limit`` trainings and association events, each training
    once (its next session), in the reader's language: for the newsletter's
    "coming trainings and events" block and the home page. ``target_group``
    (a vocabulary slug) keeps only what is for that group."""
    now = now or timezone.now()
    params = None
    if target_group:
        params = CalendarParams(
            month=this_month(now.date()), filters={"malgrupp": target_group}
        )
    items = calendar_items(now, now + datetime.timedelta(days=days), params)
    seen: set[str] = set()
    result = []
    for item in items:
        if item.starts_at < now:
            continue
        key = item.url if item.kind == "training" else item.uid
        if key in seen:
            continue
        seen.add(key)
        result.append(item)
        if len(result) >= limit:
            break
    return result


def events_on_day(
    day: datetime.date,
    district_id: int | None,
    *,
    exclude_event_id: int | None = None,
) -> list[CalendarItem]:
    """Published trainings and events on ``day`` in the same district:
    "samma dag i samma område" while an association adds an event."""
    if district_id is None:
        return []
    slug = (
        District.objects.filter(pk=district_id).values_list("slug", flat=True).first()
    )
    if slug is None:
        return []
    params = CalendarParams(month=day.replace(day=1), filters={"omrade": slug})
    start = _local_midnight(day)
    items = calendar_items(
        start,
        start + datetime.timedelta(days=1),
        params,
        vocabulary()["omrade"]["labels"],
    )
    excluded = association_event_uid(exclude_event_id) if exclude_event_id else None
    return [item for item in items if item.uid != excluded]


@dataclass
class Clash:
    date: datetime.date
    district: str
    items: list[CalendarItem]

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def titles(self) -> str:
        return "; ".join(
            f"{timezone.localtime(i.starts_at):%H.%M} {i.title} ({i.organiser})"
            for i in self.items
        )


def clashes(days: int = 60, now: datetime.datetime | None = None) -> list[Clash]:
    """Days in the coming ``days`` with more than one event in one district."""
    now = now or timezone.now()
    start = _local_midnight(timezone.localtime(now).date())
    labels = vocabulary()["omrade"]["labels"]
    items = [
        i
        for i in calendar_items(
            start, start + datetime.timedelta(days=days + 1), None, labels
        )
        if i.district_id is not None
    ]
    items.sort(key=lambda i: (i.local_date, i.district, i.starts_at))
    result = []
    for (day, district), group in groupby(
        items, key=lambda i: (i.local_date, i.district)
    ):
        group = list(group)
        distinct = {i.url if i.kind == "training" else i.uid for i in group}
        if len(distinct) > 1:
            result.append(Clash(day, district, group))
    return result


__all__ = [
    "FACETS",
    "FREE_PARAM",
    "MONTH_PARAM",
    "CalendarDay",
    "CalendarItem",
    "CalendarParams",
    "Clash",
    "add_months",
    "calendar_items",
    "clashes",
    "events_on_day",
    "feed_items",
    "month_view",
    "parse_params",
    "this_month",
    "upcoming_events",
    "vocabulary",
]
