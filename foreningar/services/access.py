"""The coordinator's answer to a request for access (someone asking to
represent an association already in the register): approve links the person
to the association and emails them a login link; refuse emails them politely.
Both are one click in the admin."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from wagtail.log_actions import log

from core.emails import send_templated_email

from ..models import RegistrationApplication, Representative, RepresentativeLink
from .errors import SelfServiceError
from .links import EMAIL_DIR, absolute_url, login_link_context

PENDING = RegistrationApplication.Status.ACCESS_REQUESTED


def _pending_request(application_id: int) -> RegistrationApplication:
    application = (
        RegistrationApplication.objects.select_for_update()
        .filter(pk=application_id, kind=RegistrationApplication.Kind.ACCESS)
        .first()
    )
    if application is None or application.status != PENDING:
        raise SelfServiceError("not-pending")
    if application.association_id is None:
        raise SelfServiceError("no-association")
    return application


@transaction.atomic
def approve_access_request(
    application_id: int, user: AbstractBaseUser | None
) -> Representative:
    """Link the applicant to the association (creating the representative if
    they are new) and email them a login link in their language."""
    application = _pending_request(application_id)
    association = application.association
    representative, created = Representative.objects.get_or_create(
        email=application.applicant_email,
        defaults={
            "name": application.applicant_name,
            "phone": application.applicant_phone,
            "language": application.language,
        },
    )
    RepresentativeLink.objects.get_or_create(
        representative=representative,
        association=association,
        defaults={"role": application.applicant_role},
    )
    application.representative = representative
    application.status = RegistrationApplication.Status.APPROVED
    application.save(update_fields=["representative", "status"])
    log(
        instance=association,
        action="foreningar.access_approved",
        user=user,
        data={
            "application_id": application.pk,
            "representative_id": representative.pk,
            "representative_name": representative.name,
        },
    )
    send_templated_email(
        f"{EMAIL_DIR}/access_approved",
        {
            "representative": representative,
            "association": association,
            "public_url": absolute_url(association.url or "")
            if association.live
            else "",
            **login_link_context(representative, long=True),
        },
        to=[representative.email],
        language=representative.language,
    )
    return representative


@transaction.atomic
def refuse_access_request(
    application_id: int, user: AbstractBaseUser | None
) -> RegistrationApplication:
    """Say no, politely, in the applicant's language. Nobody is linked."""
    application = _pending_request(application_id)
    application.status = RegistrationApplication.Status.REFUSED
    application.save(update_fields=["status"])
    log(
        instance=application.association,
        action="foreningar.access_refused",
        user=user,
        data={
            "application_id": application.pk,
            "representative_name": application.applicant_name,
        },
    )
    send_templated_email(
        f"{EMAIL_DIR}/access_refused",
        {"application": application, "association": application.association},
        to=[application.applicant_email],
        language=application.language,
    )
    return application
