"""What the coordinator sees on an association under review: who sent it
(name, email, role), whether it is a new registration or a change, and for a
change a link to Wagtail's comparison of the live and submitted revisions."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import PageLogEntry, WorkflowState

from .representatives import RegistrationApplication, Representative

CHANGE_SUBMITTED = "foreningar.profile_change_submitted"


@dataclass
class Submission:
    is_new: bool
    name: str
    email: str
    phone: str
    role: str
    submitted_at: object
    compare_url: str = ""


def _from_application(page) -> Submission | None:
    application = (
        RegistrationApplication.objects.filter(
            association_id=page.pk, kind=RegistrationApplication.Kind.REGISTER
        )
        .order_by("-created_at")
        .first()
    )
    if application is None:
        return None
    return Submission(
        is_new=True,
        name=application.applicant_name,
        email=application.applicant_email,
        phone=application.applicant_phone,
        role=application.applicant_role,
        submitted_at=application.confirmed_at or application.created_at,
    )


def _from_change_log(page) -> Submission | None:
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action=CHANGE_SUBMITTED)
        .order_by("-timestamp", "-pk")
        .first()
    )
    if entry is None:
        return None
    data = entry.data or {}
    representative = Representative.objects.filter(
        pk=data.get("representative_id")
    ).first()
    if representative is None:  # erased since; the log keeps only the name
        return Submission(
            is_new=False,
            name=data.get("representative_name") or str(_("(raderad representant)")),
            email="",
            phone="",
            role="",
            submitted_at=entry.timestamp,
        )
    link = representative.links.filter(association_id=page.pk).first()
    return Submission(
        is_new=False,
        name=representative.name,
        email=representative.email,
        phone=representative.phone,
        role=link.role if link else "",
        submitted_at=entry.timestamp,
    )


def pending_submission(page) -> Submission | None:
    """The submission behind the page's review in progress, if any. A page
    never published is a new registration; a live one, a change."""
    if page is None or not page.pk:
        return None
    state = (
        WorkflowState.objects.active()
        .for_instance(page)
        .select_related("current_task_state")
        .first()
    )
    if state is None:
        return None
    if page.live:
        submission = _from_change_log(page)
        if submission is not None:
            revision_id = (
                state.current_task_state.revision_id
                if state.current_task_state
                else None
            ) or page.latest_revision_id
            submission.compare_url = reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page.pk, "live", revision_id],
            )
        return submission
    return _from_application(page) or _from_change_log(page)


class SubmissionPanel(Panel):
    """Shown at the top of an association's edit view while it is reviewed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Granskning"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "foreningar/admin/submission_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.submission = pending_submission(self.instance)

        def is_shown(self):
            return self.submission is not None and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["submission"] = self.submission
            return context
