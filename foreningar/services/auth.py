"""Representatives log in with emailed single-use links (no password)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from wagtail.log_actions import log

from core import links
from core.emails import send_templated_email

from ..models import Representative
from .links import EMAIL_DIR, LOGIN, REPRESENTATIVE_SESSION, login_link_context


def request_login_link(email: str) -> None:
    """Email a 15-minute login link if the address belongs to a representative.
    Callers answer the same whether or not it does."""
    representative = Representative.objects.filter(email=email.strip().lower()).first()
    if representative is None:
        return
    send_templated_email(
        f"{EMAIL_DIR}/login_link",
        {"representative": representative, **login_link_context(representative)},
        to=[representative.email],
        language=representative.language,
    )


def representative_for_link(token: str) -> Representative:
    """Whom a login link is for, without using it; raises LinkError."""
    return links.subject_of(links.peek(LOGIN, token))


def login_with_token(request: HttpRequest, token: str) -> Representative:
    """Use the single-use link and start a representative session with a new
    session key. Raises LinkError."""
    representative = links.redeem(LOGIN, token)
    REPRESENTATIVE_SESSION.start(request, representative)
    representative.last_login_at = timezone.now()
    representative.save(update_fields=["last_login_at"])
    for link in representative.links.select_related("association"):
        log(
            instance=link.association,
            action="foreningar.representative_login",
            data={
                "representative_id": representative.pk,
                "representative_name": representative.name,
            },
        )
    return representative


def start_session(request: HttpRequest, representative: Representative) -> None:
    REPRESENTATIVE_SESSION.start(request, representative)


def logout(request: HttpRequest) -> None:
    REPRESENTATIVE_SESSION.end(request)


def current_representative(request: HttpRequest) -> Representative | None:
    return REPRESENTATIVE_SESSION.current(request)
