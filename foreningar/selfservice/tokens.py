"""Signed links. Email verification links are signed application ids valid 48 h
(single use because confirming changes the application's status). Login links
are signed nonces whose LoginToken row says whom they are for, until when, and
whether they were used."""

from __future__ import annotations

import base64
import datetime
import secrets

from django.core import signing
from django.db import transaction
from django.utils import timezone

from ..models import LoginToken, Representative

VERIFY_SALT = "foreningar.selfservice.verify-email"
LOGIN_SALT = "foreningar.selfservice.login"
VERIFY_VALID_FOR = datetime.timedelta(hours=48)
LOGIN_VALID_FOR = datetime.timedelta(minutes=15)
# Links in approval, invitation and reminder emails: people read those later.
LONG_LINK_VALID_FOR = datetime.timedelta(days=7)

LINK_VALIDITY = {
    LoginToken.Purpose.LOGIN: LOGIN_VALID_FOR,
    LoginToken.Purpose.INVITE: LONG_LINK_VALID_FOR,
    LoginToken.Purpose.WELCOME: LONG_LINK_VALID_FOR,
    LoginToken.Purpose.REMINDER: LONG_LINK_VALID_FOR,
}


class LinkError(Exception):
    """A link that cannot be used; ``reason`` is "invalid", "expired" or "used"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def make_verification_token(application_id: int) -> str:
    # Wagtail page routes only match [\w-] path segments; the signed value has
    # ":" separators, so it travels base64-encoded once more.
    signed = signing.dumps({"a": application_id}, salt=VERIFY_SALT)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_verification_token(token: str) -> int:
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        payload = signing.loads(
            signed, salt=VERIFY_SALT, max_age=VERIFY_VALID_FOR.total_seconds()
        )
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except (signing.BadSignature, ValueError, UnicodeDecodeError):
        raise LinkError("invalid") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("a"), int):
        raise LinkError("invalid")
    return payload["a"]


def make_login_token(representative: Representative, purpose: str) -> str:
    nonce = secrets.token_urlsafe(24)
    LoginToken.objects.create(
        representative=representative,
        nonce=nonce,
        purpose=purpose,
        expires_at=timezone.now() + LINK_VALIDITY[purpose],
    )
    return signing.dumps({"n": nonce}, salt=LOGIN_SALT)


def peek_login_token(token: str) -> LoginToken:
    """The token's row if the link can still be used; raises LinkError."""
    try:
        payload = signing.loads(
            token, salt=LOGIN_SALT, max_age=LONG_LINK_VALID_FOR.total_seconds()
        )
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except (signing.BadSignature, ValueError):
        raise LinkError("invalid") from None
    nonce = payload.get("n") if isinstance(payload, dict) else None
    if not isinstance(nonce, str):
        raise LinkError("invalid")
    row = (
        LoginToken.objects.select_related("representative").filter(nonce=nonce).first()
    )
    if row is None:
        raise LinkError("invalid")
    if row.used_at is not None:
        raise LinkError("used")
    if row.expires_at <= timezone.now():
        raise LinkError("expired")
    return row


@transaction.atomic
def use_login_token(token: str) -> Representative:
    """Mark the link used (exactly once, even under concurrent requests) and
    return the representative it logs in."""
    row = peek_login_token(token)
    claimed = LoginToken.objects.filter(pk=row.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    if not claimed:
        raise LinkError("used")
    return row.representative


def delete_stale_tokens() -> int:
    cutoff = timezone.now() - datetime.timedelta(days=1)
    deleted, _ = LoginToken.objects.filter(expires_at__lt=cutoff).delete()
    return deleted
