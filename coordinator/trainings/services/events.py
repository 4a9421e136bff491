"""The associations' own events: added and changed by their representatives,
approved in Wagtail's workflow (the coordinators' group approval task), or
published at once for associations the coordinator trusts."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)

from core.emails import send_templated_email
from foreningar.models import AssociationPage, Representative
from foreningar.selectors.selfservice import representatives_of
from foreningar.services.workflow import REVIEW_TASK_NAME, ensure_review_workflow

from ..models import AssociationEvent, TrainingSettings
from .links import EMAIL_DIR, absolute_url

EVENT_WORKFLOW_NAME = "Granskning av föreningarnas evenemang"
EVENT_FIELDS = (
    "title",
    "starts_at",
    "ends_at",
    "place_name",
    "street_address",
    "district",
    "description",
    "open_to_all",
    "free_of_charge",
    "link",
    "language",
)
EVENT_M2M_FIELDS = ("activity_areas", "target_groups")


@transaction.atomic
def ensure_event_workflow() -> Workflow:
    """The workflow for association events: the register's approval task (the
    coordinators), assigned to the AssociationEvent model. Idempotent; a
    workflow the coordinator chose for the model is kept."""
    ensure_review_workflow()
    task = GroupApprovalTask.objects.get(name=REVIEW_TASK_NAME)
    workflow, _ = Workflow.objects.get_or_create(name=EVENT_WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    content_type = ContentType.objects.get_for_model(AssociationEvent)
    WorkflowContentType.objects.get_or_create(
        content_type=content_type, defaults={"workflow": workflow}
    )
    return workflow


def is_trusted(association: AssociationPage) -> bool:
    """The coordinator lets this association publish without review."""
    return (
        TrainingSettings.load()
        .trusted_associations.filter(association=association)
        .exists()
    )


def _submit(event: AssociationEvent) -> None:
    state = event.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=None)
        return
    if state:
        state.cancel(user=None)
    fallback = ensure_event_workflow()
    workflow = event.get_workflow() or fallback
    workflow.start(event, None)


@transaction.atomic
def save_association_event(
    *,
    association: AssociationPage,
    representative: Representative,
    values: dict[str, Any],
    event: AssociationEvent | None = None,
) -> tuple[AssociationEvent, bool]:
    """Store a new event or a change as a revision; publish it at once for a
    trusted association, else send it to the coordinator's review. Returns
    the event and whether it was published."""
    if event is None:
        event = AssociationEvent(
            association=association, created_by=representative, live=False
        )
    for name in EVENT_FIELDS:
        if name in values:
            setattr(event, name, values[name])
    for name in EVENT_M2M_FIELDS:
        if name in values:
            setattr(event, name, list(values[name]))
    if not event.live:
        # A draft's row holds the draft; a live event's row keeps what the
        # calendar shows until the change is approved.
        event.save()
    revision = event.save_revision(user=None, log_action=True)
    log(
        instance=event,
        action="trainings.event_submitted",
        data={"representative_id": representative.pk},
    )
    if is_trusted(association):
        state = event.current_workflow_state
        if state:
            state.cancel(user=None)
        revision.publish(user=None)
        return event, True
    _submit(event)
    return event, False


@transaction.atomic
def delete_association_event(
    event: AssociationEvent, representative: Representative
) -> None:
    log(
        instance=event,
        action="wagtail.delete",
        data={"representative_id": representative.pk},
    )
    event.delete()


def _notify_representatives(event: AssociationEvent, template: str, **extra) -> None:
    from django.urls import reverse
    from django.utils import translation

    for representative in representatives_of(event.association):
        with translation.override(representative.language):
            url = absolute_url(reverse("trainings_selfservice:events"))
        send_templated_email(
            f"{EMAIL_DIR}/{template}",
            {
                "representative": representative,
                "event": event,
                "events_url": url,
                **extra,
            },
            to=[representative.email],
            language=representative.language,
        )


def reviewed_event(workflow_state: WorkflowState) -> AssociationEvent | None:
    obj = workflow_state.content_object
    return obj if isinstance(obj, AssociationEvent) else None


def handle_event_approved(workflow_state: WorkflowState) -> None:
    event = reviewed_event(workflow_state)
    if event is not None:
        event.refresh_from_db()
        _notify_representatives(event, "event_published")


def handle_event_rejected(workflow_state: WorkflowState) -> None:
    event = reviewed_event(workflow_state)
    if event is None:
        return
    task_state = workflow_state.current_task_state
    _notify_representatives(
        event,
        "event_changes_requested",
        comment=task_state.comment if task_state else "",
    )
