"""Registration of a new association, or a request for access to one that is
already in the register: stored with the consent given, confirmed by an
emailed link, then passed to the coordinator."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Page

from core import links
from core.emails import send_templated_email
from core.i18n import page_language, page_url_in
from core.pages import first_in_tree

from ..models import (
    REGISTRATION_FIELDS,
    AssociationIndexPage,
    AssociationPage,
    AssociationRegistrationPage,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
)
from ..selectors import default_register
from .errors import SelfServiceError
from .fields import apply_data
from .links import EMAIL_DIR, VERIFY, absolute_url
from .notifications import notify_access_requested
from .workflow import ensure_review_workflow, submit_for_review

UNCONFIRMED_KEPT_FOR = datetime.timedelta(days=30)


@dataclass
class Applicant:
    name: str
    email: str
    phone: str
    role: str
    language: str


def _store_application(
    kind: str,
    *,
    data: dict,
    applicant: Applicant,
    registration_page: AssociationRegistrationPage,
    association: AssociationPage | None = None,
) -> RegistrationApplication:
    application = RegistrationApplication.objects.create(
        kind=kind,
        association=association,
        data=data,
        applicant_name=applicant.name,
        applicant_email=applicant.email.strip().lower(),
        applicant_phone=applicant.phone,
        applicant_role=applicant.role,
        language=applicant.language,
        consent_version=registration_page.privacy_version,
        consent_text_hash=registration_page.privacy_text_hash,
        consent_language=page_language(registration_page),
        consented_at=timezone.now(),
    )
    send_verification_email(application, registration_page)
    return application


def register_association(
    *,
    data: dict,
    applicant: Applicant,
    registration_page: AssociationRegistrationPage,
) -> RegistrationApplication:
    """Store the application with the consent given and email a 48-hour
    verification link. Nothing is created in the register until then."""
    return _store_application(
        RegistrationApplication.Kind.REGISTER,
        data=data,
        applicant=applicant,
        registration_page=registration_page,
    )


def request_access(
    *,
    association: AssociationPage,
    data: dict,
    applicant: Applicant,
    registration_page: AssociationRegistrationPage,
) -> RegistrationApplication:
    """Det här är vi: once the email is confirmed, the coordinator and the
    association's representatives are told who asks for access."""
    return _store_application(
        RegistrationApplication.Kind.ACCESS,
        data=data,
        applicant=applicant,
        registration_page=registration_page,
        association=association,
    )


def send_verification_email(
    application: RegistrationApplication,
    registration_page: AssociationRegistrationPage,
) -> None:
    token = links.issue(VERIFY, application)
    base = page_url_in(registration_page, application.language)
    send_templated_email(
        f"{EMAIL_DIR}/verify_email",
        {
            "application": application,
            "url": absolute_url(
                base + registration_page.reverse_subpage("confirm", args=[token])
            ),
            "new_link_url": absolute_url(
                base + registration_page.reverse_subpage("new_link")
            ),
            "valid_hours": VERIFY.valid_hours,
        },
        to=[application.applicant_email],
        language=application.language,
    )


def resend_verification(
    email: str, registration_page: AssociationRegistrationPage
) -> None:
    """Email a fresh link for the latest unconfirmed application from this
    address, if there is one. The caller answers the same either way."""
    application = (
        RegistrationApplication.objects.filter(
            applicant_email=email.strip().lower(),
            status=RegistrationApplication.Status.UNCONFIRMED,
            created_at__gte=timezone.now() - UNCONFIRMED_KEPT_FOR,
        )
        .order_by("-created_at")
        .first()
    )
    if application is not None:
        send_verification_email(application, registration_page)


def application_for_link(token: str) -> RegistrationApplication:
    """The application a verification link is about; raises LinkError."""
    link = links.peek(VERIFY, token)
    application = links.subject_of(link)
    if application.status != RegistrationApplication.Status.UNCONFIRMED:
        raise links.LinkError("used")
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
    index_page = default_register() or (
        first_in_tree(AssociationIndexPage.objects.all())
    )
    if index_page is None:
        raise SelfServiceError("No association register (AssociationIndexPage).")
    return index_page


@transaction.atomic
def confirm_email(token: str) -> RegistrationApplication:
    """The applicant used the link. A registration becomes a draft page under
    the register, submitted to the review workflow (Wagtail notifies the
    coordinators); a request for access is passed on to the coordinator and
    the association's representatives."""
    application = links.redeem(VERIFY, token)
    application = RegistrationApplication.objects.select_for_update().get(
        pk=application.pk
    )
    if application.status != RegistrationApplication.Status.UNCONFIRMED:
        raise links.LinkError("used")
    application.confirmed_at = timezone.now()
    if application.kind == RegistrationApplication.Kind.ACCESS:
        # No representative yet: the coordinator or the association decides.
        application.status = RegistrationApplication.Status.ACCESS_REQUESTED
        application.save()
        if application.association is not None:
            notify_access_requested(application)
        return application

    representative, _ = Representative.objects.get_or_create(
        email=application.applicant_email,
        defaults={
            "name": application.applicant_name,
            "phone": application.applicant_phone,
            "language": application.language,
        },
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
        data={
            "application_id": application.pk,
            "representative_id": representative.pk,
            "representative_name": representative.name,
        },
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
        last_verified_at=timezone.now(),
    )
    apply_data(page, data, REGISTRATION_FIELDS)
    try:
        with transaction.atomic():
            index_page.add_child(instance=page)
    except (ValidationError, IntegrityError) as error:
        # Someone registered the same organisation number in the meantime.
        raise SelfServiceError(str(error)) from error
    log(instance=page, action="wagtail.create")
    page.save_revision(user=None, log_action=False)
    return page


def purge_unconfirmed_applications(now: datetime.datetime | None = None) -> int:
    """Applications never confirmed are deleted after 30 days (privacy text)."""
    cutoff = (now or timezone.now()) - UNCONFIRMED_KEPT_FOR
    deleted, _ = RegistrationApplication.objects.filter(
        status=RegistrationApplication.Status.UNCONFIRMED, created_at__lt=cutoff
    ).delete()
    return deleted
