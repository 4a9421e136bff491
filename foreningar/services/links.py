"""The emailed links of self-service and the representative's session."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core import links
from core.links import LinkPurpose
from core.sessions import LinkSession

from ..models import Representative

# Asked for on the login form: valid briefly.
LOGIN = LinkPurpose("foreningar.login", datetime.timedelta(minutes=15))
# Sent in approval, invitation and reminder emails: people read those later.
LONG_LOGIN_VALIDITY = datetime.timedelta(days=7)
# Confirms the email address of a registration or an access request.
VERIFY = LinkPurpose("foreningar.verify", datetime.timedelta(hours=48))

REPRESENTATIVE_SESSION = LinkSession("foreningar.representative", Representative)
EMAIL_DIR = "foreningar/selfservice/emails"


def absolute_url(path: str) -> str:
    return settings.SITE_URL + path


def login_link_context(representative: Representative, *, long: bool = False) -> dict:
    """A fresh single-use login link and how long it is valid, for an email."""
    valid_for = LONG_LOGIN_VALIDITY if long else LOGIN.valid_for
    token = links.issue(LOGIN, representative, valid_for=valid_for)
    with translation.override(representative.language):
        path = reverse("foreningar_selfservice:login_token", args=[token])
        new_link_path = reverse("foreningar_selfservice:login")
    return {
        "login_url": absolute_url(path),
        "valid_minutes": int(valid_for.total_seconds() // 60),
        "valid_days": valid_for.days,
        "new_link_url": absolute_url(new_link_path),
    }
