"""Emails that tell people what happened: access requested, review approved
or changes requested. Wagtail's own notifications tell the coordinators that
something waits for review."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState

from core.emails import send_templated_email
from core.i18n import default_language, page_url_in
from core.workflow_mail import WorkflowEmail

from ..models import AssociationPage, RegistrationApplication
from ..models.review import pending_submission
from ..selectors.selfservice import coordinator_emails, representatives_of
from .links import EMAIL_DIR, absolute_url, login_link_context

# The access request in the admin (foreningar.views.admin.AccessRequestViewSet).
ACCESS_REQUEST_ADMIN_URL = "atkomstbegaranden:inspect"


def email_representatives(
    association: AssociationPage, name: str, context: dict | None = None
) -> None:
    """Email every representative of the association, each in their own
    language and with their own fresh login link (valid for a week)."""
    for representative in representatives_of(association):
        send_templated_email(
            f"{EMAIL_DIR}/{name}",
            {
                "representative": representative,
                "association": association,
                "public_url": absolute_url(
                    page_url_in(association, representative.language)
                ),
                **(context or {}),
                **login_link_context(representative, long=True),
            },
            to=[representative.email],
            language=representative.language,
        )


def _my_url(language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("foreningar_selfservice:dashboard"))


def notify_access_requested(application: RegistrationApplication) -> None:
    association = application.association
    context = {
        "application": application,
        "association": association,
        "admin_url": absolute_url(
            reverse(ACCESS_REQUEST_ADMIN_URL, args=[application.pk])
        ),
    }
    recipients = coordinator_emails()
    if recipients:
        send_templated_email(
            f"{EMAIL_DIR}/access_requested",
            {**context, "for_coordinator": True, "my_url": _my_url(default_language())},
            to=recipients,
            language=default_language(),
            reply_to=[application.applicant_email],
        )
    for representative in representatives_of(association):
        send_templated_email(
            f"{EMAIL_DIR}/access_requested",
            {
                **context,
                "for_coordinator": False,
                "my_url": _my_url(representative.language),
            },
            to=[representative.email],
            language=representative.language,
        )
    log(
        instance=association,
        action="foreningar.access_requested",
        data={
            "application_id": application.pk,
            "representative_name": application.applicant_name,
        },
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
    email_representatives(
        page, "registration_approved" if first_approval else "changes_approved"
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
    email_representatives(
        page,
        "changes_rejected",
        {"comment": comment, "is_registration": is_registration},
    )


def review_email(event: str, instance, user=None) -> WorkflowEmail | None:
    """The coordinators' message about an association's review (the
    ``core.hooks.WORKFLOW_EMAILS`` hook): what happened and to which
    association in the subject, who sent it, a link straight to the review."""
    workflow_state = getattr(instance, "workflow_state", instance)
    if not isinstance(workflow_state, WorkflowState):
        return None
    page = _reviewed_association(workflow_state)
    if page is None:
        return None
    submission = pending_submission(page) if event == "submitted" else None
    is_new = submission.is_new if submission else not page.first_published_at
    comment = ""
    if event == "rejected" and workflow_state.current_task_state:
        comment = workflow_state.current_task_state.comment
    return WorkflowEmail(
        f"foreningar/emails/review_{event}",
        {
            "association": page,
            "submission": submission,
            "is_new": is_new,
            "comment": comment,
            "review_url": absolute_url(
                reverse("wagtailadmin_pages:edit", args=[page.pk])
            ),
            "compare_url": absolute_url(submission.compare_url)
            if submission and submission.compare_url
            else "",
            "public_url": absolute_url(page.url or "") if page.live else "",
        },
    )
