"""Protection for public forms: rate limits keyed on the real client address,
a honeypot field and a signed, single-use form-start token.

Views use :func:`protected_form`, which binds the form, counts the post
against the rate limit and renews the protection fields when the form is
shown again with errors::

    submission = protected_form(request, FeedbackForm, limit=FEEDBACK_LIMIT)
    if submission.is_valid:
        ...  # act on submission.form.cleaned_data, then redirect
    return render(..., {"form": submission.form}, status=submission.status)
"""

from __future__ import annotations

import ipaddress
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache as memoize
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# A person needs longer than this to fill in a form (settings can lower it for
# browser tests: FORM_MIN_FILL_SECONDS), and to correct one after an error.
MIN_FILL_SECONDS = 3
MIN_RETRY_SECONDS = 2
FORM_MAX_AGE = 60 * 60 * 24  # a form left open overnight is still accepted
_TOKEN_SALT = "core.protection.form-started"
# The honeypot's name: plausible to a bot, never autofilled by browsers.
HONEYPOT_FIELD = "homepage_url"
TOKEN_FIELD = "form_token"


# --- the client's address --------------------------------------------------


@memoize
def _trusted_networks(proxies: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address: str) -> bool:
    networks = _trusted_networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    """The address of the client that sent the request.

    ``REMOTE_ADDR`` unless it is one of ``settings.TRUSTED_PROXIES``; then the
    right-most address in ``X-Forwarded-For`` that is not a trusted proxy
    (addresses to its left were written by the client and prove nothing)."""
    remote = (request.META.get("REMOTE_ADDR") or "").strip()
    if not remote or not _is_trusted(remote):
        return remote or "unknown"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return "invalid"
    return hops[0] if hops else remote


# --- rate limits --------------------------------------------------------------


def rate_limited(key: str, limit: int, period: int) -> bool:
    """Count one hit for ``key``; True once more than ``limit`` hits fall in
    the current window of ``period`` seconds."""
    cache_key = f"fnavet:ratelimit:{key}:{int(time.time() // period)}"
    if cache.add(cache_key, 1, period + 5):
        return limit < 1
    try:
        return cache.incr(cache_key) > limit
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, period + 5)
        return False


@dataclass(frozen=True)
class RateLimit:
    """``limit`` posts per ``period`` seconds per client address (and scope)."""

    scope: str
    limit: int
    period: int
    message: str | Promise = _(
        "Du har skickat formuläret många gånger på kort tid. Försök igen om en timme."
    )

    def hit(self, request: HttpRequest, extra: str = "") -> bool:
        return rate_limited(
            f"{self.scope}:{client_ip(request)}{':' + extra if extra else ''}",
            self.limit,
            self.period,
        )


# --- protected forms -------------------------------------------------------------


def _new_token(issued_at: float, retry: bool) -> str:
    return signing.dumps(
        {"t": issued_at, "n": secrets.token_urlsafe(9), "r": int(retry)},
        salt=_TOKEN_SALT,
    )


def _min_seconds(retry: bool) -> float:
    configured = getattr(settings, "FORM_MIN_FILL_SECONDS", None)
    if configured is not None:
        return float(configured)
    return MIN_RETRY_SECONDS if retry else MIN_FILL_SECONDS


def signed_form_token(seconds_ago: float = 0, retry: bool = False) -> str:
    """A valid start token issued ``seconds_ago`` (for tests and tools)."""
    return _new_token(time.time() - seconds_ago, retry)


class ProtectedFormMixin(forms.Form):
    """A honeypot field and a signed, single-use start token.

    A bot that fills the hidden field, posts sooner than a person could, or
    replays a token is refused with a form error. A form shown again after an
    error carries a fresh token, so correcting a field needs no waiting."""

    honeypot_error = _("Formuläret kunde inte skickas. Vänta en stund och försök igen.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Lämna detta fält tomt"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[TOKEN_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False
        )
        self.fields[TOKEN_FIELD].initial = _new_token(time.time(), retry=False)

    def visible_fields(self) -> list[forms.BoundField]:
        """The fields a person fills in (the honeypot is rendered apart)."""
        return [f for f in super().visible_fields() if f.name != HONEYPOT_FIELD]

    @property
    def honeypot(self) -> forms.BoundField:
        return self[HONEYPOT_FIELD]

    @property
    def token(self) -> forms.BoundField:
        return self[TOKEN_FIELD]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(self.honeypot_error, code="honeypot")
        try:
            payload = signing.loads(
                cleaned.get(TOKEN_FIELD) or "", salt=_TOKEN_SALT, max_age=FORM_MAX_AGE
            )
            issued, nonce = float(payload["t"]), str(payload["n"])
            minimum = _min_seconds(retry=bool(payload.get("r")))
            if time.time() - issued > FORM_MAX_AGE:
                raise ValueError("stale")
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(
                _("Formuläret har varit öppet för länge. Skicka det en gång till."),
                code="stale",
            ) from None
        if time.time() - issued < minimum:
            if self.errors:  # the form fails anyway: the field errors say why
                return cleaned
            raise forms.ValidationError(self.honeypot_error, code="too_fast")
        if not cache.add(f"fnavet:formtoken:{nonce}", 1, FORM_MAX_AGE + 60):
            raise forms.ValidationError(
                _("Formuläret har redan skickats. Skicka det en gång till."),
                code="replayed",
            )
        return cleaned

    def renew_protection(self) -> None:
        """Give a form shown again (after an error) a fresh token."""
        data = self.data.copy()
        data[self.add_prefix(TOKEN_FIELD)] = _new_token(time.time(), retry=True)
        self.data = data


@dataclass
class Submission:
    """A protected form after :func:`protected_form`: ``status`` is the HTTP
    status to answer with if the view shows the form again."""

    form: forms.Form
    status: int = 200
    is_valid: bool = False

    def fail(self, errors: dict[str | None, Any] | None = None, status: int = 400):
        """Record errors found after validation (by a service) and prepare the
        form to be shown again."""
        for field, error in (errors or {}).items():
            self.form.add_error(field if field in self.form.fields else None, error)
        self.is_valid = False
        self.status = status
        if isinstance(self.form, ProtectedFormMixin):
            self.form.renew_protection()
        return self


def protected_form(
    request: HttpRequest,
    form_class: Callable[..., forms.Form],
    *,
    limit: RateLimit,
    limit_extra: str = "",
    **form_kwargs: Any,
) -> Submission:
    """Bind ``form_class`` to the POST (or make an unbound one for GET),
    enforce ``limit`` and validate."""
    if request.method != "POST":
        return Submission(form_class(**form_kwargs))
    form = form_class(request.POST, request.FILES or None, **form_kwargs)
    submission = Submission(form)
    if limit.hit(request, limit_extra):
        form.is_valid()
        form.add_error(None, limit.message)
        return submission.fail(status=429)
    if form.is_valid():
        submission.is_valid = True
        return submission
    return submission.fail(status=400)
