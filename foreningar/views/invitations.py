"""Invitations of co-representatives: send (a representative), withdraw, and
accept (the invitee, from the emailed link)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.i18n import current_language
from core.links import LinkError
from core.protection import RateLimit, protected_form

from .. import services
from ..forms import AcceptInvitationForm, InviteForm
from ..models import Invitation
from ..selectors.selfservice import registration_page
from .selfservice import (
    _detail_url,
    _own_association,
    _render,
    representative_required,
)

INVITE_LIMIT = RateLimit(
    "fn-invite",
    limit=20,
    period=86400,
    message=gettext_lazy("Du har bjudit in många personer i dag. Försök i morgon."),
)
ACCEPT_LIMIT = RateLimit("fn-invite-accept", limit=20, period=3600)

_REFUSALS = {
    "not-public": gettext_lazy(
        "Föreningen kan bjuda in kontaktpersoner när koordinatorn har godkänt "
        "registreringen."
    ),
    "already": gettext_lazy("Personen är redan kontaktperson för föreningen."),
    "pending": gettext_lazy(
        "Personen har redan en inbjudan som inte har gått ut. Återkalla den först "
        "om du vill skicka en ny."
    ),
    "limit": gettext_lazy(
        "Föreningen, eller den här adressen, har fått många inbjudningar i dag. "
        "Försök igen i morgon."
    ),
}


@representative_required
def invite(request, association_id):
    page = _own_association(request, association_id)
    submission = protected_form(
        request,
        InviteForm,
        limit=INVITE_LIMIT,
        limit_extra=str(request.representative.pk),
        initial={"language": request.representative.language},
    )
    if submission.is_valid:
        data = submission.form.cleaned_data
        try:
            services.invite_representative(
                page,
                request.representative,
                email=data["email"],
                role=data["role"],
                language=data["language"],
            )
        except services.InvitationError as error:
            field = "email" if error.reason in ("already", "pending") else None
            status = {"limit": 429, "not-public": 409}.get(error.reason, 400)
            submission.fail({field: _REFUSALS[error.reason]}, status=status)
        else:
            messages.success(
                request,
                _(
                    "Inbjudan är skickad till %(email)s. Personen blir kontaktperson "
                    "när personen tackar ja via länken."
                )
                % {"email": data["email"]},
            )
            return redirect(_detail_url(page))
    return _render(
        request,
        "invite.html",
        {"form": submission.form, "association": page},
        status=submission.status,
    )


@require_POST
@representative_required
def withdraw(request, association_id, invitation_id):
    page = _own_association(request, association_id)
    invitation = get_object_or_404(Invitation, pk=invitation_id, association=page)
    services.withdraw_invitation(page, request.representative, invitation)
    messages.success(
        request,
        _("Inbjudan till %(email)s är återkallad.") % {"email": invitation.email},
    )
    return redirect(_detail_url(page))


def _link_error(request, error: LinkError):
    return _render(
        request,
        "invitation_link_error.html",
        {"reason": error.reason, "valid_days": services.INVITE.valid_for.days},
        status=error.status,
    )


@never_cache
def accept(request, token):
    try:
        invitation = services.invitation_for_link(token)
    except LinkError as error:
        return _link_error(request, error)
    submission = protected_form(request, AcceptInvitationForm, limit=ACCEPT_LIMIT)
    if submission.is_valid:
        data = submission.form.cleaned_data
        try:
            representative, association = services.accept_invitation(
                token,
                name=data["name"],
                phone=data.get("phone", ""),
                language=current_language(),
            )
        except LinkError as error:
            return _link_error(request, error)
        services.start_session(request, representative)
        messages.success(
            request,
            _("Välkommen! Nu är du kontaktperson för %(name)s.")
            % {"name": association.title},
        )
        return redirect(_detail_url(association))
    privacy = registration_page()
    return _render(
        request,
        "invitation_accept.html",
        {
            "form": submission.form,
            "invitation": invitation,
            "association": invitation.association,
            "privacy_text": privacy.privacy_text if privacy else "",
        },
        status=submission.status,
    )
