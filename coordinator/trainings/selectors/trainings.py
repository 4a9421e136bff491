"""Read-side queries of the trainings: the list, one training's seats and
its participants. Fixed query counts, whatever the number of trainings or
participants."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.i18n import attach_locale, localize_pages
from home.selectors import exclude_non_public

from ..models import (
    Participant,
    SignupState,
    TrainingEventPage,
    TrainingSession,
    signup_state_for,
)

PAST_LIMIT = 12


def originals(queryset: QuerySet) -> QuerySet:
    """One page per translation group: the original, which holds the sign-ups
    and the schedule."""
    return queryset.filter(
        pk__in=TrainingEventPage.objects.order_by()
        .values("translation_key")
        .annotate(first=Min("pk"))
        .values("first")
    )


def public_trainings() -> QuerySet:
    """Live trainings the public may see, one per translation group."""
    return originals(exclude_non_public(TrainingEventPage.objects.live().public()))


@dataclass
class TrainingCard:
    page: TrainingEventPage  # in the reader's language where translated
    event: TrainingEventPage  # the original
    first_start: datetime.datetime | None
    last_end: datetime.datetime | None
    session_count: int
    confirmed: int
    waitlisted: int
    state: SignupState

    @property
    def seats_left(self) -> int:
        return max(self.event.capacity - self.confirmed, 0)

    @property
    def fill_percent(self) -> int:
        if not self.event.capacity:
            return 0
        return round(100 * self.confirmed / self.event.capacity)


def _cards(
    pages: list[TrainingEventPage], now: datetime.datetime
) -> list[TrainingCard]:
    translated = {p.translation_key: p for p in localize_pages(pages)}
    for page in translated.values():
        attach_locale(page)  # templates read page.locale: no query per card
    return [
        TrainingCard(
            page=translated.get(event.translation_key, event),
            event=event,
            first_start=event.first_start,
            last_end=event.last_end,
            session_count=event.session_count or 0,
            confirmed=event.confirmed_count,
            waitlisted=event.waitlist_count,
            state=signup_state_for(
                event,
                first_start=event.first_start,
                last_end=event.last_end,
                confirmed=event.confirmed_count,
                now=now,
            ),
        )
        for event in pages
    ]


def _with_session_count(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(
        session_count=Coalesce(
            Subquery(
                TrainingSession.objects.filter(page=OuterRef("pk"))
                .order_by()
                .values("page")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            0,
        )
    )


def training_cards(
    queryset: QuerySet,
    now: datetime.datetime | None = None,
    limit: int | None = None,
) -> list[TrainingCard]:
    """Cards for trainings filtered and ordered (needs with_schedule)."""
    now = now or timezone.now()
    queryset = _with_session_count(queryset.with_seats())
    if limit is not None:
        queryset = queryset[:limit]
    return _cards(list(queryset), now)


def training_list(
    now: datetime.datetime | None = None,
) -> tuple[list[TrainingCard], list[TrainingCard]]:
    """Coming trainings (soonest first) and the latest past ones."""
    now = now or timezone.now()
    base = public_trainings().with_schedule().filter(first_start__isnull=False)
    coming = training_cards(base.upcoming(now).order_by("first_start", "pk"), now)
    past = training_cards(
        base.past(now).order_by("-first_start", "-pk"), now, limit=PAST_LIMIT
    )
    return coming, past


def seat_counts(event: TrainingEventPage) -> dict[str, int]:
    """Confirmed, waitlisted and cancelled sign-ups of a training, one query."""
    counts = Participant.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=Participant.Status.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=Participant.Status.WAITLISTED)),
        cancelled=Count("pk", filter=Q(status=Participant.Status.CANCELLED)),
    )
    return {key: value or 0 for key, value in counts.items()}


def participants_by_status(event: TrainingEventPage) -> dict[str, list[Participant]]:
    """The training's participants in queue order, by status, one query."""
    grouped: dict[str, list[Participant]] = {
        status: [] for status in Participant.Status.values
    }
    for participant in (
        Participant.objects.filter(event=event)
        .select_related("association")
        .order_by("pk")
    ):
        grouped[participant.status].append(participant)
    return grouped


def admin_trainings(
    now: datetime.datetime | None = None, limit: int = 5
) -> list[TrainingCard]:
    """Coming trainings for the coordinator's dashboard (drafts included)."""
    now = now or timezone.now()
    queryset = (
        originals(TrainingEventPage.objects.all())
        .with_schedule()
        .filter(last_end__gte=now)
        .order_by("first_start", "pk")
    )
    return training_cards(queryset, now, limit=limit)


SUGGESTION_LIMIT = 5


def association_matches(name: str) -> tuple[Any, list[Any]]:
    """The register's association named exactly ``name`` (case and spacing
    ignored), else up to five whose name contains its longest word: what a
    person typed, matched without JavaScript. Listed associations only."""
    from core.params import clean_text
    from foreningar.models import AssociationPage

    # Raw form input: no control characters (PostgreSQL refuses NUL).
    name = clean_text(name or "", 200)
    if not name:
        return None, []
    listed = AssociationPage.objects.listed().in_default_locale()
    exact = listed.filter(title__iexact=name).order_by("pk").first()
    if exact is not None:
        return exact, []
    words = sorted((w for w in name.split() if len(w) >= 3), key=len, reverse=True)
    if not words:
        return None, []
    return None, list(
        listed.filter(title__icontains=words[0]).order_by("title")[:SUGGESTION_LIMIT]
    )
