"""Self-service domain actions. Views, forms, signal handlers and the reminder
command stay thin and call these."""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Page,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.search import index as search_index

from home.emails import queue_templated_email
from home.services import COORDINATOR_GROUP, ensure_coordinator_group

from ..models import (
    ActivityArea,
    ActivityLanguage,
    AssociationIndexPage,
    AssociationPage,
    AssociationRegistrationPage,
    District,
    LoginToken,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
    TargetGroup,
    VerificationReminder,
)
from . import tokens

REVIEW_WORKFLOW_NAME = "Granskning av föreningsuppgifter"
REVIEW_TASK_NAME = "Koordinatorn granskar föreningsuppgifter"
LOGO_COLLECTION_NAME = "Föreningslogotyper"
SESSION_KEY = "foreningar_representative_id"
EMAIL_DIR = "foreningar/selfservice/emails"
REMIND_AGAIN_AFTER = datetime.timedelta(days=30)

# Association fields an applicant or representative may set, by kind.
TEXT_FIELDS = (
    "title",
    "short_description",
    "description",
    "meeting_place_name",
    "street_address",
    "postcode",
    "town",
    "meeting_times",
    "public_email",
    "public_phone",
    "website",
)
M2M_MODELS = {
    "activity_areas": ActivityArea,
    "target_groups": TargetGroup,
    "districts": District,
    "languages": ActivityLanguage,
}


def verify_after_days() -> int:
    return getattr(settings, "FORENINGAR_VERIFY_AFTER_DAYS", 365)


def absolute_url(path: str) -> str:
    return settings.SITE_URL + path


class SelfServiceError(Exception):
    """An action the user asked for that cannot be done; the message says why."""


class LastRepresentativeError(SelfServiceError):
    pass


# --- Workflow -----------------------------------------------------------------


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


def _active_workflow_state(page: Page) -> WorkflowState | None:
    return (
        WorkflowState.objects.active()
        .for_instance(page)
        .select_related("current_task_state")
        .first()
    )


def submit_for_review(page: AssociationPage) -> WorkflowState:
    """Submit the page's latest revision to the review workflow: resume it after
    "request changes", restart it if a review is already under way."""
    state = _active_workflow_state(page)
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


def review_status(page: AssociationPage) -> dict:
    """What a representative sees about pending changes."""
    state = _active_workflow_state(page)
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


# --- Registration ---------------------------------------------------------------


@dataclass
class Applicant:
    name: str
    email: str
    phone: str
    role: str


@dataclass
class DuplicateMatch:
    association: AssociationPage
    by_org_id: bool
    reasons: list[str] = field(default_factory=list)


_NAME_NOISE = re.compile(
    r"\b(förening(en)?|föreningen|rf|r\.f\.|ry|r\.y\.|ideell|ideella|ek|klubb)\b"
)


def _comparable(name: str) -> str:
    name = unicodedata.normalize("NFKC", name or "").casefold()
    name = _NAME_NOISE.sub(" ", name)
    name = re.sub(r"[^\w]+", " ", name)
    return " ".join(name.split())


def find_duplicates(
    title: str, town: str, org_id_kind: str, org_id: str
) -> list[DuplicateMatch]:
    """Existing associations with the same identifier, or a near-identical name
    in the same town."""
    matches: dict[int, DuplicateMatch] = {}
    if org_id_kind and org_id:
        for page in AssociationPage.objects.filter(
            org_id_kind=org_id_kind, org_id=org_id
        ):
            matches[page.pk] = DuplicateMatch(page, by_org_id=True)
    wanted_name = _comparable(title)
    wanted_town = _comparable(town)
    if wanted_name and wanted_town:
        candidates = AssociationPage.objects.values_list("pk", "title", "town")
        close = [
            pk
            for pk, other_title, other_town in candidates.iterator()
            if _comparable(other_town) == wanted_town
            and difflib.SequenceMatcher(
                None, wanted_name, _comparable(other_title)
            ).ratio()
            >= 0.9
        ]
        for page in AssociationPage.objects.filter(pk__in=close):
            matches.setdefault(page.pk, DuplicateMatch(page, by_org_id=False))
    return list(matches.values())


def _consent_fields(registration_page: AssociationRegistrationPage) -> dict:
    return {
        "consent_version": registration_page.privacy_version,
        "consent_text_hash": registration_page.privacy_text_hash,
        "consented_at": timezone.now(),
    }


def register_association(
    *,
    data: dict,
    applicant: Applicant,
    registration_page: AssociationRegistrationPage,
    language: str = "sv",
) -> RegistrationApplication:
    """Store the application with the consent given and email a 48-hour
    verification link. Nothing is created in the register until then."""
    application = RegistrationApplication.objects.create(
        kind=RegistrationApplication.Kind.REGISTER,
        data=data,
        applicant_name=applicant.name,
        applicant_email=applicant.email.lower(),
        applicant_phone=applicant.phone,
        applicant_role=applicant.role,
        language=language,
        **_consent_fields(registration_page),
    )
    send_verification_email(application, registration_page)
    return application


def request_access(
    *,
    association: AssociationPage,
    data: dict,
    applicant: Applicant,
    registration_page: AssociationRegistrationPage,
    language: str = "sv",
) -> RegistrationApplication:
    """Det här är vi: once the email is confirmed, the coordinator and the
    association's representatives are told who asks for access."""
    application = RegistrationApplication.objects.create(
        kind=RegistrationApplication.Kind.ACCESS,
        association=association,
        data=data,
        applicant_name=applicant.name,
        applicant_email=applicant.email.lower(),
        applicant_phone=applicant.phone,
        applicant_role=applicant.role,
        language=language,
        **_consent_fields(registration_page),
    )
    send_verification_email(application, registration_page)
    return application


def send_verification_email(
    application: RegistrationApplication,
    registration_page: AssociationRegistrationPage,
) -> None:
    token = tokens.make_verification_token(application.pk)
    path = registration_page.url + registration_page.reverse_subpage(
        "confirm", args=[token]
    )
    queue_templated_email(
        f"{EMAIL_DIR}/verify_email",
        {
            "application": application,
            "url": absolute_url(path),
            "new_link_url": absolute_url(
                registration_page.url + registration_page.reverse_subpage("new_link")
            ),
            "valid_hours": int(tokens.VERIFY_VALID_FOR.total_seconds() // 3600),
        },
        to=[application.applicant_email],
        language=application.language,
    )


def resend_verification(
    email: str, registration_page: AssociationRegistrationPage
) -> None:
    """Email a fresh link for the latest unconfirmed application from this
    address, if there is one. The caller answers the same either way."""
    recent = timezone.now() - datetime.timedelta(days=30)
    application = (
        RegistrationApplication.objects.filter(
            applicant_email=email.strip().lower(),
            status=RegistrationApplication.Status.UNCONFIRMED,
            created_at__gte=recent,
        )
        .order_by("-created_at")
        .first()
    )
    if application is not None:
        send_verification_email(application, registration_page)


def registration_page_url() -> str:
    page = AssociationRegistrationPage.objects.live().order_by("path").first()
    return page.url if page else ""


def get_application_for_token(token: str) -> RegistrationApplication:
    application_id = tokens.read_verification_token(token)
    application = RegistrationApplication.objects.filter(pk=application_id).first()
    if application is None:
        raise tokens.LinkError("invalid")
    return application


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(title)[:70].strip("-") or "forening"
    taken = set(
        Page.objects.child_of(parent)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def _register_index() -> AssociationIndexPage:
    index_page = (
        AssociationIndexPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        )
        .order_by("path")
        .first()
    )
    if index_page is None:
        raise SelfServiceError("No association register (AssociationIndexPage).")
    return index_page


def _get_or_create_representative(
    email: str, name: str, phone: str, language: str
) -> Representative:
    representative, created = Representative.objects.get_or_create(
        email=email.strip().lower(),
        defaults={"name": name, "phone": phone, "language": language},
    )
    return representative


@transaction.atomic
def confirm_email(application: RegistrationApplication) -> RegistrationApplication:
    """The applicant opened the link. A registration becomes a draft page under
    the register, submitted to the review workflow (Wagtail notifies the
    coordinators); a request for access is passed on to the coordinator and
    the association's representatives."""
    application = RegistrationApplication.objects.select_for_update().get(
        pk=application.pk
    )
    if application.status != RegistrationApplication.Status.UNCONFIRMED:
        raise tokens.LinkError("used")
    application.confirmed_at = timezone.now()
    if application.kind == RegistrationApplication.Kind.ACCESS:
        # No representative yet: the coordinator or the association decides.
        application.status = RegistrationApplication.Status.ACCESS_REQUESTED
        application.save()
        if application.association is not None:
            _notify_access_requested(application)
        return application

    representative = _get_or_create_representative(
        application.applicant_email,
        application.applicant_name,
        application.applicant_phone,
        application.language,
    )
    application.representative = representative
    page = _create_draft_association(application.data)
    RepresentativeLink.objects.create(
        representative=representative,
        association=page,
        role=application.applicant_role,
    )
    application.association = page
    application.status = RegistrationApplication.Status.SUBMITTED
    application.save()
    log(
        instance=page,
        action="foreningar.registration_confirmed",
        data={"application_id": application.pk, "representative_id": representative.pk},
    )
    submit_for_review(page)
    return application


def _create_draft_association(data: dict) -> AssociationPage:
    index_page = _register_index()
    ensure_review_workflow()
    page = AssociationPage(
        slug=_unique_slug(index_page, data["title"]),
        live=False,
        has_unpublished_changes=True,
        org_id_kind=data.get("org_id_kind", ""),
        org_id=data.get("org_id", ""),
        last_verified_at=timezone.now(),
        **{name: data.get(name, "") for name in TEXT_FIELDS},
    )
    for name, model in M2M_MODELS.items():
        getattr(page, name).set(model.objects.filter(pk__in=data.get(name) or []))
    try:
        with transaction.atomic():
            index_page.add_child(instance=page)
    except (ValidationError, IntegrityError) as error:
        # Someone registered the same organisation number in the meantime.
        raise SelfServiceError(str(error)) from error
    log(instance=page, action="wagtail.create")
    page.save_revision(user=None, log_action=False)
    return page


def _notify_access_requested(application: RegistrationApplication) -> None:
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
        queue_templated_email(
            f"{EMAIL_DIR}/access_requested",
            {**context, "for_coordinator": True},
            to=recipients,
            language="sv",
            reply_to=[application.applicant_email],
        )
    for link in association.representative_links.select_related("representative"):
        queue_templated_email(
            f"{EMAIL_DIR}/access_requested",
            {**context, "for_coordinator": False},
            to=[link.representative.email],
            language=link.representative.language or "sv",
        )
    log(
        instance=association,
        action="foreningar.access_requested",
        data={"application_id": application.pk},
    )


def coordinator_emails() -> list[str]:
    """Where notices for the coordinator go: the Koordinatorer group's members,
    and the contact address in the site settings."""
    emails = set(
        get_user_model()
        .objects.filter(groups__name=COORDINATOR_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        site_settings = SiteSettings.for_site(site)
        if site_settings.email:
            emails.add(site_settings.email)
    return sorted(emails)


# --- Review outcome (connected to Wagtail's workflow signals) --------------------


def _representatives(page: AssociationPage) -> list[Representative]:
    return [
        link.representative
        for link in page.representative_links.select_related("representative")
    ]


def handle_workflow_approved(workflow_state: WorkflowState) -> None:
    page = workflow_state.content_object.specific
    if not isinstance(page, AssociationPage):
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
    purpose = LoginToken.Purpose.WELCOME
    for representative in _representatives(page):
        queue_templated_email(
            f"{EMAIL_DIR}/{'registration_approved' if first_approval else 'changes_approved'}",
            {
                "representative": representative,
                "association": page,
                "public_url": absolute_url(page.url or ""),
                **login_link_context(representative, purpose),
            },
            to=[representative.email],
            language=representative.language or "sv",
        )


def handle_workflow_rejected(workflow_state: WorkflowState) -> None:
    page = workflow_state.content_object.specific
    if not isinstance(page, AssociationPage):
        return
    task_state = workflow_state.current_task_state
    comment = task_state.comment if task_state else ""
    is_registration = not page.live
    if is_registration:
        RegistrationApplication.objects.filter(
            association=page, status=RegistrationApplication.Status.SUBMITTED
        ).update(status=RegistrationApplication.Status.REJECTED)
    for representative in _representatives(page):
        queue_templated_email(
            f"{EMAIL_DIR}/changes_rejected",
            {
                "representative": representative,
                "association": page,
                "comment": comment,
                "is_registration": is_registration,
                **login_link_context(representative, LoginToken.Purpose.WELCOME),
            },
            to=[representative.email],
            language=representative.language or "sv",
        )


# --- Login ------------------------------------------------------------------------


def login_link_context(representative: Representative, purpose: str) -> dict:
    """A fresh single-use login link and how long it is valid, for an email."""
    token = tokens.make_login_token(representative, purpose)
    with translation.override(representative.language or "sv"):
        path = reverse("foreningar_selfservice:login_token", args=[token])
    valid_for = tokens.LINK_VALIDITY[purpose]
    return {
        "login_url": absolute_url(path),
        "valid_minutes": int(valid_for.total_seconds() // 60),
        "valid_days": valid_for.days,
        "new_link_url": absolute_url(reverse("foreningar_selfservice:login")),
    }


def request_login_link(email: str) -> None:
    """Email a 15-minute login link if the address belongs to a representative.
    Callers answer the same whether or not it does."""
    representative = Representative.objects.filter(email=email.strip().lower()).first()
    if representative is None:
        return
    queue_templated_email(
        f"{EMAIL_DIR}/login_link",
        {
            "representative": representative,
            **login_link_context(representative, LoginToken.Purpose.LOGIN),
        },
        to=[representative.email],
        language=representative.language or "sv",
    )


def login_with_token(request, token: str) -> Representative:
    """Use the single-use link and start a representative session with a new
    session key. Raises tokens.LinkError."""
    representative = tokens.use_login_token(token)
    request.session.cycle_key()
    request.session[SESSION_KEY] = representative.pk
    representative.last_login_at = timezone.now()
    representative.save(update_fields=["last_login_at"])
    for link in representative.links.select_related("association"):
        log(
            instance=link.association,
            action="foreningar.representative_login",
            data={"representative_id": representative.pk},
        )
    return representative


def logout(request) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


def current_representative(request) -> Representative | None:
    pk = request.session.get(SESSION_KEY)
    if not isinstance(pk, int):
        return None
    return Representative.objects.filter(pk=pk).first()


def associations_for(representative: Representative):
    return AssociationPage.objects.filter(
        representative_links__representative=representative
    ).order_by("title")


# --- Profile ------------------------------------------------------------------------


def org_id_locked(page: AssociationPage) -> bool:
    """Once approved (published at least once), only the coordinator changes it."""
    return page.first_published_at is not None


def logo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=LOGO_COLLECTION_NAME).first()
    return existing or root.add_child(name=LOGO_COLLECTION_NAME)


def create_logo(uploaded_file, alt_text: str, association_title: str):
    Image = get_image_model()
    image = Image(
        title=f"Logotyp: {association_title}"[:255],
        file=uploaded_file,
        collection=logo_collection(),
        description=alt_text,
    )
    image._set_image_file_metadata()
    image.save()
    return image


@transaction.atomic
def submit_profile_change(
    association: AssociationPage,
    representative: Representative,
    values: dict,
    logo_file=None,
    logo_alt: str = "",
) -> Revision:
    """Save the changes as a new revision and submit it for review. The live
    page stays as it is until the coordinator approves."""
    page = association.get_latest_revision_as_object()
    m2m = {name: values.pop(name) for name in list(values) if name in M2M_MODELS}
    if org_id_locked(association):
        values.pop("org_id_kind", None)
        values.pop("org_id", None)
    for name, value in values.items():
        setattr(page, name, value)
    for name, ids in m2m.items():
        getattr(page, name).set(M2M_MODELS[name].objects.filter(pk__in=ids))
    if logo_file is not None:
        page.logo = create_logo(logo_file, logo_alt, page.title)
    if not page.live:
        page.save()
    revision = page.save_revision(user=None, log_action=True)
    log(
        instance=page,
        action="foreningar.profile_change_submitted",
        data={"representative_id": representative.pk},
        revision=revision,
    )
    submit_for_review(page)
    return revision


def _update_live_and_revisions(page: AssociationPage, **values) -> None:
    """Change fields that need no review on the live row and in the live and
    latest revisions, so a pending draft neither publishes nor loses them."""
    AssociationPage.objects.filter(pk=page.pk).update(**values)
    revision_ids = {page.live_revision_id, page.latest_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=revision_ids):
        revision.content.update(values)
        revision.save(update_fields=["content"])
    for name, value in values.items():
        setattr(page, name, value)
    if page.live:
        search_index.insert_or_update_object(page)


def confirm_data_unchanged(
    association: AssociationPage, representative: Representative
) -> None:
    """Uppgifterna stämmer: the data is current; nothing goes to review."""
    now = timezone.now()
    # Revisions store JSON with millisecond precision; keep row and revision equal.
    now = now.replace(microsecond=now.microsecond // 1000 * 1000)
    _update_live_and_revisions(association, last_verified_at=now)
    log(
        instance=association,
        action="foreningar.data_confirmed",
        data={"representative_id": representative.pk},
    )


def set_listed(
    association: AssociationPage, representative: Representative, listed: bool
) -> None:
    """The association decides whether it appears in the public register."""
    _update_live_and_revisions(association, listed_publicly=listed)
    log(
        instance=association,
        action="foreningar.listing_changed",
        data={"representative_id": representative.pk, "listed_publicly": listed},
    )


# --- Co-representatives ---------------------------------------------------------------


@transaction.atomic
def invite_representative(
    association: AssociationPage,
    inviter: Representative,
    *,
    email: str,
    name: str,
    role: str,
) -> RepresentativeLink:
    representative = _get_or_create_representative(
        email, name, "", inviter.language or "sv"
    )
    link, created = RepresentativeLink.objects.get_or_create(
        representative=representative,
        association=association,
        defaults={"role": role},
    )
    if not created:
        raise SelfServiceError("already")
    log(
        instance=association,
        action="foreningar.representative_added",
        data={"representative_id": representative.pk, "by": inviter.pk},
    )
    queue_templated_email(
        f"{EMAIL_DIR}/invitation",
        {
            "representative": representative,
            "inviter": inviter,
            "association": association,
            **login_link_context(representative, LoginToken.Purpose.INVITE),
        },
        to=[representative.email],
        language=representative.language or "sv",
    )
    return link


def _forget_if_unlinked(representative: Representative) -> bool:
    """Data minimisation: a person who represents nothing is deleted."""
    if representative.links.exists():
        return False
    representative.delete()
    return True


@transaction.atomic
def remove_representative(
    association: AssociationPage, actor: Representative, link: RepresentativeLink
) -> None:
    if link.association_id != association.pk:
        raise SelfServiceError("not-found")
    if link.representative_id == actor.pk:
        raise SelfServiceError("self")
    removed = link.representative
    link.delete()
    log(
        instance=association,
        action="foreningar.representative_removed",
        data={"representative_id": removed.pk, "by": actor.pk},
    )
    _forget_if_unlinked(removed)


@transaction.atomic
def leave(association: AssociationPage, representative: Representative) -> bool:
    """Stop representing the association; True if the person was then deleted
    altogether. The last representative cannot leave."""
    links = RepresentativeLink.objects.select_for_update().filter(
        association=association
    )
    if len(links) <= 1:
        raise LastRepresentativeError("last")
    RepresentativeLink.objects.filter(
        association=association, representative=representative
    ).delete()
    log(
        instance=association,
        action="foreningar.representative_removed",
        data={"representative_id": representative.pk, "by": representative.pk},
    )
    return _forget_if_unlinked(representative)


# --- Reminders -----------------------------------------------------------------------


def associations_due_for_reminder(now: datetime.datetime):
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


def send_verification_reminders(now: datetime.datetime | None = None) -> int:
    """Email the representatives of associations whose data has not been
    confirmed for FORENINGAR_VERIFY_AFTER_DAYS, at most once per 30 days per
    association. Safe to run as often as you like; returns associations reminded."""
    now = now or timezone.now()
    recently = now - REMIND_AGAIN_AFTER
    reminded = 0
    for page in associations_due_for_reminder(now).iterator():
        VerificationReminder.objects.get_or_create(association=page)
        # Claim the reminder atomically so parallel runs cannot both send.
        claimed = (
            VerificationReminder.objects.filter(association=page)
            .filter(Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lt=recently))
            .update(reminder_sent_at=now)
        )
        if not claimed:
            continue
        for representative in _representatives(page):
            queue_templated_email(
                f"{EMAIL_DIR}/verification_reminder",
                {
                    "representative": representative,
                    "association": page,
                    "public_url": absolute_url(page.url or ""),
                    **login_link_context(representative, LoginToken.Purpose.REMINDER),
                },
                to=[representative.email],
                language=representative.language or "sv",
            )
        log(instance=page, action="foreningar.reminder_sent")
        reminded += 1
    tokens.delete_stale_tokens()
    return reminded


def purge_unconfirmed_applications(now: datetime.datetime | None = None) -> int:
    """Applications never confirmed are deleted after 30 days (privacy text)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=30)
    deleted, _ = RegistrationApplication.objects.filter(
        status=RegistrationApplication.Status.UNCONFIRMED, created_at__lt=cutoff
    ).delete()
    return deleted
