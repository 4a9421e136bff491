"""The representatives' view of their associations' events."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from wagtail.models import WorkflowState

from foreningar.models import AssociationPage, Representative

from ..models import AssociationEvent


def events_of(associations: list[AssociationPage]) -> QuerySet[AssociationEvent]:
    return (
        AssociationEvent.objects.filter(association__in=associations)
        .select_related("association", "district")
        .order_by("-starts_at", "-pk")
    )


def own_event(representative: Representative, event_id: int) -> AssociationEvent | None:
    """The event if it belongs to one of the representative's associations."""
    return (
        AssociationEvent.objects.filter(
            pk=event_id,
            association__representative_links__representative=representative,
        )
        .select_related("association")
        .first()
    )


@dataclass
class EventStatus:
    event: AssociationEvent
    pending: bool  # waiting for the coordinator
    needs_changes: bool
    comment: str

    @property
    def published(self) -> bool:
        return self.event.live


def with_status(events: list[AssociationEvent]) -> list[EventStatus]:
    """Each event with its review state: one query for all of them."""
    content_type = ContentType.objects.get_for_model(AssociationEvent)
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(
            base_content_type=content_type,
            object_id__in=[str(event.pk) for event in events],
        )
        .select_related("current_task_state")
    }
    result = []
    for event in events:
        state = states.get(event.pk)
        needs_changes = bool(
            state and state.status == WorkflowState.STATUS_NEEDS_CHANGES
        )
        comment = ""
        if needs_changes and state.current_task_state:
            comment = state.current_task_state.comment
        result.append(
            EventStatus(
                event,
                pending=bool(
                    state and state.status == WorkflowState.STATUS_IN_PROGRESS
                ),
                needs_changes=needs_changes,
                comment=comment,
            )
        )
    return result
