"""Protection for public forms: honeypot, minimum fill time and rate limits."""

from __future__ import annotations

import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

MIN_FILL_SECONDS = 3
FORM_MAX_AGE = 60 * 60 * 24  # a form left open overnight is still accepted
_SALT = "fnavet.form-started"


def client_ip(request) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the proxy in production via
    # the WSGI server (gunicorn --forwarded-allow-ips), never trusted from clients.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limited(key: str, limit: int, period: int) -> bool:
    """Count one hit for ``key``; True once more than ``limit`` hits fall in
    the current ``period`` seconds window."""
    cache_key = f"ratelimit:{key}:{int(time.time() // period)}"
    if cache.add(cache_key, 1, period + 5):
        return limit < 1
    try:
        return cache.incr(cache_key) > limit
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, period + 5)
        return False


class ProtectedFormMixin(forms.Form):
    """Adds a honeypot field and a signed start time. Bots that fill the hidden
    field or post faster than a person can are refused with a form error."""

    website = forms.CharField(
        label=_("Lämna detta fält tomt"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    honeypot_error = _("Formuläret kunde inte skickas. Försök igen om en stund.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["started"].initial = signing.dumps(time.time(), salt=_SALT)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(self.honeypot_error, code="honeypot")
        try:
            started = signing.loads(
                cleaned.get("started") or "", salt=_SALT, max_age=FORM_MAX_AGE
            )
        except signing.BadSignature:
            raise forms.ValidationError(
                _("Formuläret har varit öppet för länge. Skicka det en gång till."),
                code="stale",
            ) from None
        if time.time() - float(started) < MIN_FILL_SECONDS:
            raise forms.ValidationError(self.honeypot_error, code="too_fast")
        return cleaned

    def refresh_started(self):
        """After an error, give the re-rendered form a fresh start time so that
        a person correcting a field is not refused as stale."""
        data = self.data.copy()
        data["started"] = signing.dumps(time.time() - MIN_FILL_SECONDS, salt=_SALT)
        self.data = data
