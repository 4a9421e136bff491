"""The training pages' queryset: schedule and seat annotations that lists
filter and sort on in the database."""

from __future__ import annotations

import datetime

from django.apps import apps
from django.db.models import Count, DateTimeField, F, Max, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet


def _participants_of_group(status: str):
    """A correlated count of a training's participants with ``status``: sign-ups
    are kept on the original page of a translation group, so count by
    translation key."""
    from .participants import Participant

    return Coalesce(
        Subquery(
            Participant.objects.filter(
                event__translation_key=OuterRef("translation_key"), status=status
            )
            .order_by()
            .values("event__translation_key")
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        0,
    )


class TrainingEventPageQuerySet(PageQuerySet):
    def with_schedule(self) -> TrainingEventPageQuerySet:
        """``first_start`` and ``last_end`` of the sessions, and when sign-up
        closes (``signup_ends``: the closing time or the start, whichever is
        first)."""
        session_model = apps.get_model("trainings", "TrainingSession")
        sessions = session_model.objects.filter(page=OuterRef("pk")).order_by()
        first = Subquery(
            sessions.values("page").annotate(v=Min("starts_at")).values("v")[:1],
            output_field=DateTimeField(),
        )
        last = Subquery(
            sessions.values("page").annotate(v=Max("ends_at")).values("v")[:1],
            output_field=DateTimeField(),
        )
        return self.annotate(first_start=first, last_end=last).annotate(
            signup_ends=Least(
                Coalesce("signup_closes", "first_start"), F("first_start")
            )
        )

    def with_seats(self) -> TrainingEventPageQuerySet:
        """``confirmed_count`` and ``waitlist_count`` of the translation group."""
        from .participants import Participant

        return self.annotate(
            confirmed_count=_participants_of_group(Participant.Status.CONFIRMED),
            waitlist_count=_participants_of_group(Participant.Status.WAITLISTED),
        )

    def upcoming(self, now: datetime.datetime | None = None):
        """Trainings that have not ended (needs ``with_schedule``)."""
        return self.filter(last_end__gte=now or timezone.now())

    def past(self, now: datetime.datetime | None = None):
        return self.filter(last_end__lt=now or timezone.now())

    def open_for_signup(self, now: datetime.datetime | None = None):
        """Sign-up window open now (seats not considered; needs
        ``with_schedule``)."""
        now = now or timezone.now()
        return self.filter(
            Q(signup_opens__isnull=True) | Q(signup_opens__lte=now),
            signup_ends__gt=now,
        )


class TrainingEventPageManager(PageManager.from_queryset(TrainingEventPageQuerySet)):
    pass
