"""Inviting a co-representative. The invitation links nobody: the invitee
accepts from the link emailed to them, with their own name, and only then
becomes a representative. The email carries no text the inviter typed."""

from __future__ import annotations

import datetime
import hashlib

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from core import links
from core.emails import send_templated_email
from core.links import LinkPurpose
from core.protection import rate_limited

from ..models import AssociationPage, Invitation, Representative, RepresentativeLink
from .errors import SelfServiceError
from .links import EMAIL_DIR, absolute_url

INVITE = LinkPurpose("foreningar.invitation", datetime.timedelta(days=7))
# Per association and per invited address, in a day: enough for a board
# changing hands, too few to use the register for spam.
PER_ASSOCIATION_PER_DAY = 10
PER_RECIPIENT_PER_DAY = 3
_DAY = 86400


class InvitationError(SelfServiceError):
    """``reason``: "not-public", "already", "pending" or "limit"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _address_key(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:32]


@transaction.atomic
def invite_representative(
    association: AssociationPage,
    inviter: Representative,
    *,
    email: str,
    role: str,
    language: str,
) -> Invitation:
    """Store an invitation and email its link to ``email`` in ``language``.
    Only a published association invites: its name in the email is one the
    coordinator has approved."""
    email = email.strip().lower()
    if not association.live:
        raise InvitationError("not-public")
    if RepresentativeLink.objects.filter(
        association=association, representative__email=email
    ).exists():
        raise InvitationError("already")
    if Invitation.objects.filter(
        association=association, email=email, expires_at__gt=timezone.now()
    ).exists():
        raise InvitationError("pending")
    if rate_limited(
        f"fn-invite-association:{association.pk}", PER_ASSOCIATION_PER_DAY, _DAY
    ) or rate_limited(
        f"fn-invite-recipient:{_address_key(email)}", PER_RECIPIENT_PER_DAY, _DAY
    ):
        raise InvitationError("limit")
    Invitation.objects.filter(association=association, email=email).delete()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                association=association,
                email=email,
                role=role,
                language=language,
                invited_by=inviter,
                expires_at=timezone.now() + INVITE.valid_for,
            )
    except IntegrityError as error:  # the same invitation, sent just now
        raise InvitationError("pending") from error
    log(
        instance=association,
        action="foreningar.invitation_sent",
        data={"invitation_id": invitation.pk, "by": inviter.pk},
    )
    token = links.issue(INVITE, invitation)
    with translation.override(language):
        path = reverse("foreningar_selfservice:accept_invitation", args=[token])
    send_templated_email(
        f"{EMAIL_DIR}/invitation",
        {
            "association": association,
            "url": absolute_url(path),
            "valid_days": INVITE.valid_for.days,
        },
        to=[email],
        language=language,
    )
    return invitation


def invitation_for_link(token: str) -> Invitation:
    """The invitation a link is about, without using the link; LinkError."""
    invitation = links.subject_of(links.peek(INVITE, token))
    if invitation.expires_at <= timezone.now():
        raise links.LinkError("expired")
    return invitation


@transaction.atomic
def accept_invitation(
    token: str, *, name: str, phone: str, language: str
) -> tuple[Representative, AssociationPage]:
    """The invitee accepts with their own name: they become a representative
    (or, if they already are one elsewhere, get one more association)."""
    invitation = links.redeem(INVITE, token)
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("association")
        .get(pk=invitation.pk)
    )
    if invitation.expires_at <= timezone.now():
        raise links.LinkError("expired")
    representative, created = Representative.objects.get_or_create(
        email=invitation.email,
        defaults={"name": name, "phone": phone, "language": language},
    )
    association = invitation.association
    RepresentativeLink.objects.get_or_create(
        representative=representative,
        association=association,
        defaults={"role": invitation.role},
    )
    log(
        instance=association,
        action="foreningar.representative_added",
        data={
            "representative_id": representative.pk,
            "representative_name": representative.name,
            "by": invitation.invited_by_id,
            "invitation_id": invitation.pk,
        },
    )
    links.forget(invitation)
    invitation.delete()
    return representative, association


def pending_invitations(association: AssociationPage) -> list[Invitation]:
    return list(
        association.invitations.filter(expires_at__gt=timezone.now()).order_by("email")
    )


@transaction.atomic
def withdraw_invitation(
    association: AssociationPage, actor: Representative, invitation: Invitation
) -> None:
    if invitation.association_id != association.pk:
        raise SelfServiceError("not-found")
    links.forget(invitation)
    log(
        instance=association,
        action="foreningar.invitation_withdrawn",
        data={"invitation_id": invitation.pk, "by": actor.pk},
    )
    invitation.delete()


def purge_expired_invitations(now: datetime.datetime | None = None) -> int:
    """Invitations nobody accepted are deleted when they expire (with links)."""
    expired = list(Invitation.objects.filter(expires_at__lte=now or timezone.now()))
    for invitation in expired:
        links.forget(invitation)
    Invitation.objects.filter(pk__in=[i.pk for i in expired]).delete()
    return len(expired)
