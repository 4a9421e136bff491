"""Emails that tell people what happened: access requested, review approved
or changes requested. Wagtail's own notifications tell the coordinators that
something waits for review."""

from __future__ import annotations

from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState

from core.emails import send_templated_email
from core.i18n import default_language

from ..models import AssociationPage, RegistrationApplication
from ..selectors.selfservice import coordinator_emails, representatives_of
from .links import EMAIL_DIR, absolute_url, login_link_context


def notify_access_requested(application: RegistrationApplication) -> None:
    association = application.association
    context = {
        "application": application,
        "association": association,
        "admin_url": absolute_url(
            reverse("wagtailadmin_pages:edit", args=[association.pk])
        ),
        "my_url": absolute_url(reverse("foreningar_selfservice:dashboard")),
    }
    recipients = coordinator_emails()
    if recipients:
        send_templated_email(
            f"{EMAIL_DIR}/access_requested",
            {**context, "for_coordinator": True},
            to=recipients,
            language=default_language(),
            reply_to=[application.applicant_email],
        )
    for representative in representatives_of(association):
        send_templated_email(
            f"{EMAIL_DIR}/access_requested",
            {**context, "for_coordinator": False},
            to=[representative.email],
            language=representative.language,
        )
    log(
        instance=association,
        action="foreningar.access_requested",
        data={"application_id": application.pk},
    )


def _reviewed_association(workflow_state: WorkflowState) -> AssociationPage | None:
    # Workflows also moderate snippets (other apps' models), which have no
    # ``specific``: only pages can be associations.
    obj = workflow_state.content_object
    page = obj.specific if isinstance(obj, Page) else None
    return page if isinstance(page, AssociationPage) else None


def handle_workflow_approved(workflow_state: WorkflowState) -> None:
    """Tell the representatives that the registration or change is live."""
    page = _reviewed_association(workflow_state)
    if page is None:
        return
    applications = RegistrationApplication.objects.filter(
        association=page,
        kind=RegistrationApplication.Kind.REGISTER,
        status__in=[
            RegistrationApplication.Status.SUBMITTED,
            RegistrationApplication.Status.REJECTED,
        ],
    )
    first_approval = applications.exists()
    applications.update(status=RegistrationApplication.Status.APPROVED)
    template = "registration_approved" if first_approval else "changes_approved"
    for representative in representatives_of(page):
        send_templated_email(
            f"{EMAIL_DIR}/{template}",
            {
                "representative": representative,
                "association": page,
                "public_url": absolute_url(page.url or ""),
                **login_link_context(representative, long=True),
            },
            to=[representative.email],
            language=representative.language,
        )


def handle_workflow_rejected(workflow_state: WorkflowState) -> None:
    """Tell the representatives what the coordinator wants changed."""
    page = _reviewed_association(workflow_state)
    if page is None:
        return
    task_state = workflow_state.current_task_state
    comment = task_state.comment if task_state else ""
    is_registration = not page.live
    if is_registration:
        RegistrationApplication.objects.filter(
            association=page, status=RegistrationApplication.Status.SUBMITTED
        ).update(status=RegistrationApplication.Status.REJECTED)
    for representative in representatives_of(page):
        send_templated_email(
            f"{EMAIL_DIR}/changes_rejected",
            {
                "representative": representative,
                "association": page,
                "comment": comment,
                "is_registration": is_registration,
                **login_link_context(representative, long=True),
            },
            to=[representative.email],
            language=representative.language,
        )
