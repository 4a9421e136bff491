"""Read-side queries of self-service: who represents what, what waits for
review, possible duplicates of a registration, what is due a reminder."""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from wagtail.models import Page, PageLogEntry, WorkflowState

from core.i18n import current_language, page_url_in
from core.pages import first_in_tree
from core.text import skeleton
from home.services import COORDINATOR_GROUP, default_site_settings

from ..models import (
    AssociationPage,
    AssociationRegistrationPage,
    RegistrationApplication,
    Representative,
)

REMIND_AGAIN_AFTER = datetime.timedelta(days=30)


def verify_after_days() -> int:
    return getattr(settings, "FORENINGAR_VERIFY_AFTER_DAYS", 365)


def associations_for(representative: Representative) -> QuerySet[AssociationPage]:
    return AssociationPage.objects.filter(
        representative_links__representative=representative
    ).order_by("title")


def representatives_of(page: AssociationPage) -> list[Representative]:
    return [
        link.representative
        for link in page.representative_links.select_related("representative")
    ]


def active_workflow_state(page: Page) -> WorkflowState | None:
    return (
        WorkflowState.objects.active()
        .for_instance(page)
        .select_related("current_task_state")
        .first()
    )


def review_status(page: AssociationPage) -> dict:
    """What a representative sees about pending changes."""
    state = active_workflow_state(page)
    if state is None:
        return {"pending": False, "needs_changes": False, "comment": ""}
    comment = ""
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES and state.current_task_state:
        comment = state.current_task_state.comment
    return {
        "pending": state.status == WorkflowState.STATUS_IN_PROGRESS,
        "needs_changes": state.status == WorkflowState.STATUS_NEEDS_CHANGES,
        "comment": comment,
        "since": state.created_at,
    }


def org_id_locked(page: AssociationPage) -> bool:
    """Once approved (published at least once), only the coordinator changes it."""
    return page.first_published_at is not None


def registration_page() -> AssociationRegistrationPage | None:
    return first_in_tree(AssociationRegistrationPage.objects.live())


def registration_page_url() -> str:
    """The registration form's address in the reader's language."""
    page = registration_page()
    return page_url_in(page, current_language()) if page else ""


@dataclass
class DuplicateMatch:
    """A possible duplicate as the public registration form may show it.

    ``key`` is what the "this is us" button sends back ("org" for the same
    organisation number, else the public page's id). An association the public
    cannot see is never named: ``association`` is for the server side only and
    ``public`` says whether the template may show its name and link."""

    key: str
    association: AssociationPage
    by_org_id: bool
    public: bool


_NAME_NOISE = re.compile(
    r"\b(förening(en)?|föreningen|rf|r\.f\.|ry|r\.y\.|ideell|ideella|ek|klubb)\b"
)


def comparable_name(name: str) -> str:
    """A name as duplicate detection compares it: look-alike letters from other
    scripts folded (Cyrillic а = Latin a), invisible characters dropped, the
    words every association has (förening, rf, ry …) left out."""
    name = skeleton(name)
    return " ".join(_NAME_NOISE.sub(" ", name).split())


def find_duplicates(
    title: str, town: str, org_id_kind: str, org_id: str
) -> list[DuplicateMatch]:
    """Associations the registration may duplicate: any one with the same
    organisation number (unique, so registration cannot go on), and public
    ones with a near-identical name in the same town. Non-public ones are
    only found by number and never named."""
    matches: list[DuplicateMatch] = []
    if org_id_kind and org_id:
        same_number = AssociationPage.objects.filter(
            org_id_kind=org_id_kind, org_id=org_id
        ).first()
        if same_number is not None:
            matches.append(
                DuplicateMatch(
                    "org",
                    same_number,
                    by_org_id=True,
                    public=AssociationPage.objects.listed()
                    .filter(pk=same_number.pk)
                    .exists(),
                )
            )
    wanted_name = comparable_name(title)
    wanted_town = comparable_name(town)
    if wanted_name and wanted_town:
        candidates = AssociationPage.objects.listed().values_list("pk", "title", "town")
        close = [
            pk
            for pk, other_title, other_town in candidates.iterator()
            if comparable_name(other_town) == wanted_town
            and difflib.SequenceMatcher(
                None, wanted_name, comparable_name(other_title)
            ).ratio()
            >= 0.9
        ]
        seen = {match.association.pk for match in matches}
        for page in AssociationPage.objects.filter(pk__in=close).order_by("title"):
            if page.pk not in seen:
                matches.append(
                    DuplicateMatch(str(page.pk), page, by_org_id=False, public=True)
                )
    return matches


def coordinator_emails() -> list[str]:
    """Where notices for the coordinator go: the Koordinatorer group's members,
    and the contact address in the site settings."""
    emails = set(
        get_user_model()
        .objects.filter(groups__name=COORDINATOR_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    site_settings = default_site_settings()
    if site_settings is not None and site_settings.email:
        emails.add(site_settings.email)
    return sorted(emails)


def associations_due_for_reminder(now: datetime.datetime) -> QuerySet[AssociationPage]:
    stale = now - datetime.timedelta(days=verify_after_days())
    recently = now - REMIND_AGAIN_AFTER
    return (
        AssociationPage.objects.live()
        .filter(
            Q(last_verified_at__lt=stale)
            | Q(last_verified_at__isnull=True, first_published_at__lt=stale)
        )
        .filter(representative_links__isnull=False)
        .exclude(verification_reminder__reminder_sent_at__gte=recently)
        .distinct()
    )


def pending_access_requests(limit: int = 10):
    """Requests for access waiting for the coordinator, oldest first, and how
    many there are in all (two queries)."""
    queryset = RegistrationApplication.objects.filter(
        kind=RegistrationApplication.Kind.ACCESS,
        status=RegistrationApplication.Status.ACCESS_REQUESTED,
        association__isnull=False,
    ).order_by("created_at")
    return list(queryset.select_related("association")[:limit]), queryset.count()


SUBMITTED_ACTIONS = (
    "foreningar.registration_confirmed",
    "foreningar.profile_change_submitted",
)
# A review starts within moments of the submission it follows.
SUBMISSION_SLACK = datetime.timedelta(minutes=1)


def requesters_for(workflow_states) -> dict[int, str]:
    """The representative behind each page review that no user account started
    (``requested_by`` is empty): the name in the submission's log entry. One
    query for the lot."""
    page_type = ContentType.objects.get_for_model(Page)
    states = [
        state
        for state in workflow_states
        if state.requested_by_id is None and state.base_content_type_id == page_type.pk
    ]
    if not states:
        return {}
    entries: dict[int, list] = {}
    for entry in PageLogEntry.objects.filter(
        page_id__in={int(state.object_id) for state in states},
        action__in=SUBMITTED_ACTIONS,
    ).order_by("-timestamp"):
        entries.setdefault(entry.page_id, []).append(entry)
    names = {}
    for state in states:
        for entry in entries.get(int(state.object_id), []):
            if entry.timestamp <= state.created_at + SUBMISSION_SLACK:
                names[state.pk] = (entry.data or {}).get("representative_name", "")
                break
    return names
