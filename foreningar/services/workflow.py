"""The coordinator's review of registrations and profile changes: Wagtail's
workflow with one group approval task."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from home.services import COORDINATOR_GROUP, ensure_coordinator_group

from ..models import AssociationIndexPage, AssociationPage
from ..selectors.selfservice import active_workflow_state

REVIEW_WORKFLOW_NAME = "Granskning av föreningsuppgifter"
REVIEW_TASK_NAME = "Koordinatorn granskar föreningsuppgifter"


@transaction.atomic
def ensure_review_workflow() -> Workflow:
    """Create (or repair) the review workflow with one group approval task for
    the coordinators, assigned to every association register. Idempotent."""
    group = Group.objects.filter(name=COORDINATOR_GROUP).first()
    if group is None:
        site = Site.objects.filter(is_default_site=True).first()
        root = site.root_page if site else Page.get_first_root_node()
        group = ensure_coordinator_group(root)
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index_page in AssociationIndexPage.objects.all():
        if not WorkflowPage.objects.filter(page=index_page).exists():
            WorkflowPage.objects.create(page=index_page, workflow=workflow)
    return workflow


def submit_for_review(page: AssociationPage) -> WorkflowState:
    """Submit the page's latest revision to the review workflow: resume it after
    "request changes", restart it if a review is already under way."""
    state = active_workflow_state(page)
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=None)
        return state
    if state:
        state.cancel(user=None)
    # Make sure the register has its review workflow (a coordinator's own
    # choice of workflow on the register is kept).
    fallback = ensure_review_workflow()
    workflow = page.get_workflow() or fallback
    return workflow.start(page, None)
