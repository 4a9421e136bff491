"""Emailed links: signed, expiring, single-use.

A link's token is a random nonce and an HMAC of it bound to the link's
purpose, in URL-safe characters only (Wagtail page routes accept them). The
database keeps the nonce's digest, whom or what the link is about (any model
instance: a representative, a participant, a subscriber), when it expires and
when it was used. A token for one purpose never works for another.

    LOGIN = LinkPurpose("foreningar.login", datetime.timedelta(minutes=15))
    token = links.issue(LOGIN, representative)        # put it in the email
    representative = links.redeem(LOGIN, token)        # exactly once

Views show :class:`LinkError`'s ``reason`` ("invalid", "expired", "used") with
a way to get a new link.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import EmailedLink

_NONCE_BYTES = 18  # 24 characters
_MAC_BYTES = 15  # 20 characters
_TOKEN_LENGTH = 44


class LinkError(Exception):
    """A link that cannot be used; ``reason`` is "invalid", "expired" or "used"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason

    @property
    def status(self) -> int:
        """The HTTP status for a page that explains the problem."""
        return {"expired": 410, "used": 409}.get(self.reason, 400)


@dataclass(frozen=True)
class LinkPurpose:
    """What a link does and how long it lasts. ``single_use=False`` links
    (preferences pages) stay usable until they expire."""

    name: str
    valid_for: datetime.timedelta
    single_use: bool = True

    @property
    def valid_hours(self) -> int:
        return int(self.valid_for.total_seconds() // 3600)

    @property
    def valid_minutes(self) -> int:
        return int(self.valid_for.total_seconds() // 60)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _mac(purpose: LinkPurpose, nonce: str) -> str:
    digest = salted_hmac(f"core.links.{purpose.name}", nonce, algorithm="sha256")
    return _b64(digest.digest()[:_MAC_BYTES])


def _digest(nonce: str) -> str:
    return hashlib.sha256(nonce.encode()).hexdigest()


def issue(
    purpose: LinkPurpose,
    subject: models.Model,
    *,
    valid_for: datetime.timedelta | None = None,
) -> str:
    """Store a new link about ``subject`` and return its token."""
    nonce = _b64(secrets.token_bytes(_NONCE_BYTES))
    EmailedLink.objects.create(
        purpose=purpose.name,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        digest=_digest(nonce),
        expires_at=timezone.now() + (valid_for or purpose.valid_for),
    )
    return nonce + _mac(purpose, nonce)


def issue_many(
    purpose: LinkPurpose,
    subjects: list[models.Model],
    *,
    valid_for: datetime.timedelta | None = None,
) -> list[str]:
    """:func:`issue` for many subjects of one model in one INSERT (a
    newsletter's links, a batch at a time); tokens in the same order."""
    if not subjects:
        return []
    content_type = ContentType.objects.get_for_model(subjects[0])
    expires_at = timezone.now() + (valid_for or purpose.valid_for)
    nonces = [_b64(secrets.token_bytes(_NONCE_BYTES)) for _subject in subjects]
    EmailedLink.objects.bulk_create(
        EmailedLink(
            purpose=purpose.name,
            content_type=content_type,
            object_id=subject.pk,
            digest=_digest(nonce),
            expires_at=expires_at,
        )
        for subject, nonce in zip(subjects, nonces, strict=True)
    )
    return [nonce + _mac(purpose, nonce) for nonce in nonces]


def _split(purpose: LinkPurpose, token: str) -> str:
    if not isinstance(token, str) or len(token) != _TOKEN_LENGTH:
        raise LinkError("invalid")
    nonce, mac = token[:24], token[24:]
    if not hmac.compare_digest(mac, _mac(purpose, nonce)):
        raise LinkError("invalid")
    return nonce


def peek(purpose: LinkPurpose, token: str) -> EmailedLink:
    """The link's row if it can still be used; raises :class:`LinkError`."""
    nonce = _split(purpose, token)
    link = EmailedLink.objects.filter(
        digest=_digest(nonce), purpose=purpose.name
    ).first()
    if link is None:
        raise LinkError("invalid")
    if purpose.single_use and link.used_at is not None:
        raise LinkError("used")
    if link.expires_at <= timezone.now():
        raise LinkError("expired")
    return link


def subject_of(link: EmailedLink) -> models.Model:
    """The link's subject, or LinkError("invalid") if it has been deleted."""
    model = link.content_type.model_class()
    subject = model._default_manager.filter(pk=link.object_id).first()
    if subject is None:
        raise LinkError("invalid")
    return subject


@transaction.atomic
def redeem(purpose: LinkPurpose, token: str) -> models.Model:
    """Use the link (exactly once, even under concurrent requests, for
    single-use purposes) and return its subject."""
    link = peek(purpose, token)
    if purpose.single_use:
        claimed = EmailedLink.objects.filter(pk=link.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if not claimed:
            raise LinkError("used")
    return subject_of(link)


def revoke(purpose: LinkPurpose, subject: models.Model) -> int:
    """Make every unused link of ``purpose`` about ``subject`` unusable."""
    return EmailedLink.objects.filter(
        purpose=purpose.name,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        used_at__isnull=True,
    ).update(used_at=timezone.now())


def forget(subject: models.Model) -> int:
    """Delete every link about ``subject`` (when the subject is erased)."""
    deleted, _ = EmailedLink.objects.filter(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
    ).delete()
    return deleted


def purge_expired(older_than: datetime.timedelta = datetime.timedelta(days=1)) -> int:
    """Delete links that expired more than ``older_than`` ago."""
    deleted, _ = EmailedLink.objects.filter(
        expires_at__lt=timezone.now() - older_than
    ).delete()
    return deleted
