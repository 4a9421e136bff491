"""Co-representatives: remove, leave (invitations are in invitations.py). A
person who no longer represents any association is deleted (data
minimisation)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from core import links

from ..models import (
    AssociationPage,
    Invitation,
    RegistrationApplication,
    Representative,
    RepresentativeLink,
)
from .errors import LastRepresentativeError, SelfServiceError


def forget_if_unlinked(representative: Representative) -> bool:
    """Data minimisation: a person who represents nothing is deleted."""
    if representative.links.exists():
        return False
    erase_representative(representative)
    return True


def erase_representative(representative: Representative) -> None:
    """Delete the person (``forget_personal_data`` runs on delete)."""
    representative.delete()


@transaction.atomic
def erase_person(representative: Representative) -> None:
    """The coordinator erases a person (a GDPR erasure request, from the
    admin): the representative, their login links, and everything filed
    under their email address: applications and invitations. Only the
    coordinator does this; a co-representative's removal never does."""
    email = representative.email
    applications = RegistrationApplication.objects.filter(applicant_email=email)
    _forget_name_in_history(
        Q(data__representative_id=representative.pk)
        | Q(data__application_id__in=list(applications.values_list("pk", flat=True)))
    )
    applications.delete()
    Invitation.objects.filter(email=email).delete()
    representative.delete()


def _forget_name_in_history(entries: Q) -> None:
    """The audit log keeps what happened, not the erased person's name."""
    for entry in PageLogEntry.objects.filter(entries):
        if (entry.data or {}).get("representative_name"):
            entry.data["representative_name"] = ""
            entry.save(update_fields=["data"])


def forget_personal_data(representative: Representative) -> None:
    """What goes with a deleted representative, however they were deleted
    (here or in the admin): their login links. Nothing filed under their email
    address by anyone else (applications, invitations) goes with them: each
    has its own retention, and a removal by someone else must never erase
    another person's data."""
    links.forget(representative)


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
        data={
            "representative_id": removed.pk,
            "representative_name": removed.name,
            "by": actor.pk,
        },
    )
    forget_if_unlinked(removed)


@transaction.atomic
def leave(association: AssociationPage, representative: Representative) -> bool:
    """Stop representing the association; True if the person was then deleted
    altogether. The last representative cannot leave."""
    links_ = RepresentativeLink.objects.select_for_update().filter(
        association=association
    )
    if len(links_) <= 1:
        raise LastRepresentativeError("last")
    RepresentativeLink.objects.filter(
        association=association, representative=representative
    ).delete()
    log(
        instance=association,
        action="foreningar.representative_removed",
        data={
            "representative_id": representative.pk,
            "representative_name": representative.name,
            "by": representative.pk,
        },
    )
    return forget_if_unlinked(representative)
